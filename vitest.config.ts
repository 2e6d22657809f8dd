import { defineConfig } from "vitest/config";
import path from "node:path";

const alias = {
  "@": path.resolve(import.meta.dirname),
  // Next's guard against importing server code into client bundles; meaningless in Node tests.
  "server-only": path.resolve(import.meta.dirname, "db/empty-module.ts"),
};
// Data-layer suites (*.db.test.ts) run twice: once on a SQLite file, once on Postgres.
const dbTests = ["lib/**/*.db.test.ts", "db/**/*.db.test.ts"];
// Multi-node suites (*.cluster.test.ts) start real app processes on the built app: `npm run test:cluster` after `npm run build`.
const clusterTests = ["lib/**/*.cluster.test.ts"];
const pgUrl = process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/test";

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "db/**/*.test.ts", "emulator/**/*.test.ts", "components/**/*.test.tsx"],
          exclude: [...dbTests, ...clusterTests],
          environment: "node",
        },
      },
      {
        resolve: { alias },
        test: {
          name: "db:sqlite",
          include: dbTests,
          environment: "node",
          env: { TEST_DB_DIALECT: "sqlite" },
          setupFiles: ["db/test-setup.ts"],
        },
      },
      {
        resolve: { alias },
        test: {
          name: "db:postgres",
          include: dbTests,
          environment: "node",
          env: { TEST_DB_DIALECT: "postgres", TEST_POSTGRES_URL: pgUrl },
          setupFiles: ["db/test-setup.ts"],
        },
      },
      {
        resolve: { alias },
        test: {
          name: "cluster",
          include: clusterTests,
          environment: "node",
          env: { TEST_POSTGRES_URL: pgUrl },
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
