import type { FaultConfig } from "@/lib/intercom-emulator/faults";

// The e2e Intercom emulator runs inside the webServer process; tests steer it over its control API.
const origin = () => process.env.E2E_EMULATOR_ORIGIN ?? "http://127.0.0.1:4100";

type Tokens = Record<"US" | "EU" | "AU", { full: string; readOnly: string }>;

async function control(path: string, init?: RequestInit) {
  const res = await fetch(`${origin()}/__emulator${path}`, init);
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
};
