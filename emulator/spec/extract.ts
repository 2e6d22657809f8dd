// Regenerates ./intercom-openapi-2.14.subset.json: the operations Tailor calls (and the emulator
// serves) from Intercom's official OpenAPI description, with every component schema they reach.
// The conformance suite reads the committed subset, so tests never need the full spec next to the
// repo. Usage: tsx emulator/spec/extract.ts <path to api.intercom.io.yaml>
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";

export const SUBSET_PATHS = [
  "/me",
  "/data_attributes",
  "/contacts",
  "/contacts/search",
  "/contacts/{contact_id}",
  "/contacts/{contact_id}/tags",
  "/contacts/{contact_id}/tags/{tag_id}",
  "/tags",
  "/tags/{tag_id}",
  "/events",
] as const;

type Doc = { openapi: string; info: unknown; paths: Record<string, unknown>; components: { schemas: Record<string, unknown> } };

function refsIn(node: unknown, out: Set<string>) {
  if (Array.isArray(node)) node.forEach((n) => refsIn(n, out));
  else if (node && typeof node === "object") {
    for (const [key, value] of Object.entries(node)) {
      if (key === "$ref" && typeof value === "string" && value.startsWith("#/components/schemas/")) out.add(value.slice("#/components/schemas/".length));
      else refsIn(value, out);
    }
  }
}

export function extractSubset(doc: Doc) {
  const paths = Object.fromEntries(SUBSET_PATHS.filter((p) => doc.paths[p]).map((p) => [p, doc.paths[p]]));
  // `data_event` is named by no operation but is the shape of a listed event (GET /events).
  const wanted = new Set<string>(["error", "data_event"]);
  refsIn(paths, wanted);
  const schemas: Record<string, unknown> = {};
  const queue = [...wanted];
  while (queue.length > 0) {
    const name = queue.pop()!;
    if (schemas[name] !== undefined || doc.components.schemas[name] === undefined) continue;
    schemas[name] = doc.components.schemas[name];
    const more = new Set<string>();
    refsIn(schemas[name], more);
    for (const m of more) if (schemas[m] === undefined) queue.push(m);
  }
  const sorted = Object.fromEntries(Object.keys(schemas).sort().map((k) => [k, schemas[k]]));
  return { openapi: doc.openapi, info: doc.info, paths, components: { schemas: sorted } };
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const source = process.argv[2];
  if (!source) throw new Error("usage: tsx emulator/spec/extract.ts <api.intercom.io.yaml>");
  const subset = extractSubset(parse(readFileSync(source, "utf8")) as Doc);
  const versionFile = path.join(path.dirname(source), "VERSION");
  let provenance = `extracted from ${path.basename(source)}`;
  try {
    provenance = readFileSync(versionFile, "utf8").trim().replace(/\s*\n\s*/g, "; ");
  } catch {
    // no VERSION file next to the spec
  }
  Object.assign(subset, { "x-tailor-source": provenance });
  const target = path.join(import.meta.dirname, "intercom-openapi-2.14.subset.json");
  writeFileSync(target, `${JSON.stringify(subset, null, 1)}\n`);
  console.log(`wrote ${target}: ${Object.keys(subset.paths).length} paths, ${Object.keys(subset.components.schemas).length} schemas`);
}
