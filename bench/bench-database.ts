import { resetDatabase } from "@/lib/dev/reset-database";

/** Empties a bench's Postgres database: only one whose name says "bench", and only on this machine. */
export async function resetBenchPostgres(url: string): Promise<void> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!name.includes("bench")) throw new Error(`refusing to reset ${name}: use a database whose name contains "bench"`);
  await resetDatabase(url);
}
