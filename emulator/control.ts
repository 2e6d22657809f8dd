// Control API for tests and demos, outside Intercom's URL space (/__emulator/...). No auth: the
// emulator only binds to loopback and holds fake data.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { FaultConfig, Faults } from "./faults";
import { readBody, sendJson } from "./http-io";
import { isPlainObject, type EmulatorSettings } from "./router";
import { REGIONS, type EmulatorState, type FixtureContact, type Region } from "./state";
import { contactJson } from "./routes/contacts";
import { eventJson } from "./routes/events";

export interface ControlDeps {
  state: EmulatorState;
  settings: EmulatorSettings;
  faults: Faults;
  reset(): void;
  clearRateLimits(): void;
}

/** Each region's seeded full-access and read-only token. */
export function tokensOf(state: EmulatorState): Record<Region, { full: string; readOnly: string }> {
  return Object.fromEntries(
    REGIONS.map((region) => {
      const ws = state.workspace(region);
      const full = ws.tokens.find((t) => t.access === "full")?.token ?? "";
      const readOnly = ws.tokens.find((t) => t.access === "read")?.token ?? "";
      return [region, { full, readOnly }];
    }),
  ) as Record<Region, { full: string; readOnly: string }>;
}

class ControlError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function regionParam(value: unknown): Region {
  const upper = typeof value === "string" ? value.toUpperCase() : "US";
  if (!(REGIONS as readonly string[]).includes(upper)) throw new ControlError(400, `Unknown region ${String(value)}`);
  return upper as Region;
}

async function jsonBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const raw = await readBody(req);
  if (raw.trim() === "") return {};
  try {
    const value: unknown = JSON.parse(raw);
    if (isPlainObject(value)) return value;
  } catch {
    // fall through
  }
  throw new ControlError(400, "Body must be a JSON object");
}

export async function handleControl(req: IncomingMessage, res: ServerResponse, url: URL, deps: ControlDeps): Promise<void> {
  const { state, settings, faults } = deps;
  const route = `${req.method} ${url.pathname.replace(/\/+$/, "")}`;
  try {
    switch (route) {
      case "GET /__emulator/health":
        return sendJson(res, 200, { ok: true });
      case "GET /__emulator/info":
        return sendJson(res, 200, { tokens: tokensOf(state) });
      case "GET /__emulator/state":
        return sendJson(res, 200, { settings, faults: faults.get(), ...state.dump() });
      case "POST /__emulator/reset":
        deps.reset();
        return sendJson(res, 200, { ok: true });
      case "GET /__emulator/faults":
        return sendJson(res, 200, faults.get());
      case "POST /__emulator/faults":
        return sendJson(res, 200, faults.set((await jsonBody(req)) as FaultConfig));
      case "DELETE /__emulator/faults":
        faults.clear();
        return sendJson(res, 200, faults.get());
      case "POST /__emulator/config": {
        const body = await jsonBody(req);
        if (body.crossRegion === "route" || body.crossRegion === "strict") settings.crossRegion = body.crossRegion;
        for (const key of ["indexingDelayMs", "maxCustomAttributes", "rateLimit"] as const) {
          if (typeof body[key] === "number") settings[key] = body[key];
        }
        if (typeof body.validateListOptions === "boolean") settings.validateListOptions = body.validateListOptions;
        return sendJson(res, 200, settings);
      }
      case "POST /__emulator/tokens/revoke": {
        const { token } = await jsonBody(req);
        if (typeof token !== "string" || !state.revokeToken(token)) throw new ControlError(404, "Unknown token");
        return sendJson(res, 200, { revoked: true });
      }
      case "POST /__emulator/tokens": {
        const body = await jsonBody(req);
        const access = body.access === "read" ? "read" : "full";
        return sendJson(res, 200, { token: state.addToken(regionParam(body.region), access) });
      }
      case "POST /__emulator/tokens/suspend": {
        const { token, ms } = await jsonBody(req);
        if (typeof ms !== "number" || ms < 0) throw new ControlError(400, "ms must be a number ≥ 0");
        if (typeof token !== "string" || !state.suspendToken(token, ms)) throw new ControlError(404, "Unknown token");
        return sendJson(res, 200, { suspendedForMs: ms });
      }
      case "POST /__emulator/rate-limit": {
        const body = await jsonBody(req);
        if (typeof body.limit !== "number" || body.limit < 0) throw new ControlError(400, "limit must be a number ≥ 0");
        if (body.region === undefined) settings.rateLimit = body.limit;
        else state.workspace(regionParam(body.region)).rateLimit = body.limit;
        deps.clearRateLimits();
        return sendJson(res, 200, { ok: true, limit: body.limit });
      }
      case "POST /__emulator/data-attributes/archive": {
        const body = await jsonBody(req);
        const attr = state.setAttributeArchived(regionParam(body.region), String(body.name ?? ""), body.archived !== false);
        if (!attr) throw new ControlError(404, "Unknown contact attribute");
        return sendJson(res, 200, attr);
      }
      case "POST /__emulator/data-attributes/update": {
        const body = await jsonBody(req);
        const types = ["string", "integer", "float", "boolean", "date"] as const;
        const dataType = types.find((t) => t === body.data_type);
        if (body.data_type !== undefined && !dataType) throw new ControlError(400, "data_type must be string, integer, float, boolean or date");
        const apiWritable = typeof body.api_writable === "boolean" ? body.api_writable : undefined;
        const attr = state.updateAttribute(regionParam(body.region), String(body.name ?? ""), { api_writable: apiWritable, data_type: dataType });
        if (!attr) throw new ControlError(404, "Unknown contact attribute");
        return sendJson(res, 200, attr);
      }
      case "GET /__emulator/contacts": {
        const region = regionParam(url.searchParams.get("region") ?? "US");
        const ws = state.workspace(region);
        const email = url.searchParams.get("email")?.toLowerCase();
        const data = [...ws.contacts.values()].filter((c) => !email || c.email.toLowerCase() === email).map((c) => contactJson(ws, c));
        return sendJson(res, 200, { data });
      }
      case "GET /__emulator/events": {
        // Everything stored for a workspace (or one contact: contactId or email), oldest first,
        // and how many submissions were ignored as duplicates.
        const region = regionParam(url.searchParams.get("region") ?? "US");
        const ws = state.workspace(region);
        const contactId = url.searchParams.get("contactId");
        const email = url.searchParams.get("email")?.toLowerCase();
        const ids = email ? new Set([...ws.contacts.values()].filter((c) => c.email.toLowerCase() === email).map((c) => c.id)) : null;
        const events = ws.events.filter((e) => (!contactId || e.contactId === contactId) && (!ids || ids.has(e.contactId))).map((e) => eventJson(ws, e));
        return sendJson(res, 200, { events, duplicates: ws.duplicateEvents });
      }
      case "POST /__emulator/contacts": {
        const body = await jsonBody(req);
        const region = regionParam(body.region);
        if (typeof body.email !== "string") throw new ControlError(400, "email is required");
        const delay = typeof body.indexingDelayMs === "number" ? body.indexingDelayMs : settings.indexingDelayMs;
        const fields: Record<string, unknown> = { ...body };
        delete fields.region;
        delete fields.indexingDelayMs;
        const contact = state.addContact(region, fields as Partial<FixtureContact> & { email: string }, delay);
        return sendJson(res, 200, contactJson(state.workspace(region), contact));
      }
      default:
        throw new ControlError(404, `Unknown control route ${route}`);
    }
  } catch (error) {
    if (error instanceof ControlError) return sendJson(res, error.status, { error: error.message });
    throw error;
  }
}
