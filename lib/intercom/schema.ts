// zod schemas for the Intercom payloads Tailor reads (API 2.14). Lenient on purpose: unknown keys
// are dropped, optional fields may be absent or null, so a new Intercom field never breaks a read.
import { z } from "zod";

export const errorEnvelopeSchema = z.object({
  type: z.literal("error.list"),
  request_id: z.string().nullish(),
  errors: z.array(z.object({ code: z.string(), message: z.string().nullish(), field: z.string().nullish() })).min(1),
});
export type ErrorEnvelope = z.infer<typeof errorEnvelopeSchema>;

export const appSchema = z.object({
  id_code: z.string(),
  name: z.string(),
  region: z.string(),
  timezone: z.string().nullish(),
});

export const adminWithAppSchema = z.object({
  type: z.literal("admin"),
  id: z.string(),
  name: z.string().nullish(),
  email: z.string().nullish(),
  app: appSchema,
});
export type AdminWithApp = z.infer<typeof adminWithAppSchema>;

export const dataTypeSchema = z.enum(["string", "integer", "float", "boolean", "date"]);
export type IntercomDataType = z.infer<typeof dataTypeSchema>;

export const dataAttributeSchema = z.object({
  id: z.number().int().nullish(),
  model: z.string().nullish(),
  name: z.string(),
  full_name: z.string().nullish(),
  label: z.string().nullish(),
  description: z.string().nullish(),
  data_type: dataTypeSchema,
  options: z.array(z.string()).nullish(),
  api_writable: z.boolean().nullish(),
  custom: z.boolean().nullish(),
  archived: z.boolean().nullish(),
});
export const dataAttributeListSchema = z.object({ type: z.literal("list"), data: z.array(dataAttributeSchema) });

const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const contactSchema = z.object({
  type: z.literal("contact"),
  id: z.string(),
  workspace_id: z.string().nullish(),
  external_id: z.string().nullish(),
  role: z.string(),
  email: z.string().nullish(),
  name: z.string().nullish(),
  phone: z.string().nullish(),
  created_at: z.number().nullish(),
  updated_at: z.number().nullish(),
  // Intercom types values loosely; anything that is not a scalar is dropped by the view.
  custom_attributes: z.record(z.string(), z.unknown()).nullish(),
  tags: z
    .object({
      data: z.array(z.object({ id: z.string() })).nullish(),
      total_count: z.number().nullish(),
      has_more: z.boolean().nullish(),
    })
    .nullish(),
});
export type IntercomContactPayload = z.infer<typeof contactSchema>;

export const contactListSchema = z.object({
  type: z.literal("list"),
  data: z.array(contactSchema),
  total_count: z.number().nullish(),
  pages: z
    .object({
      page: z.number().nullish(),
      total_pages: z.number().nullish(),
      next: z.object({ starting_after: z.string().nullish() }).nullish(),
    })
    .nullish(),
});

export const tagSchema = z.object({ id: z.string(), name: z.string() });
export const tagListSchema = z.object({ type: z.literal("list"), data: z.array(tagSchema) });

export const customAttributeValueSchema = scalar;
export type CustomAttributeValue = z.infer<typeof customAttributeValueSchema>;

/** Metadata values as Tailor sends them: flat strings and numbers (links are strings). */
export type EventMetadataValue = string | number;

// GET /events?type=user&…: a contact's data events, newest first.
export const eventListSchema = z.object({
  type: z.string(),
  events: z.array(
    z.object({
      event_name: z.string(),
      created_at: z.number(),
      id: z.string().nullish(),
      intercom_user_id: z.string().nullish(),
      metadata: z.record(z.string(), z.unknown()).nullish(),
    }),
  ),
  pages: z.object({ next: z.string().nullish() }).nullish(),
});
