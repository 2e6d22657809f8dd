import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { cruise, type ICruiseOptions, type ICruiseResult, type IViolation } from "dependency-cruiser";
import extractDepcruiseOptions from "dependency-cruiser/config-utl/extract-depcruise-options";
import extractTSConfig from "dependency-cruiser/config-utl/extract-ts-config";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// The layer rules of docs/architecture.md ("Layers"), as `npm run lint:deps` runs them: the tree is
// clean, and a deliberately added back-edge (in a throwaway copy of the layout) is an error.
const repo = path.resolve(import.meta.dirname, "..");
const layersConfig = path.join(repo, ".dependency-cruiser.mjs");
const foldersConfig = path.join(repo, ".dependency-cruiser.folders.mjs");

async function violations(configFile: string, paths: string[], baseDir: string, withTsConfig: boolean): Promise<IViolation[]> {
  const options: ICruiseOptions = { ...(await extractDepcruiseOptions(configFile)), baseDir, outputType: "json" };
  const tsConfigFile = path.join(repo, "tsconfig.json");
  if (withTsConfig) options.tsConfig = { fileName: tsConfigFile };
  else delete options.tsConfig;
  const result = await cruise(paths, options, {}, withTsConfig ? { tsConfig: extractTSConfig(tsConfigFile) } : {});
  return parsed(result.output).summary.violations;
}

const parsed = (output: string | ICruiseResult): ICruiseResult => (typeof output === "string" ? (JSON.parse(output) as ICruiseResult) : output);
const ruleNames = (list: IViolation[]) => [...new Set(list.map((v) => v.rule.name))].sort();

describe("the layer rules on the tree", () => {
  it("find no back-edge, no module cycle and no product code importing a tool", async () => {
    const found = await violations(layersConfig, ["lib", "db", "app", "components", "proxy.ts", "instrumentation.ts"], repo, true);
    expect(found.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`)).toEqual([]);
  }, 60_000);

  it("find no folder cycle in lib/", async () => {
    const found = await violations(foldersConfig, ["lib"], repo, true);
    expect(found.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`)).toEqual([]);
  }, 60_000);

  it("resolve the @/ alias (an unresolved import would hide edges)", async () => {
    const options: ICruiseOptions = { ...(await extractDepcruiseOptions(layersConfig)), baseDir: repo, outputType: "json" };
    options.tsConfig = { fileName: path.join(repo, "tsconfig.json") };
    const result = await cruise(["lib/runtime/decide.ts"], options, {}, { tsConfig: extractTSConfig(path.join(repo, "tsconfig.json")) });
    const decide = parsed(result.output).modules.find((m) => m.source === "lib/runtime/decide.ts")!;
    expect(decide.dependencies.map((d) => d.resolved)).toContain("lib/publishing/versions.ts");
    expect(decide.dependencies.filter((d) => d.couldNotResolve)).toEqual([]);
  }, 60_000);
});

describe("the layer rules on a deliberately broken layout", () => {
  let dir: string;
  const write = (file: string, source: string) => {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), source);
  };

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "tailor-layers-"));
    // Allowed: an engine using the domain and a foundation; an edge using an engine.
    write("lib/errors.ts", "export class NotFoundError extends Error {}\n");
    write("lib/flows/schema.ts", 'import { NotFoundError } from "../errors";\nexport const flows = [NotFoundError];\n');
    write("lib/runtime/decide.ts", 'import { flows } from "../flows/schema";\nexport const decide = () => flows;\n');
    write("lib/public-api/handler.ts", 'import { decide } from "../runtime/decide";\nexport const handle = () => decide();\n');
    // A server action beside its domain is an edge: it may use the domain (a folder cycle still counts).
    write("lib/flows/actions.ts", 'import { flows } from "./schema";\nexport const act = () => flows;\n');
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("is clean before the back-edge", async () => {
    expect(await violations(layersConfig, ["lib"], dir, false)).toEqual([]);
    expect(await violations(foldersConfig, ["lib"], dir, false)).toEqual([]);
  });

  it("fails a domain module that imports an engine, and reports the folder cycle it makes", async () => {
    write("lib/flows/offer.ts", 'import { decide } from "../runtime/decide";\nexport const offer = () => decide();\n');
    try {
      const layers = await violations(layersConfig, ["lib"], dir, false);
      expect(layers.map((v) => [v.rule.name, v.from, v.to])).toEqual([["domain-imports-upward", "lib/flows/offer.ts", "lib/runtime/decide.ts"]]);
      expect(layers[0]!.rule.severity).toBe("error");
      const folders = await violations(foldersConfig, ["lib"], dir, false);
      expect(ruleNames(folders)).toEqual(["no-folder-cycles"]);
    } finally {
      fs.rmSync(path.join(dir, "lib/flows/offer.ts"));
    }
  });

  it("fails a foundation that imports the edge, an engine that throws the edge's HTTP error, and product code importing the emulator", async () => {
    write("lib/public-api/http.ts", "export class PublicApiError extends Error {}\n");
    write("lib/runtime/answers.ts", 'import { PublicApiError } from "../public-api/http";\nexport const fail = () => new PublicApiError();\n');
    write("lib/shared/bus.ts", 'import { handle } from "../public-api/handler";\nexport const bus = handle;\n');
    write("emulator/server.ts", "export const start = () => 1;\n");
    write("lib/intercom/client.ts", 'import { start } from "../../emulator/server";\nexport const client = start;\n');
    const found = await violations(layersConfig, ["lib", "emulator"], dir, false);
    expect(found.map((v) => [v.rule.name, v.from, v.to]).sort()).toEqual(
      [
        ["engine-imports-upward", "lib/runtime/answers.ts", "lib/public-api/http.ts"],
        ["foundation-imports-upward", "lib/shared/bus.ts", "lib/public-api/handler.ts"],
        ["product-imports-tool", "lib/intercom/client.ts", "emulator/server.ts"],
      ].sort(),
    );
  });
});
