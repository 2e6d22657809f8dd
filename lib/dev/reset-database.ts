import { rmSync } from "node:fs";
import { redactUrl } from "@/lib/redact";

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "::1"]);

/** A host name (or Unix socket folder) that is this machine. */
function isLocalHost(host: string): boolean {
  const h = decodeURIComponent(host).replace(/^\[|\]$/g, "").toLowerCase();
  return h.startsWith("/") || LOCAL_HOSTS.has(h) || /^127(\.\d{1,3}){3}$/.test(h);
}

/**
 * Whether `demo --reset` may drop the database this URL names: a SQLite file, or Postgres on this
 * machine (127.0.0.1, localhost, ::1 or a Unix socket). node-postgres takes the host from the URL
 * or, when given, from `?host=`; both must be local.
 */
export function isLocalDatabaseUrl(url: string): boolean {
  if (url.startsWith("file:")) return true;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (!/^postgres(ql)?:$/.test(parsed.protocol)) return false;
  const hostParam = parsed.searchParams.get("host");
  if (hostParam !== null && !isLocalHost(hostParam)) return false;
  // No host at all means the default socket (or ?host=, checked above).
  return parsed.hostname === "" || isLocalHost(parsed.hostname);
}

/** Empties the demo's (or an e2e run's) database: deletes the SQLite file, or drops and recreates a local Postgres database. */
export async function resetDatabase(url: string): Promise<void> {
  if (!isLocalDatabaseUrl(url)) {
    throw new Error(
      `refusing to reset ${redactUrl(url)}: --reset drops the database, and does so only on this machine (a SQLite file, or Postgres on 127.0.0.1, localhost or a Unix socket)`,
    );
  }
  if (url.startsWith("file:")) {
    const file = url.slice("file:".length);
    for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
    return;
  }
  // Postgres: a database of its own for the demo or e2e run, emptied (created if missing).
  const pg = (await import("pg")).default;
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`refusing to reset a database named ${JSON.stringify(name)}`);
  const admin = new pg.Client({ connectionString: Object.assign(new URL(url), { pathname: "/postgres" }).toString() });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
}
