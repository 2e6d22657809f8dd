// Published mappings for tests (kept free of JSON imports so Playwright specs can use it too).
import { eq } from "drizzle-orm";
import { getDb, tables } from "@/db/client";
import { saveMappings } from "@/lib/intercom-integration/mappings";
import type { MappingRowInput } from "@/lib/intercom-integration/mapping-schema";
import { loadMappingSources } from "@/lib/intercom-integration/mapping-sources";
import { publishDraft } from "@/lib/publishing/versions";

export type MappingSpec = { source: string; attribute: string; conversion: string; writePolicy?: "overwrite" | "only_if_empty"; longStrings?: "truncate" | "refuse"; enabled?: boolean };

/** Role question → tailor_role, team size → tailor_team_size, interests → tailor_interests. */
export const DEFAULT_MAPPINGS: MappingSpec[] = [
  { source: "“What best describes you?”", attribute: "tailor_role", conversion: "segment_key" },
  { source: "Company size", attribute: "tailor_team_size", conversion: "numeric_value" },
  { source: "Interests", attribute: "tailor_interests", conversion: "joined_keys" },
];

export async function setMappings(actor: { workspaceId: string; userId: string }, specs: MappingSpec[]) {
  const refs = Object.fromEntries((await loadMappingSources(actor.workspaceId)).map((s) => [s.label, s.ref]));
  const rows: MappingRowInput[] = specs.map((m) => ({
    source: refs[m.source] ?? m.source,
    attribute: m.attribute,
    conversion: m.conversion,
    separator: ",",
    writePolicy: m.writePolicy ?? "overwrite",
    longStrings: m.longStrings ?? "truncate",
    enabled: m.enabled ?? true,
  }));
  const existing = await getDb().select().from(tables.fieldMappings).where(eq(tables.fieldMappings.workspaceId, actor.workspaceId));
  // Keep ids of rows that map the same attribute, so a re-save is an edit, not a new mapping.
  const withIds = rows.map((r) => ({ ...r, id: existing.find((e) => e.attributeName === r.attribute)?.id }));
  await saveMappings(actor, { mappings: withIds });
  await publishDraft(actor);
}
