import { z } from "zod";
import { ATTRIBUTE_NAME_FORBIDDEN, ATTRIBUTE_NAME_MAX } from "./attribute-name";
import {
  conversionLabels,
  DEFAULT_LONG_STRING_POLICY,
  LONG_STRING_POLICIES,
  dataTypeLabels,
  ruleFor,
  unavailableReason,
  type AttributeDataType,
  type AttributeFacts,
  type SourceFacts,
} from "./mapping-rules";

/** A mapping source as the form and the server both see it; `ref` is "group:<id>", "question:<id>" or "segment:<id>". */
export type MappingSource = SourceFacts & {
  ref: string;
  type: "group" | "question" | "segment" | "behavior";
  label: string;
  groupName: string;
  /** Base for a proposed Intercom field name ("Company size" → tailor_company_size). */
  nameBase: string;
};

export const WRITE_POLICIES = ["overwrite", "only_if_empty"] as const;
export const writePolicyLabels = { overwrite: "Always overwrite", only_if_empty: "Only when empty in Intercom" } as const;

export const mappingRowSchema = z.object({
  /** Saved mapping id; absent for a new row. */
  id: z.string().optional(),
  source: z.string().min(1, "Choose what to map."),
  attribute: z.string().min(1, "Choose an Intercom attribute."),
  conversion: z.string(),
  separator: z.string().max(5, "Use at most 5 characters."),
  writePolicy: z.enum(WRITE_POLICIES),
  longStrings: z.enum(LONG_STRING_POLICIES).default(DEFAULT_LONG_STRING_POLICY),
  enabled: z.boolean(),
});
export type MappingRowInput = z.input<typeof mappingRowSchema>;

export const saveMappingsSchema = z.object({ mappings: z.array(mappingRowSchema).max(200, "Use at most 200 mappings.") });
export type SaveMappingsInput = z.input<typeof saveMappingsSchema>;

/** What the compatibility checks need: the same shape on the client (from props) and the server (from the DB). */
export type MappingContext = {
  sources: Pick<MappingSource, "ref" | "kind" | "segments" | "segmentKey" | "label">[];
  attributes: AttributeFacts[];
  /** Attribute of each saved mapping: a drifted mapping may keep its attribute until it is fixed. */
  savedAttributeById: Record<string, string>;
};

/**
 * The save schema with the rules table applied to every row. The form resolves with it and the
 * server action parses with it (built from the database), so an incompatible pair is refused
 * with the row's field error ("mappings.3.attribute") even if the UI is bypassed.
 */
export function mappingsSchemaFor(context: MappingContext) {
  const sources = new Map(context.sources.map((s) => [s.ref, s]));
  const attributes = new Map(context.attributes.map((a) => [a.name, a]));
  return saveMappingsSchema.superRefine((value, ctx) => {
    const seen = new Map<string, number>();
    value.mappings.forEach((row, i) => {
      const at = (field: string, message: string) => ctx.addIssue({ code: "custom", path: ["mappings", i, field], message });
      const source = sources.get(row.source);
      if (!source) return at("source", "That source no longer exists. Choose another.");
      const attr = attributes.get(row.attribute);
      if (!attr) return at("attribute", `Intercom has no attribute named “${row.attribute}”. Reload attributes and choose again.`);
      const keepsDrifted = row.id !== undefined && context.savedAttributeById[row.id] === row.attribute;
      const unavailable = unavailableReason(attr);
      if (unavailable && !keepsDrifted) return at("attribute", `${row.attribute} can't be chosen: ${unavailable.toLowerCase()}.`);
      const rule = ruleFor(source, attr.dataType);
      if (rule.reason) return at("attribute", `${source.label} can't go into ${row.attribute} (${dataTypeLabels[attr.dataType].toLowerCase()}): ${rule.reason}`);
      if (!(rule.allowed as readonly string[]).includes(row.conversion)) {
        return at("conversion", `Choose one of: ${rule.allowed.map((c) => conversionLabels[c]).join(", ")}.`);
      }
      if (row.enabled) {
        const earlier = seen.get(row.attribute);
        if (earlier !== undefined) at("attribute", `${row.attribute} is already written by mapping ${earlier + 1}. Each attribute can have one enabled mapping.`);
        else seen.set(row.attribute, i);
      }
    });
  });
}

export const CREATE_DATA_TYPES = ["string", "integer", "float", "boolean", "date"] as const satisfies readonly AttributeDataType[];

export const createAttributeSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, "Enter a name.")
    .max(ATTRIBUTE_NAME_MAX, `Use at most ${ATTRIBUTE_NAME_MAX} characters.`)
    .refine((n) => !ATTRIBUTE_NAME_FORBIDDEN.test(n), "Intercom doesn't allow . $ ~ ` ! @ # % ^ & * ' { } | \\ or \" in names."),
  dataType: z.enum(CREATE_DATA_TYPES, { error: "Choose a type." }),
  description: z.string().trim().max(200).optional(),
});
export type CreateAttributeInput = z.input<typeof createAttributeSchema>;
