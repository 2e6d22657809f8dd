/** `npm run db:generate -- --name <change>`: drizzle-kit generate for both dialects with the same arguments. */
import { spawnSync } from "node:child_process";

const extra = process.argv.slice(2);
for (const config of ["drizzle.config.ts", "drizzle.pg.config.ts"]) {
  const run = spawnSync("npx", ["drizzle-kit", "generate", "--config", config, ...extra], { stdio: "inherit" });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
