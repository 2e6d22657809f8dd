import { redactSecrets } from "./redact";
import type { LookupResult, TrialWriteResult } from "./types";

export type DiagnosticInput = {
  connection: { region: string; appName: string; status: string } | null;
  query: string;
  lookup: LookupResult | null;
  write: TrialWriteResult | null;
  generatedAt: Date;
  generatedBy: string;
};

/** "Copy diagnostic report": everything the panel shows, as JSON, with secrets removed. */
export function buildDiagnosticReport(input: DiagnosticInput, secrets: readonly string[] = []): Record<string, unknown> {
  const { lookup, write } = input;
  const report = {
    kind: "tailor.debug-report",
    version: 1,
    generatedAt: input.generatedAt.toISOString(),
    generatedBy: input.generatedBy,
    intercom: input.connection,
    lookup: lookup
      ? {
          query: input.query,
          outcome: lookup.kind,
          ...(lookup.kind === "contact" ? { contact: lookup.contact, pickedBecause: lookup.pickedBecause } : {}),
          ...(lookup.kind === "several" ? { matches: lookup.matches, defaultId: lookup.defaultId, reason: lookup.reason } : {}),
          ...(lookup.kind === "not_found" || lookup.kind === "error" ? { message: lookup.message } : {}),
          calls: lookup.calls,
        }
      : null,
    testWrite: write
      ? {
          outcome: write.outcome,
          message: write.message,
          rows: write.rows,
          ...(write.outcome === "failed" ? {} : { checks: write.checks }),
          calls: write.calls,
        }
      : null,
    note: "Authorization headers and access tokens are never included.",
  };
  return redactSecrets(report, secrets);
}
