import { z } from "zod";
import { FLOW_ACTIONS } from "@/lib/flows/prompt";

const key = z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, "Use letters, digits, - and _.");

export const siteKeySchema = z.string().min(1, "siteKey is required.").max(64);
export const visitorIdSchema = z
  .string()
  .min(8, "visitorId is too short.")
  .max(64, "visitorId is too long.")
  .regex(/^[A-Za-z0-9_-]+$/, "visitorId has characters an id never contains.");

const base = { siteKey: siteKeySchema, visitorId: visitorIdSchema };

export const decideRequestSchema = z.object({
  ...base,
  url: z.string().max(2048).optional(),
  placements: z.array(key).max(50, "At most 50 placements per page.").default([]),
  /** Also offer a flow (the snippet asks when no flow widget is open). */
  flow: z.boolean().default(false),
});

export type DecideRequest = z.output<typeof decideRequestSchema>;

const KEY = /^[A-Za-z0-9_-]{1,64}$/;
const VISITOR_ID = /^[A-Za-z0-9_-]{8,64}$/;

/**
 * decideRequestSchema's output for the request every page view sends, checked without zod's
 * per-value machinery (the decision's hot path); undefined for anything else, which zod then parses
 * (and words the refusal). Accepts only what the schema accepts and returns what it returns: plain
 * ids and keys (no whitespace, so trimming changes nothing), unknown keys dropped, the same defaults.
 * schema.test.ts holds the two to the same answers.
 */
export function fastDecideRequest(body: unknown): DecideRequest | undefined {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return undefined;
  const { siteKey, visitorId, url, placements, flow } = body as Record<string, unknown>;
  if (typeof siteKey !== "string" || siteKey.length < 1 || siteKey.length > 64) return undefined;
  if (typeof visitorId !== "string" || !VISITOR_ID.test(visitorId)) return undefined;
  if (url !== undefined && (typeof url !== "string" || url.length > 2048)) return undefined;
  if (flow !== undefined && typeof flow !== "boolean") return undefined;
  let keys: string[] = [];
  if (placements !== undefined) {
    if (!Array.isArray(placements) || placements.length > 50) return undefined;
    keys = new Array<string>(placements.length);
    for (let i = 0; i < placements.length; i++) {
      const placement: unknown = placements[i];
      if (typeof placement !== "string" || !KEY.test(placement)) return undefined;
      keys[i] = placement;
    }
  }
  const request: DecideRequest = { siteKey, visitorId, placements: keys, flow: flow ?? false };
  if (url !== undefined) request.url = url;
  return request;
}

export const identifyRequestSchema = z
  .object({
    ...base,
    email: z.string().trim().toLowerCase().max(254).pipe(z.email("email is not an email address.")).optional(),
    intercomContactId: z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, "intercomContactId is not an Intercom id.").optional(),
    /** HMAC-SHA256(identity secret, email or intercomContactId), hex; see docs/identity-verification.md. */
    userHash: z.string().trim().max(128, "userHash is too long.").optional(),
  })
  .refine((v) => Boolean(v.email) !== Boolean(v.intercomContactId), {
    message: "Send exactly one of email or intercomContactId.",
    path: ["email"],
  });

export const answersRequestSchema = z.object({
  ...base,
  question: key,
  answers: z.array(key).min(1, "Send at least one answer.").max(20),
});

export const flowRequestSchema = z
  .object({
    ...base,
    flow: key,
    step: key,
    action: z.enum(FLOW_ACTIONS, { error: `action is one of ${FLOW_ACTIONS.join(", ")}.` }),
    answers: z.array(key).min(1, "Send at least one answer.").max(20).optional(),
  })
  .refine((v) => (v.action === "answer") === (v.answers !== undefined), {
    message: "Send answers with action \"answer\", and only then.",
    path: ["answers"],
  });

// POST /api/v1/track: a page view (path, UTM) or a Tailor.track("key", props) call. `id` is made by
// the snippet per report, so a retried request is recorded once.
const reportId = z.string().min(8, "id is too short.").max(64).regex(/^[A-Za-z0-9_-]+$/, "id has characters an id never contains.");
const utmValue = z.string().trim().min(1).max(100).optional();
const propertyKey = /^[a-z][a-z0-9_]{0,39}$/;

export const trackRequestSchema = z.discriminatedUnion("type", [
  z.object({
    ...base,
    type: z.literal("page"),
    id: reportId,
    path: z.string().min(1).max(1024).startsWith("/", "path starts with /."),
    url: z.string().max(2048).optional(),
    title: z.string().max(200).optional(),
    utm: z.object({ source: utmValue, medium: utmValue, campaign: utmValue }).strict().optional(),
  }),
  z.object({
    ...base,
    type: z.literal("track"),
    id: reportId,
    key,
    properties: z
      .record(z.string().regex(propertyKey, "Property names are lowercase letters, digits and _ (at most 40)."), z.union([z.string().max(255), z.number().finite(), z.boolean()]))
      .refine((p) => Object.keys(p).length <= 9, "At most 9 properties (Intercom keeps 10 metadata keys, one is the key).")
      .optional(),
  }),
  // What the page showed after a decision: one report per page, each placement once.
  z.object({
    ...base,
    type: z.literal("impressions"),
    id: reportId,
    impressions: z
      .array(
        z
          .object({
            placement: key,
            arm: z.string().max(80).regex(/^(default|holdout|variant:[^\s]{1,64})$/, "arm is default, holdout or variant:<id>."),
          })
          .strict(),
      )
      .min(1, "Send at least one impression.")
      .max(50, "At most 50 placements per page."),
  }),
]);
