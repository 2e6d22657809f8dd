import type { FlowPreview } from "@/lib/flows/engine";
import type { PreviewVariant } from "@/lib/personalizations/preview-result";
import type { Conversion, SourceKind } from "@/lib/intercom-integration/mapping-rules";
import type { RenderedMergeTag } from "@/lib/rules/merge-tags";
import type { CallRecord } from "./telemetry";

// Views the debug panel receives. Plain JSON (dates as ISO strings) so they survive the action
// boundary and the "Copy diagnostic report" button unchanged.

export type ScalarValue = string | number | boolean | null;

export type ContactMatch = {
  id: string;
  role: string;
  name: string | null;
  email: string | null;
  updatedAt: string | null;
};

export type AttributeRow = {
  name: string;
  label: string;
  /** Intercom's data type, or null when the attribute list doesn't know it. */
  dataType: string | null;
  /** undefined: the contact has no value. */
  value?: ScalarValue;
  archived: boolean;
  apiWritable: boolean;
  /** Segment groups whose mappings write this attribute. */
  mappedFrom: string[];
};

export type TailorVisitor = {
  id: string;
  /** The first characters of the snippet's anonymous id. */
  anonymousId: string;
  email: string | null;
  linkedBy: "contact id" | "email";
  linkReason: string | null;
  identifiedAt: string | null;
  lastSeenAt: string;
  answers: { question: string; group: string; segments: string[]; answeredAt: string }[];
};

export type SyncLogView = {
  pending: { attribute: string; value: ScalarValue; since: string; attempts: number; status: string }[];
  recent: { at: string; outcome: string; attributes: string[]; note: string | null }[];
};

export type PersonalizationTrace = {
  placementKey: string;
  name: string;
  /** Name of the winning variant; null shows the default content. */
  winner: string | null;
  /** Whether the contact's latest browser is in the holdout (null: no holdout applies). */
  holdout: string | null;
  variants: PreviewVariant[];
  /** Merge tags of every content (default and each variant) rendered for this contact; `shown` is what it sees. */
  contents: { label: string; shown: boolean; tags: RenderedMergeTag[] }[];
};

export type PlanSegment = { key: string; name: string; numericValue: number | null };

export type PlanMapping = {
  id: string;
  attribute: string;
  conversion: Conversion;
  separator: string;
  /** The mapping's own source: a whole group, a question of it, or one of its segments. */
  sourceKind: SourceKind;
  sourceLabel: string;
  segmentKey?: string;
  /** Intercom's type for the attribute, when the attribute list knows it. */
  dataType: string | null;
};

export type PlanGroup = {
  id: string;
  key: string;
  name: string;
  selection: "single" | "multi";
  segments: PlanSegment[];
  mappings: PlanMapping[];
};

export type WritePlan = {
  /** Which mappings a test write uses: the published ones, else the draft, else none. */
  source: "published" | "draft" | "none";
  version: number | null;
  groups: PlanGroup[];
};

export type DebugContactView = {
  id: string;
  role: string;
  email: string | null;
  name: string | null;
  phone: string | null;
  externalId: string | null;
  createdAt: string | null;
  updatedAt: string | null;
  tags: { id: string; name: string }[];
  tagCount: number;
  standardAttributes: AttributeRow[];
  customAttributes: AttributeRow[];
  /** Custom attribute values as Intercom holds them now, for the write diff. */
  values: Record<string, ScalarValue>;
  tailor: { visitors: TailorVisitor[]; syncLog: SyncLogView };
  rules: {
    liveVersion: number | null;
    /** Whose Tailor answers the segment conditions see, or null when no linked visitor answered. */
    segmentsFrom: string | null;
    /** Groups no answer covers that the contact's mapped fields name ("Role: Founder"); rules and flows see them too. */
    fromIntercom: string[];
    personalizations: PersonalizationTrace[];
    /** What each enabled live flow would show this contact's visitor first. */
    flows: FlowPreview[];
  };
  plan: WritePlan;
  readAt: string;
};

export type LookupResult =
  | { kind: "contact"; contact: DebugContactView; pickedBecause: string | null; calls: CallRecord[] }
  | { kind: "several"; query: string; matches: ContactMatch[]; defaultId: string; reason: string; calls: CallRecord[] }
  | { kind: "not_found"; message: string; calls: CallRecord[] }
  | { kind: "error"; message: string; calls: CallRecord[] };

export type WriteRow = { attribute: string; group: string; before: ScalarValue | undefined; after: ScalarValue; changed: boolean };

export type VerifyRow = { attribute: string; expected: ScalarValue; actual: ScalarValue | undefined; ok: boolean };

export type TrialWriteResult =
  | {
      outcome: "verified" | "mismatch";
      message: string;
      rows: WriteRow[];
      checks: VerifyRow[];
      contact: DebugContactView;
      calls: CallRecord[];
    }
  | { outcome: "failed"; message: string; rows: WriteRow[]; contact: null; calls: CallRecord[] };
