import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    // Settings are parsed once, in lib/env.ts (tests, dev scripts and test helpers may set or read them).
    files: ["lib/**/*.ts", "lib/**/*.tsx", "db/**/*.ts"],
    ignores: ["lib/env.ts", "**/*.test.ts", "**/test-*.ts", "lib/dev/**", "lib/testing/**"],
    rules: {
      "no-restricted-properties": ["error", { object: "process", property: "env", message: "Read settings through env() from lib/env.ts." }],
    },
  },
  { ignores: [".next/**", "node_modules/**", "data/**", "test-results/**", "playwright-report/**", "next-env.d.ts"] },
];

export default config;
