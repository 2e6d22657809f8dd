import { notFound, parameterInvalid, ApiError } from "../errors";
import { isPlainObject, type Route, type RouteContext } from "../router";
import type { Contact, DataAttribute, ScalarValue, Workspace } from "../state";
import { pageOf } from "./search";

const TAG_REFS_CAP = 10;

/** The full contact object, nulls included, with tags as name-less references capped at 10. */
export function contactJson(ws: Workspace, c: Contact) {
  const base = `/contacts/${c.id}`;
  return {
    type: "contact",
    id: c.id,
    workspace_id: ws.app.id_code,
    external_id: c.external_id,
    role: c.role,
    email: c.email,
    email_domain: c.email.includes("@") ? (c.email.split("@")[1] ?? "").toLowerCase() : "",
    phone: c.phone,
    name: c.name,
    avatar: null,
    owner_id: c.owner_id,
    social_profiles: { type: "list", data: [] },
    has_hard_bounced: false,
    marked_email_as_spam: false,
    unsubscribed_from_emails: c.unsubscribed_from_emails,
    created_at: c.created_at,
    updated_at: c.updated_at,
    signed_up_at: c.signed_up_at,
    last_seen_at: c.last_seen_at,
    last_replied_at: null,
    last_contacted_at: null,
    last_email_opened_at: null,
    last_email_clicked_at: null,
    language_override: null,
    browser: null,
    browser_version: null,
    browser_language: null,
    os: null,
    location: { type: "location", country: null, region: null, city: null },
    android_app_name: null,
    android_app_version: null,
    android_device: null,
    android_os_version: null,
    android_sdk_version: null,
    android_last_seen_at: null,
    ios_app_name: null,
    ios_app_version: null,
    ios_device: null,
    ios_os_version: null,
    ios_sdk_version: null,
    ios_last_seen_at: null,
    custom_attributes: { ...c.custom_attributes },
    tags: {
      type: "list",
      data: c.tags.slice(0, TAG_REFS_CAP).map((t) => ({ type: "tag", id: t.id, url: `/tags/${t.id}` })),
      url: `${base}/tags`,
      total_count: c.tags.length,
      has_more: c.tags.length > TAG_REFS_CAP,
    },
    notes: { type: "list", data: [], url: `${base}/notes`, total_count: 0, has_more: false },
    companies: { type: "list", data: [], url: `${base}/companies`, total_count: 0, has_more: false },
  };
}

export function findContact(ws: Workspace, id: string): Contact {
  const contact = ws.contacts.get(id);
  if (!contact) throw notFound("User Not Found");
  return contact;
}

/** Why a value does not fit an attribute's data_type, or undefined when it fits. */
function typeProblem(attr: DataAttribute, value: ScalarValue, validateListOptions: boolean): string | undefined {
  if (value === null) return undefined;
  switch (attr.data_type) {
    case "string":
      if (typeof value !== "string") return "must be a string";
      if (value.length > 255) return "must be at most 255 characters";
      if (validateListOptions && attr.options && !attr.options.includes(value)) return "must be one of the attribute's options";
      return undefined;
    case "integer":
      return Number.isInteger(value) ? undefined : "must be an integer";
    case "float":
      return typeof value === "number" && Number.isFinite(value) ? undefined : "must be a number";
    case "boolean":
      return typeof value === "boolean" ? undefined : "must be a boolean";
    case "date":
      return Number.isInteger(value) ? undefined : "must be a date as Unix seconds";
  }
}

/** Validates every key first: one bad key rejects the whole write, nothing is applied. */
function checkCustomAttributes(ctx: RouteContext, attrs: Record<string, unknown>) {
  const defs = ctx.workspace.dataAttributes.filter((a) => a.model === "contact" && a.custom);
  for (const [key, value] of Object.entries(attrs)) {
    const attr = defs.find((a) => a.name === key);
    if (!attr || attr.archived) throw parameterInvalid(`Custom attribute '${key}' does not exist`, `custom_attributes.${key}`);
    if (!attr.api_writable) throw parameterInvalid(`Custom attribute '${key}' is not writable via the API`, `custom_attributes.${key}`);
    if (value !== null && typeof value === "object") {
      throw parameterInvalid(`Custom attribute '${key}' value: not of type Numeric, String or Boolean`, `custom_attributes.${key}`);
    }
    const problem = typeProblem(attr, value as ScalarValue, ctx.settings.validateListOptions);
    if (problem) throw parameterInvalid(`Custom attribute '${key}' ${problem} (${attr.data_type})`, `custom_attributes.${key}`);
  }
}

const STRING_FIELDS = ["role", "external_id", "email", "phone", "name"] as const;

