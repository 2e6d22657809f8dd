// POST /contacts/search: the query language subset Tailor and its tests use, with Intercom's
// limits (two levels of nesting, 15 filters per group, per_page ≤ 150) and body-only cursors.
import { parameterInvalid } from "../errors";
import { isPlainObject, type Route, type RouteContext } from "../router";
import type { Contact, Workspace } from "../state";
import { contactJson } from "./contacts";

type FieldType = "string" | "integer" | "float" | "date" | "boolean" | "tag";

const OPERATORS: Record<FieldType, string[]> = {
  string: ["=", "!=", "IN", "NIN", "~", "!~", "^", "$"],
  integer: ["=", "!=", "IN", "NIN", ">", "<", ">=", "<="],
  float: ["=", "!=", "IN", "NIN", ">", "<", ">=", "<="],
  boolean: ["=", "!=", "IN", "NIN"],
  date: ["=", ">", "<"],
  tag: ["=", "!="],
};

const STANDARD_FIELDS: Record<string, FieldType> = {
  id: "string",
  email: "string",
  email_domain: "string",
  external_id: "string",
  role: "string",
  name: "string",
  phone: "string",
  owner_id: "integer",
  created_at: "date",
  updated_at: "date",
  signed_up_at: "date",
  last_seen_at: "date",
  unsubscribed_from_emails: "boolean",
  tag_id: "tag",
};

// Emails are matched case-insensitively (an inference; see the contract's "not verified" list).
const CASE_INSENSITIVE = new Set(["email", "email_domain"]);
const MAX_DEPTH = 2;
const MAX_FILTERS = 15;

type Predicate = (c: Contact) => boolean;

function fieldType(ws: Workspace, field: string): FieldType {
  if (field in STANDARD_FIELDS) return STANDARD_FIELDS[field]!;
  if (field.startsWith("custom_attributes.")) {
    const name = field.slice("custom_attributes.".length);
    const attr = ws.dataAttributes.find((a) => a.model === "contact" && a.custom && a.name === name);
    if (attr) return attr.data_type;
  }
  throw parameterInvalid(`Field '${field}' is not a searchable contact attribute`, "query");
}

function fieldValue(ws: Workspace, c: Contact, field: string): unknown {
  if (field.startsWith("custom_attributes.")) return c.custom_attributes[field.slice("custom_attributes.".length)] ?? null;
  if (field === "email_domain") return contactJson(ws, c).email_domain;
  return (c as unknown as Record<string, unknown>)[field] ?? null;
}

function compile(ws: Workspace, node: unknown, depth: number): Predicate {
  if (!isPlainObject(node)) throw parameterInvalid("Each query must be an object", "query");
  if (node.operator === "AND" || node.operator === "OR") {
    if (depth >= MAX_DEPTH) throw parameterInvalid(`Queries support at most ${MAX_DEPTH} levels of nesting`, "query");
    if (!Array.isArray(node.value) || node.value.length === 0) throw parameterInvalid("A query group needs a non-empty value array", "query");
    if (node.value.length > MAX_FILTERS) throw parameterInvalid(`A query group supports at most ${MAX_FILTERS} filters`, "query");
    const parts = node.value.map((child) => compile(ws, child, depth + 1));
    return node.operator === "AND" ? (c) => parts.every((p) => p(c)) : (c) => parts.some((p) => p(c));
  }
  const { field, operator, value } = node;
  if (typeof field !== "string" || typeof operator !== "string") throw parameterInvalid("A filter needs field, operator and value", "query");
  const type = fieldType(ws, field);
  if (!OPERATORS[type].includes(operator)) throw parameterInvalid(`Operator '${operator}' is not supported for field '${field}'`, "query");
  const many = operator === "IN" || operator === "NIN";
  if (many !== Array.isArray(value)) throw parameterInvalid(`Operator '${operator}' ${many ? "needs" : "does not take"} an array value`, "query");

  const norm = (v: unknown): unknown => {
    if (v === null || v === undefined) return null;
    if (type === "integer" || type === "float" || type === "date") return Number(v);
    if (type === "boolean") return v === true || v === "true";
    return CASE_INSENSITIVE.has(field) ? String(v).toLowerCase() : String(v);
  };
  if (type === "tag") {
    const tagId = String(value);
    return (c) => c.tags.some((t) => t.id === tagId) === (operator === "=");
  }
  const wanted = many ? (value as unknown[]).map(norm) : norm(value);
  if (type !== "string" && type !== "boolean" && !many && wanted !== null && Number.isNaN(wanted)) {
    throw parameterInvalid(`Value for '${field}' must be numeric`, "query");
  }
  const day = (s: number) => Math.floor(s / 86_400);
  return (c) => {
    const actual = norm(fieldValue(ws, c, field));
    const a = actual as string & number;
    const w = wanted as string & number;
    switch (operator) {
      case "=":
        return type === "date" && actual !== null && w !== null ? day(a) === day(w) : actual === wanted;
      case "!=":
        return actual !== wanted;
      case "IN":
        return (wanted as unknown[]).includes(actual);
      case "NIN":
        return !(wanted as unknown[]).includes(actual);
      case ">":
        return actual !== null && a > w;
      case "<":
        return actual !== null && a < w;
      case ">=":
        return actual !== null && a >= w;
      case "<=":
        return actual !== null && a <= w;
      case "~":
        return typeof actual === "string" && actual.toLowerCase().includes(String(w).toLowerCase());
      case "!~":
        return typeof actual === "string" && !actual.toLowerCase().includes(String(w).toLowerCase());
      case "^":
        return typeof actual === "string" && actual.toLowerCase().startsWith(String(w).toLowerCase());
      case "$":
        return typeof actual === "string" && actual.toLowerCase().endsWith(String(w).toLowerCase());
      default:
        return false;
    }
  };
}

