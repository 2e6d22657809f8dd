import { notFound, parameterInvalid } from "../errors";
import { isPlainObject, type Route, type RouteContext } from "../router";
import type { Tag } from "../state";

const tagJson = (t: Tag) => ({ type: "tag", id: t.id, name: t.name });

// POST /tags creates the tag if none has that name (case-insensitive) and optionally tags users.
function createOrTag(ctx: RouteContext) {
  const body = ctx.body;
  if (!isPlainObject(body) || typeof body.name !== "string" || body.name.trim() === "") throw parameterInvalid("invalid tag parameters", "name");
  const users = body.users;
  if (users !== undefined && !Array.isArray(users)) throw parameterInvalid("invalid tag parameters", "users");
  const contacts = (users ?? []).map((u) => {
    const id = isPlainObject(u) && typeof u.id === "string" ? u.id : "";
    const contact = ctx.workspace.contacts.get(id);
    if (!contact) throw notFound("User Not Found");
    return contact;
  });
  const name = body.name;
  let tag = ctx.workspace.tags.find((t) => t.name.toLowerCase() === name.toLowerCase());
  if (!tag) {
    tag = { id: String(ctx.workspace.nextTagId++), name };
    ctx.workspace.tags.push(tag);
  }
  const now = Math.floor(Date.now() / 1000);
  for (const contact of contacts) {
    if (!contact.tags.some((t) => t.id === tag.id)) contact.tags.push({ id: tag.id, applied_at: now });
  }
  return { body: tagJson(tag) };
}

export const tagRoutes: Route[] = [
  { method: "GET", path: "/tags", handle: (ctx) => ({ body: { type: "list", data: ctx.workspace.tags.map(tagJson) } }) },
  { method: "POST", path: "/tags", write: true, handle: createOrTag },
  {
    method: "GET",
    path: "/tags/{tag_id}",
    handle: (ctx) => {
      const tag = ctx.workspace.tags.find((t) => t.id === ctx.params.tag_id);
      if (!tag) throw notFound("Resource Not Found");
      return { body: tagJson(tag) };
    },
  },
];