function updateContact(ctx: RouteContext) {
  const contact = findContact(ctx.workspace, ctx.params.contact_id ?? "");
  const body = ctx.body;
  if (!isPlainObject(body)) throw parameterInvalid("Request body must be a JSON object");
  const custom = body.custom_attributes;
  if (custom !== undefined && custom !== null && !isPlainObject(custom)) {
    throw parameterInvalid("custom_attributes must be an object", "custom_attributes");
  }
  if (isPlainObject(custom)) checkCustomAttributes(ctx, custom);
  for (const field of STRING_FIELDS) {
    const value = body[field];
    if (value !== undefined && value !== null && typeof value !== "string") throw parameterInvalid(`${field} must be a string`, field);
  }
  if (body.role !== undefined && body.role !== "user" && body.role !== "lead") throw parameterInvalid("role must be user or lead", "role");
  if (typeof body.external_id === "string") {
    const clash = [...ctx.workspace.contacts.values()].find((c) => c.external_id === body.external_id && c.id !== contact.id);
    if (clash) throw new ApiError(409, "conflict", `A contact matching those details already exists with id=${clash.id}`);
  }

  if (typeof body.role === "string") contact.role = body.role as Contact["role"];
  if (typeof body.email === "string") contact.email = body.email;
  if (body.external_id !== undefined) contact.external_id = (body.external_id as string | null) ?? null;
  if (body.name !== undefined) contact.name = (body.name as string | null) ?? null;
  if (body.phone !== undefined) contact.phone = (body.phone as string | null) ?? null;
  if (isPlainObject(custom)) {
    // Merge per key; null clears a key, other keys keep their values.
    for (const [key, value] of Object.entries(custom)) {
      if (value === null) delete contact.custom_attributes[key];
      else contact.custom_attributes[key] = value as ScalarValue;
    }
  }
  contact.updated_at = Math.max(Math.floor(Date.now() / 1000), contact.updated_at);
  return { body: contactJson(ctx.workspace, contact) };
}

function listContacts(ctx: RouteContext) {
  const perPage = Number(ctx.query.get("per_page") ?? 50);
  if (!Number.isInteger(perPage) || perPage < 1 || perPage > 150) throw parameterInvalid("per_page must be between 1 and 150", "per_page");
  const all = [...ctx.workspace.contacts.values()];
  return { body: pageOf(ctx.workspace, all, perPage, ctx.query.get("starting_after")) };
}

function tagJson(ctx: RouteContext, tagId: string, appliedAt: number) {
  const tag = ctx.workspace.tags.find((t) => t.id === tagId);
  return {
    type: "tag",
    id: tagId,
    name: tag?.name ?? "",
    applied_at: appliedAt,
    applied_by: { type: "admin", id: ctx.workspace.admin.id },
  };
}

export const contactRoutes: Route[] = [
  { method: "GET", path: "/contacts", handle: listContacts },
  {
    method: "GET",
    path: "/contacts/{contact_id}",
    handle: (ctx) => ({ body: contactJson(ctx.workspace, findContact(ctx.workspace, ctx.params.contact_id ?? "")) }),
  },
  { method: "PUT", path: "/contacts/{contact_id}", write: true, handle: updateContact },
  {
    method: "GET",
    path: "/contacts/{contact_id}/tags",
    handle: (ctx) => {
      const contact = findContact(ctx.workspace, ctx.params.contact_id ?? "");
      return { body: { type: "list", data: contact.tags.map((t) => tagJson(ctx, t.id, t.applied_at)) } };
    },
  },
  {
    method: "POST",
    path: "/contacts/{contact_id}/tags",
    write: true,
    handle: (ctx) => {
      const contact = findContact(ctx.workspace, ctx.params.contact_id ?? "");
      const raw = isPlainObject(ctx.body) ? ctx.body.id : undefined;
      // The spec's examples send the id as a string or a number.
      const tagId = typeof raw === "number" || typeof raw === "string" ? String(raw) : "";
      if (!ctx.workspace.tags.some((t) => t.id === tagId)) throw notFound("Resource Not Found");
      let applied = contact.tags.find((t) => t.id === tagId);
      if (!applied) {
        applied = { id: tagId, applied_at: Math.floor(Date.now() / 1000) };
        contact.tags.push(applied);
      }
      return { body: tagJson(ctx, tagId, applied.applied_at) };
    },
  },
  {
    method: "DELETE",
    path: "/contacts/{contact_id}/tags/{tag_id}",
    write: true,
    handle: (ctx) => {
      const contact = findContact(ctx.workspace, ctx.params.contact_id ?? "");
      const index = contact.tags.findIndex((t) => t.id === ctx.params.tag_id);
      if (index < 0) throw notFound("Resource Not Found");
      const [removed] = contact.tags.splice(index, 1);
      return { body: tagJson(ctx, removed!.id, removed!.applied_at) };
    },
  },
];
