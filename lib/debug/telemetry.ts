import type { IntercomResponseInfo } from "@/lib/intercom";
import { isIntercomError } from "@/lib/intercom/errors";
import { redactSecrets } from "./redact";

// What the panel shows as "the last call": per HTTP response, what the client's onResponse hook
// saw (method, path, status, request id, rate-limit headers) plus, for the response that answered
// an operation, our request summary and the client's parsed result. Never headers or the token.

export type CallRecord = {
  /** What Tailor was doing, e.g. "Read contact". */
  operation: string;
  method: string;
  path: string;
  /** null: no HTTP response (timeout, network). */
  status: number | null;
  requestId: string | null;
  rateLimit: { limit: number | null; remaining: number | null; resetAt: string | null };
  durationMs: number | null;
  /** The body Tailor sent, when there is one. */
  request: unknown;
  /** Intercom's response as the client parsed it, or the typed error. */
  response: unknown;
  /** The call that answered the step's main question (the contact read, the write): shown first. */
  primary: boolean;
  at: string;
};

const MAX_LIST_ITEMS = 20;

function clip(value: unknown): unknown {
  if (Array.isArray(value) && value.length > MAX_LIST_ITEMS) {
    return [...value.slice(0, MAX_LIST_ITEMS), `… ${value.length - MAX_LIST_ITEMS} more`];
  }
  return value;
}

export function errorSummary(error: unknown): { error: Record<string, unknown> } {
  if (isIntercomError(error)) return { error: error.toJSON() };
  return { error: { name: error instanceof Error ? error.name : "Error", message: "Tailor could not complete the call." } };
}

export type CallRecorder = ReturnType<typeof createCallRecorder>;

export function createCallRecorder(now: () => Date = () => new Date()) {
  const calls: CallRecord[] = [];

  function onResponse(info: IntercomResponseInfo) {
    calls.push({
      operation: "",
      method: info.method,
      path: info.path,
      status: info.status,
      requestId: info.requestId ?? null,
      rateLimit: {
        limit: info.rateLimit.limit ?? null,
        remaining: info.rateLimit.remaining ?? null,
        resetAt: info.rateLimit.resetAt?.toISOString() ?? null,
      },
      durationMs: info.durationMs,
      request: null,
      response: null,
      primary: false,
      at: now().toISOString(),
    });
  }

  /**
   * Runs one client operation and labels the HTTP responses it caused. The request summary and
   * the parsed result (or error) go on the response that answered it: the last one with the
   * expected method and path (a failed write is followed by diagnostic reads).
   */
  async function track<T>(
    operation: string,
    expected: { method: string; path: string; request?: unknown; primary?: boolean },
    fn: () => Promise<T>,
  ): Promise<T> {
    const from = calls.length;
    const finish = (response: unknown) => {
      const own = calls.slice(from);
      for (const call of own) if (!call.operation) call.operation = operation;
      const answer = [...own].reverse().find((c) => c.method === expected.method && c.path === expected.path);
      const target =
        answer ??
        (() => {
          const record: CallRecord = {
            operation,
            method: expected.method,
            path: expected.path,
            status: null,
            requestId: null,
            rateLimit: { limit: null, remaining: null, resetAt: null },
            durationMs: null,
            request: null,
            response: null,
            primary: false,
            at: now().toISOString(),
          };
          calls.push(record);
          return record;
        })();
      target.request = expected.request ?? null;
      target.response = clip(response);
      target.primary = expected.primary ?? false;
    };
    try {
      const result = await fn();
      finish(result);
      return result;
    } catch (error) {
      finish(errorSummary(error));
      throw error;
    }
  }

  return {
    onResponse,
    track,
    /** The calls so far, redacted, oldest first. */
    calls: (): CallRecord[] => redactSecrets(calls),
  };
}