// Cursors are base64 JSON like Intercom's ("WzE3NDcz…" = "[1747…"): the sort key of the last
// contact on the previous page plus that page's number. Stable while contacts are added.
type Cursor = [createdAt: number, id: string, page: number];

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString("base64");
}

function decodeCursor(raw: string): Cursor {
  try {
    const value: unknown = JSON.parse(Buffer.from(raw, "base64").toString("utf8"));
    if (Array.isArray(value) && typeof value[0] === "number" && typeof value[1] === "string" && typeof value[2] === "number") {
      return value as Cursor;
    }
  } catch {
    // fall through
  }
  throw parameterInvalid("starting_after is not a valid cursor", "starting_after");
}

const byCreation = (a: Contact, b: Contact) => a.created_at - b.created_at || a.id.localeCompare(b.id);

/** One page of a contact list, as both search and GET /contacts return it. */
export function pageOf(ws: Workspace, contacts: Contact[], perPage: number, startingAfter: string | null | undefined) {
  const sorted = [...contacts].sort(byCreation);
  let start = 0;
  let page = 1;
  if (startingAfter) {
    const [createdAt, id, previousPage] = decodeCursor(startingAfter);
    start = sorted.findIndex((c) => c.created_at > createdAt || (c.created_at === createdAt && c.id.localeCompare(id) > 0));
    if (start < 0) start = sorted.length;
    page = previousPage + 1;
  }
  const slice = sorted.slice(start, start + perPage);
  const last = slice[slice.length - 1];
  const hasNext = start + perPage < sorted.length && last !== undefined;
  return {
    type: "list",
    data: slice.map((c) => contactJson(ws, c)),
    total_count: sorted.length,
    pages: {
      type: "pages",
      page,
      per_page: perPage,
      total_pages: Math.ceil(sorted.length / perPage),
      ...(hasNext ? { next: { page: page + 1, starting_after: encodeCursor([last.created_at, last.id, page]) } } : {}),
    },
  };
}

function search(ctx: RouteContext) {
  const body = ctx.body;
  if (!isPlainObject(body) || body.query === undefined) throw parameterInvalid("query is required", "query");
  const predicate = compile(ctx.workspace, body.query, 0);
  const pagination = body.pagination;
  if (pagination !== undefined && pagination !== null && !isPlainObject(pagination)) throw parameterInvalid("pagination must be an object", "pagination");
  const perPage = pagination?.per_page ?? 50;
  if (!Number.isInteger(perPage) || (perPage as number) < 1 || (perPage as number) > 150) {
    throw parameterInvalid("per_page must be between 1 and 150", "pagination.per_page");
  }
  const startingAfter = pagination?.starting_after;
  if (startingAfter !== undefined && startingAfter !== null && typeof startingAfter !== "string") {
    throw parameterInvalid("starting_after must be a string", "pagination.starting_after");
  }
  const now = Date.now();
  const matches = [...ctx.workspace.contacts.values()].filter((c) => c.searchable_at <= now && predicate(c));
  return { body: pageOf(ctx.workspace, matches, perPage as number, startingAfter) };
}

export const searchRoutes: Route[] = [{ method: "POST", path: "/contacts/search", handle: search }];
