// Data events: POST /events (202, empty body) and GET /events?type=user&… (the contact's events).
// Dedupe on contact + event name + created_at, as Intercom documents; duplicates are answered 202
// and counted (workspace.duplicateEvents) so tests can prove nothing was sent twice.
import { randomUUID } from "node:crypto";
import { notFound, parameterInvalid } from "../errors";
import { isPlainObject, type Route, type RouteContext } from "../router";
import { eventKey, type Contact, type DataEvent, type EventMetadataValue, type Workspace } from "../state";

/** Intercom keeps the first 10 metadata keys, in the order they were sent, and ignores the rest. */
export const MAX_METADATA_KEYS = 10;
const DEFAULT_PER_PAGE = 15;
const MAX_PER_PAGE = 150;

function findByIdentifier(ws: Workspace, by: { id?: unknown; user_id?: unknown; email?: unknown }): Contact | undefined {
  const contacts = [...ws.contacts.values()];
  if (typeof by.id === "string" && by.id !== "") return ws.contacts.get(by.id);
  if (typeof by.user_id === "string" && by.user_id !== "") return contacts.find((c) => c.external_id === by.user_id);
  if (typeof by.email === "string" && by.email !== "") {
    const email = by.email.toLowerCase();
    // A user wins over leads sharing the email, as Intercom attributes events to the user.
    return contacts.find((c) => c.email.toLowerCase() === email && c.role === "user") ?? contacts.find((c) => c.email.toLowerCase() === email);
  }
  return undefined;
}

function metadataValue(key: string, value: unknown): EventMetadataValue {
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number" && Number.isFinite(value)) {
    if (key.endsWith("_date") && !Number.isInteger(value)) throw parameterInvalid(`${key} must be a Unix timestamp in seconds`, `metadata.${key}`);
    return value;
  }
  // The two object shapes Intercom documents; anything else nested is refused.
  if (isPlainObject(value)) {
    const keys = Object.keys(value).sort().join(",");
    if (keys === "url,value" && typeof value.url === "string" && typeof value.value === "string") return { url: value.url, value: value.value };
    if (keys === "amount,currency" && Number.isInteger(value.amount) && typeof value.currency === "string") {
      return { amount: value.amount as number, currency: value.currency };
    }
  }
  throw parameterInvalid(`Nested JSON structures are not supported in event metadata (${key})`, `metadata.${key}`);
}

function createEvent(ctx: RouteContext) {
  const body = ctx.body;
  if (!isPlainObject(body)) throw parameterInvalid("The request body must be a JSON object");
  const name = body.event_name;
  if (typeof name !== "string" || name.trim() === "") throw parameterInvalid("event_name is required", "event_name");
  const createdAt = body.created_at;
  if (typeof createdAt !== "number" || !Number.isInteger(createdAt) || createdAt < 0) {
    throw parameterInvalid("created_at must be a Unix timestamp in seconds", "created_at");
  }
  if (body.id === undefined && body.user_id === undefined && body.email === undefined) {
    throw parameterInvalid("An id, user_id or email is required", "id");
  }
  if (body.metadata !== undefined && body.metadata !== null && !isPlainObject(body.metadata)) throw parameterInvalid("metadata must be an object", "metadata");
  const metadata: Record<string, EventMetadataValue> = {};
  // Every value is checked (a nested one refuses the whole event); only the first 10 keys are kept.
  for (const [key, value] of Object.entries(body.metadata ?? {})) {
    const checked = metadataValue(key, value);
    if (Object.keys(metadata).length < MAX_METADATA_KEYS) metadata[key] = checked;
  }
  const contact = findByIdentifier(ctx.workspace, body);
  if (!contact) throw notFound("User Not Found");
  const key = eventKey(contact.id, name, createdAt);
  if (ctx.workspace.eventKeys.has(key)) {
    ctx.workspace.duplicateEvents += 1;
  } else {
    ctx.workspace.eventKeys.add(key);
    ctx.workspace.events.push({ id: randomUUID(), contactId: contact.id, event_name: name, created_at: createdAt, metadata, received_at: Date.now() });
  }
  return { status: 202, body: undefined };
}

export function eventJson(ws: Workspace, e: DataEvent) {
  const contact = ws.contacts.get(e.contactId);
  return {
    type: "event",
    id: e.id,
    event_name: e.event_name,
    created_at: e.created_at,
    intercom_user_id: e.contactId,
    ...(contact?.external_id ? { user_id: contact.external_id } : {}),
    ...(contact ? { email: contact.email } : {}),
    metadata: e.metadata,
  };
}

const isoOf = (seconds: number) => new Date(seconds * 1000).toISOString().replace("Z", "+00:00");

// GET /events?type=user&intercom_user_id=…|user_id=…|email=…[&summary=true][&per_page=n]
function listEvents(ctx: RouteContext) {
  const q = ctx.query;
  if (q.get("type") !== "user") throw parameterInvalid("The type parameter must be user", "type");
  const by = { id: q.get("intercom_user_id") ?? undefined, user_id: q.get("user_id") ?? undefined, email: q.get("email") ?? undefined };
  if (!by.id && !by.user_id && !by.email) throw parameterInvalid("An intercom_user_id, user_id or email is required", "intercom_user_id");
  const contact = findByIdentifier(ctx.workspace, by);
  if (!contact) throw notFound("User Not Found");
  const own = ctx.workspace.events.filter((e) => e.contactId === contact.id);
  const who = { email: contact.email, intercom_user_id: contact.id, ...(contact.external_id ? { user_id: contact.external_id } : {}) };
  if (q.get("summary") === "true") {
    const byName = new Map<string, { name: string; first: number; last: number; count: number }>();
    for (const e of own) {
      const s = byName.get(e.event_name) ?? { name: e.event_name, first: e.created_at, last: e.created_at, count: 0 };
      s.first = Math.min(s.first, e.created_at);
      s.last = Math.max(s.last, e.created_at);
      s.count += 1;
      byName.set(e.event_name, s);
    }
    const events = [...byName.values()].map((s) => ({ name: s.name, first: isoOf(s.first), last: isoOf(s.last), count: s.count }));
    return { body: { type: "event.summary", ...who, events } };
  }
  const perPageRaw = Number(q.get("per_page") ?? DEFAULT_PER_PAGE);
  const perPage = Number.isInteger(perPageRaw) && perPageRaw > 0 ? Math.min(perPageRaw, MAX_PER_PAGE) : DEFAULT_PER_PAGE;
  const offset = Math.max(0, Number(q.get("page_offset") ?? 0) || 0);
  // Newest first, as Intercom lists them.
  const sorted = [...own].sort((a, b) => b.created_at - a.created_at || b.received_at - a.received_at);
  const page = sorted.slice(offset, offset + perPage);
  const nextOffset = offset + perPage < sorted.length ? offset + perPage : null;
  const next = nextOffset === null ? null : `/events?type=user&intercom_user_id=${contact.id}&per_page=${perPage}&page_offset=${nextOffset}`;
  return { body: { type: "event.list", ...who, events: page.map((e) => eventJson(ctx.workspace, e)), pages: { next } } };
}

export const eventRoutes: Route[] = [
  { method: "POST", path: "/events", write: true, handle: createEvent },
  { method: "GET", path: "/events", handle: listEvents },
];
