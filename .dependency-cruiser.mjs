// One dependency direction for the product's code (docs/architecture.md, "Layers").
// `npm run lint:deps` checks the tree with this file and .dependency-cruiser.folders.mjs (no folder cycles in
// lib/); lib/dev/dependency-rules.test.ts proves a back-edge fails.
//
//   foundations → provider → domain → engines → edges
//   (each layer may import the layers to its left, never to its right)
//
// Tools (the emulator, benches, e2e, demo/seed scripts, test helpers and tests) may import anything;
// product code never imports a tool.

// A path pattern per layer (relative to the repository root).
export const layers = {
  foundation: [
    "^db/",
    "^lib/(shared|mail)/",
    "^lib/(env|errors|log|redact|secret-file|crypto|app-url|client-ip|utils|format|field-errors|audit|audit-text|security-headers|query-keys|query-client)\\.ts$",
  ],
  provider: ["^lib/intercom/"],
  domain: [
    "^lib/(auth|members|notifications|rules|segments|intercom-integration|personalizations|flows|drafts|publishing|identity|website|analytics)/",
  ],
  engine: ["^lib/(runtime|sync|debug)/"],
  // Server actions live beside their domain (lib/<domain>/actions.ts, *-actions.ts) but are edges.
  edge: [
    "^lib/public-api/",
    "^lib/(action|forms|nav|not-found|date-style)\\.ts$",
    "^lib/[^/]+/(actions|[a-z]+-actions)\\.ts$",
    "^app/",
    "^components/",
    "^(proxy|instrumentation)\\.ts$",
  ],
};

export const tools = [
  "^emulator/",
  "^bench/",
  "^e2e/",
  "^lib/(dev|testing)/",
  "/test-[^/]*\\.ts$",
  "\\.test\\.ts$",
  "^db/(seed|migrate|migrate-db|empty-module)\\.ts$",
];

const edgeFiles = layers.edge;
const above = {
  foundation: [...layers.provider, ...layers.domain, ...layers.engine, ...layers.edge],
  provider: [...layers.domain, ...layers.engine, ...layers.edge],
  domain: [...layers.engine, ...layers.edge],
  engine: [...layers.edge],
};

const layerRule = (layer) => ({
  name: `${layer}-imports-upward`,
  comment: `${layer} code may only import ${layer} code or the layers below it (see docs/architecture.md)`,
  severity: "error",
  from: { path: layers[layer], pathNot: [...tools, ...(layer === "foundation" ? [] : edgeFiles)] },
  to: { path: above[layer], pathNot: tools },
});

/** @type {import("dependency-cruiser").IConfiguration} */
const config = {
  forbidden: [
    layerRule("foundation"),
    layerRule("provider"),
    layerRule("domain"),
    layerRule("engine"),
    {
      name: "product-imports-tool",
      comment: "product code never imports the emulator, test helpers, tests, benches or dev scripts",
      severity: "error",
      from: { pathNot: tools },
      to: { path: tools },
    },
    {
      name: "no-module-cycles",
      comment: "no module imports itself through others",
      severity: "error",
      from: { path: "^(lib|db)/", pathNot: tools },
      to: { circular: true, viaOnly: { pathNot: tools.join("|") } },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: ["^\\.next/", "^node_modules/", "^data/"] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".tsx", ".mjs", ".js", ".json"],
    },
  },
};

export default config;
