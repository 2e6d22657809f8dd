import type { FaultConfig } from "@/emulator/faults";

// The e2e Intercom emulator runs inside the webServer process; tests steer it over its control API.
const origin = () => process.env.E2E_EMULATOR_ORIGIN ?? "http://127.0.0.1:4100";

type Tokens = Record<"US" | "EU" | "AU", { full: string; readOnly: string }>;
export type EmulatorEvent = { event_name: string; created_at: number; intercom_user_id: string; metadata: Record<string, unknown> };
export type EmulatorContact = { id: string; email: string; custom_attributes: Record<string, unknown> };

async function control(path: string, init?: RequestInit) {
  const res = await fetch(`${origin()}/__emulator${path}`, { ...init, headers: { "Content-Type": "application/json" } });
  if (!res.ok) throw new Error(`emulator control ${path}: ${res.status}`);
  return res.json();
}

export const emulator = {
  async info(): Promise<{ tokens: Tokens }> {
    return control("/info");
  },
  setFaults(config: FaultConfig) {
    return control("/faults", { method: "POST", body: JSON.stringify(config) });
  },
  clearFaults() {
    return control("/faults", { method: "DELETE" });
  },
  /** (Un)archives a contact attribute, as an Intercom admin would. Only touch attributes your test created. */
  archiveAttribute(name: string, archived = true, region: "US" | "EU" | "AU" = "US") {
    return control("/data-attributes/archive", { method: "POST", body: JSON.stringify({ region, name, archived }) });
  },
  /** A token of the test's own (so scripted outages never touch other tests' tokens). */
  async createToken(region: "US" | "EU" | "AU" = "US", access: "full" | "read" = "full"): Promise<string> {
    return ((await control("/tokens", { method: "POST", body: JSON.stringify({ region, access }) })) as { token: string }).token;
  },
  /** The token answers 401 for `ms`, then works again. Only for tokens from createToken. */
  suspendToken(token: string, ms: number) {
    return control("/tokens/suspend", { method: "POST", body: JSON.stringify({ token, ms }) });
  },
  /** A US contact of the test's own, searchable at once. Extra fields as in the fixture (custom_attributes, name…). */
  createContact(email: string, fields: Record<string, unknown> = {}): Promise<EmulatorContact> {
    return control("/contacts", { method: "POST", body: JSON.stringify({ region: "US", email, role: "user", indexingDelayMs: 0, ...fields }) });
  },
  async findContact(email: string): Promise<EmulatorContact | undefined> {
    const { data } = (await control(`/contacts?region=US&email=${encodeURIComponent(email)}`)) as { data: EmulatorContact[] };
    return data[0];
  },
  /** Data events Intercom holds for a US contact (oldest first), and the duplicates it ignored (workspace-wide). */
  async events(email: string): Promise<{ events: EmulatorEvent[]; duplicates: number }> {
    return control(`/events?region=US&email=${encodeURIComponent(email)}`);
  },
  /** Calls the emulated Intercom API itself (US), as Intercom's users would. */
  intercomApi(path: string, token: string, init: { method?: string; body?: unknown } = {}): Promise<Response> {
    return fetch(`${origin()}/us${path}`, {
      method: init.method ?? "GET",
      headers: { Authorization: `Bearer ${token}`, Accept: "application/json", "Content-Type": "application/json" },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
  },
};

/** The embedded default (SQLite) syncs in the app; on Postgres, production runs `npm run worker`: here, in the test. */
export async function syncIfPostgres(): Promise<void> {
  const { dialect } = await import("@/db/client");
  if (dialect !== "postgres") return;
  const { SyncWorker } = await import("@/lib/sync/worker");
  await new SyncWorker({ config: { pollMs: 50, housekeepingMs: 0 } }).drain({ timeoutMs: 20_000 });
}

/** The scheduled Intercom refresh runs in the app's worker on SQLite; on Postgres `npm run worker` runs it: here, in the test. */
export async function refreshIfPostgres(workspaceId: string): Promise<void> {
  const { dialect } = await import("@/db/client");
  if (dialect !== "postgres") return;
  const { requestRefresh, runScheduledRefresh } = await import("@/lib/intercom-integration/refresh");
  // Many e2e workspaces are connected at once and a tick is bounded: ask for this one, as the sync engine does after an error.
  await requestRefresh(workspaceId);
  await runScheduledRefresh({ intervalMs: Number(process.env.TAILOR_INTERCOM_REFRESH_MS ?? 4_000) });
}
