import { parameterInvalid } from "../errors";
import { isPlainObject, type Route, type RouteContext } from "../router";
import type { DataAttribute, DataType, Model } from "../state";

const DATA_TYPES = ["string", "integer", "float", "boolean", "date", "datetime", "options"] as const;
// Help center: no `.` or `$`, none of ~`!@#%^&*'{}|\" and no NUL. Spaces and `_` are fine.
const FORBIDDEN_NAME_CHARS = /[.$~`!@#%^&*'{}|\\"\u0000]/;
const modelWords = (model: string) => (model === "company" ? "company data" : "people data");

function listAttributes(ctx: RouteContext) {
  const model = ctx.query.get("model");
  const includeArchived = ctx.query.get("include_archived") === "true";
  if (model !== null && !["contact", "company", "conversation"].includes(model)) {
    throw parameterInvalid("model must be one of contact, company, conversation", "model");
  }
  const all = [...ctx.state.standardAttributes, ...ctx.workspace.dataAttributes];
  const data = all
    .filter((a) => model === null || a.model === model)
    .filter((a) => includeArchived || !a.archived)
    .map(attributeJson);
  return { body: { type: "list", data } };
}

export function attributeJson(a: DataAttribute) {
  return { type: "data_attribute", ...a };
}

function createAttribute(ctx: RouteContext) {
  const body = ctx.body;
  if (!isPlainObject(body)) throw parameterInvalid("Request body must be a JSON object");
  const { name, model, data_type: dataType, description, options, messenger_writable: messengerWritable } = body;
  if (model !== "contact" && model !== "company") throw parameterInvalid("The Data Attribute model field must be either contact or company", "model");
  if (typeof dataType !== "string" || !(DATA_TYPES as readonly string[]).includes(dataType)) {
    throw parameterInvalid("Data Type isn't an option", "data_type");
  }
  if (typeof name !== "string" || name.trim() === "" || FORBIDDEN_NAME_CHARS.test(name)) {
    throw parameterInvalid("Your name for this attribute must only contain alphanumeric characters, currency symbols, and hyphens", "name");
  }
  const lower = name.toLowerCase();
  const standard = ctx.state.standardAttributes.find(
    (a) => a.model === model && (a.name.toLowerCase() === lower || a.full_name.toLowerCase() === lower),
  );
  if (standard) {
    throw parameterInvalid(
      `'${standard.label}' is one of our standard attributes for your ${modelWords(model)}. To save this as new ${modelWords(model)}, use a different name.`,
      "name",
    );
  }
  // Names are unique across people and company data, case-insensitively.
  const existing = ctx.workspace.dataAttributes.find((a) => a.name.toLowerCase() === lower);
  if (existing) {
    throw parameterInvalid(
      `You already have '${existing.name}' in your ${modelWords(existing.model)}. To save this as new ${modelWords(model)}, use a different name.`,
      "name",
    );
  }
  let optionValues: string[] | undefined;
  if (dataType === "options") {
    const valid = Array.isArray(options) && options.every((o) => isPlainObject(o) && typeof o.value === "string" && o.value !== "");
    if (!valid || (options as unknown[]).length < 2) throw parameterInvalid("You must have at least two options on a list type data attribute", "options");
    optionValues = (options as { value: string }[]).map((o) => o.value);
  }
  if (description !== undefined && typeof description !== "string") throw parameterInvalid("description must be a string", "description");
  const live = ctx.workspace.dataAttributes.filter((a) => a.model === model && !a.archived).length;
  if (live >= ctx.settings.maxCustomAttributes) {
    throw parameterInvalid(
      `You have reached the limit of ${ctx.settings.maxCustomAttributes} custom attributes. Archive an attribute to create a new one.`,
      "name",
    );
  }

  const now = Math.floor(Date.now() / 1000);
  const stored: DataType = dataType === "options" ? "string" : dataType === "datetime" ? "date" : (dataType as DataType);
  const attr: DataAttribute = {
    id: ctx.workspace.nextAttributeId++,
    name,
    full_name: `custom_attributes.${name}`,
    label: name,
    description: description ?? "",
    data_type: stored,
    ...(optionValues ? { options: optionValues } : {}),
    api_writable: true,
    ui_writable: false,
    messenger_writable: messengerWritable === true,
    custom: true,
    archived: false,
    admin_id: ctx.workspace.admin.id,
    created_at: now,
    updated_at: now,
    model: model as Model,
  };
  ctx.workspace.dataAttributes.push(attr);
  return { body: attributeJson(attr) };
}

export const dataAttributeRoutes: Route[] = [
  { method: "GET", path: "/data_attributes", handle: listAttributes },
  { method: "POST", path: "/data_attributes", write: true, handle: createAttribute },
];
