import "server-only";
// Tailor's Intercom client: the official SDK as transport, our timeouts/retries, typed errors.
// Must never happen: the token in an error, a log line, telemetry or an exception message; a
// blind retry of a write (the sync engine owns write retries); a 20 s SDK default in a request path.
import { IntercomClient, IntercomError as SdkError, IntercomTimeoutError, type Intercom } from "intercom-client";
import { z } from "zod";
import {
  IntercomAuthError,
  IntercomError,
  IntercomNotFoundError,
  IntercomPermissionError,
  IntercomRateLimitedError,
  IntercomRegionMismatchError,
  IntercomUnavailableError,
  IntercomValidationError,
  type IntercomErrorDetails,
  type ValidationReason,
} from "./errors";
import { env as settings, parseEnv, type EnvSource } from "@/lib/env";
import { INTERCOM_REGIONS, regionFromAppRegion, resolveBaseUrl, type IntercomRegion } from "./regions";
import {
  adminWithAppSchema,
  contactListSchema,
  contactSchema,
  dataAttributeListSchema,
  errorEnvelopeSchema,
  eventListSchema,
  tagListSchema,
  type EventMetadataValue,
  type CustomAttributeValue,
  type IntercomContactPayload,
  type IntercomDataType,
} from "./schema";

export const READ_TIMEOUT_MS = 5_000;
/** Not an Intercom contact id (those are 24 hex digits), so the probe's PUT can only be a 404. */
export const CAPABILITY_PROBE_CONTACT_ID = "tailor-capability-probe";
/** "email" is a standard attribute: Intercom refuses a custom attribute of that name (400). */
export const CAPABILITY_PROBE_ATTRIBUTE = { name: "email", model: "contact", data_type: "string" } as const;
export const WRITE_TIMEOUT_MS = 10_000;
const RETRY_DELAY_MS = 250;
const SEARCH_PAGE_SIZE = 150;
const MAX_SEARCH_PAGES = 20;
const DEFAULT_RATE_LIMIT_WAIT_S = 10;

export interface RateLimitInfo {
  limit?: number;
  remaining?: number;
  resetAt?: Date;
}

/** What the telemetry hook sees of each HTTP response: never headers, bodies or the token. */
export interface IntercomResponseInfo {
  method: string;
  /** Path below the base URL, e.g. "/contacts/search". */
  path: string;
  status: number;
  requestId?: string;
  rateLimit: RateLimitInfo;
  durationMs: number;
  /** A capability-probe request: its refusals say nothing about the connection's health. */
  probe?: boolean;
}

export interface CreateIntercomClientOptions {
  token: string;
  region: IntercomRegion;
  /** Per-attempt timeout for reads (default 5 s). */
  timeoutMs?: number;
  /** Retries for reads after a 5xx, timeout or network error (default 1). 429 is never retried here. */
  maxRetries?: number;
  /** Per-attempt timeout for writes (default 10 s). */
  writeTimeoutMs?: number;
  /** Retries for writes (default 0: the sync engine decides). */
  writeMaxRetries?: number;
  /** Variables to read INTERCOM_BASE_URL_* from (default: this process's settings, lib/env.ts). */
  env?: EnvSource;
  onResponse?: (info: IntercomResponseInfo) => void;
}

export interface IntercomWorkspace {
  appName: string;
  idCode: string;
  /** Region code from `app.region`; null if Intercom reports a region Tailor does not know. */
  region: IntercomRegion | null;
  appRegion: string;
  adminId: string;
  timezone: string | null;
}

export interface ContactAttribute {
  id: number | null;
  name: string;
  fullName: string;
  label: string;
  description: string;
  dataType: IntercomDataType;
  options: string[] | null;
  apiWritable: boolean;
  custom: boolean;
  archived: boolean;
}

export type CreateAttributeDataType = IntercomDataType | "options";

export interface CreateContactAttributeInput {
  name: string;
  dataType: CreateAttributeDataType;
  description?: string;
  /** Required (≥ 2) when dataType is "options". */
  options?: string[];
}

export interface IntercomContact {
  id: string;
  role: string;
  email: string | null;
  name: string | null;
  externalId: string | null;
  workspaceId: string | null;
  phone: string | null;
  /** Unix seconds, as Intercom sends them. */
  createdAt: number | null;
  updatedAt: number | null;
  customAttributes: Record<string, CustomAttributeValue>;
  /** Tag references embedded in the contact: at most 10, without names. */
  tagIds: string[];
  tagCount: number;
  hasMoreTags: boolean;
}

export interface DataEventInput {
  /** Intercom's contact id (the `id` identifier of POST /events). */
  contactId: string;
  eventName: string;
  /** Unix seconds: with the contact and the name, Intercom's dedupe key. */
  createdAt: number;
  /** Flat, at most 10 keys (Intercom ignores the rest); `_date` keys carry Unix seconds. */
  metadata?: Record<string, EventMetadataValue>;
}

export interface DataEventRecord {
  eventName: string;
  createdAt: number;
  metadata: Record<string, unknown>;
}

export interface ContactTag {
  id: string;
  name: string;
}

// Help center: no `.` or `$`, none of ~`!@#%^&*'{}|\" and no NUL. Spaces and `_` are accepted.
const FORBIDDEN_NAME_CHARS = /[.$~`!@#%^&*'{}|\\"\u0000]/;

export function isValidAttributeName(name: string): boolean {
  return name.trim() !== "" && !FORBIDDEN_NAME_CHARS.test(name);
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function numberHeader(headers: Headers | undefined, name: string): number | undefined {
  const raw = headers?.get(name);
  if (raw === null || raw === undefined || raw.trim() === "") return undefined;
  const value = Number(raw);
  return Number.isFinite(value) ? value : undefined;
}

export function rateLimitFromHeaders(headers: Headers | undefined): RateLimitInfo {
  const reset = numberHeader(headers, "x-ratelimit-reset");
  return {
    limit: numberHeader(headers, "x-ratelimit-limit"),
    remaining: numberHeader(headers, "x-ratelimit-remaining"),
    resetAt: reset === undefined ? undefined : new Date(reset * 1000),
  };
}

/** Maps anything the SDK throws to our typed set. Branches on status and `errors[].code` only. */
export function toIntercomError(error: unknown, timedOut = false): IntercomError {
  if (error instanceof IntercomError) return error;
  if (error instanceof IntercomTimeoutError) return new IntercomUnavailableError("timeout");
  if (!(error instanceof SdkError)) return new IntercomUnavailableError(timedOut ? "timeout" : "network");
  const status = error.statusCode;
  if (status === undefined) return new IntercomUnavailableError(timedOut ? "timeout" : "network");

  const headers = error.rawResponse?.headers;
  const envelope = errorEnvelopeSchema.safeParse(error.body);
  const code = envelope.success ? envelope.data.errors[0]?.code : undefined;
  const details: IntercomErrorDetails = {
    status,
    code,
    requestId: (envelope.success ? envelope.data.request_id : undefined) ?? headers?.get("x-request-id") ?? undefined,
  };
  if (status === 401) return code === "token_unauthorized" ? new IntercomPermissionError(details) : new IntercomAuthError(details);
  if (status === 403) return new IntercomPermissionError(details);
  if (status === 404) return new IntercomNotFoundError(details);
  if (status === 429) {
    // No Retry-After on Intercom's 429: the window's end is X-RateLimit-Reset (Unix seconds).
    const resetAt = rateLimitFromHeaders(headers).resetAt ?? new Date(Date.now() + DEFAULT_RATE_LIMIT_WAIT_S * 1000);
    return new IntercomRateLimitedError(resetAt, details);
  }
  if (status === 408 || status >= 500) return new IntercomUnavailableError("server_error", details);
  return new IntercomValidationError("other", undefined, details);
}

function detailsOf(error: IntercomError): IntercomErrorDetails {
  return { status: error.status, requestId: error.requestId, code: error.code };
}

function parseOrThrow<T>(schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new IntercomUnavailableError("bad_response");
  return parsed.data;
}

function fitsType(dataType: IntercomDataType, value: CustomAttributeValue): boolean {
  switch (dataType) {
    case "string":
      return typeof value === "string";
    case "integer":
    case "date":
      return Number.isInteger(value);
    case "float":
      return typeof value === "number";
    case "boolean":
      return typeof value === "boolean";
  }
}

function toContact(payload: IntercomContactPayload): IntercomContact {
  const customAttributes: Record<string, CustomAttributeValue> = {};
  for (const [key, value] of Object.entries(payload.custom_attributes ?? {})) {
    if (value === null || ["string", "number", "boolean"].includes(typeof value)) customAttributes[key] = value as CustomAttributeValue;
  }
  const tagIds = (payload.tags?.data ?? []).map((t) => t.id);
  return {
    id: payload.id,
    role: payload.role,
    email: payload.email ?? null,
    name: payload.name ?? null,
    externalId: payload.external_id ?? null,
    workspaceId: payload.workspace_id ?? null,
    phone: payload.phone ?? null,
    createdAt: payload.created_at ?? null,
    updatedAt: payload.updated_at ?? null,
    customAttributes,
    tagIds,
    tagCount: payload.tags?.total_count ?? tagIds.length,
    hasMoreTags: payload.tags?.has_more ?? false,
  };
}

type Kind = "read" | "write";

export function createIntercomClient(options: CreateIntercomClientOptions) {
  const { region, onResponse } = options;
  const baseUrl = resolveBaseUrl(region, options.env ? parseEnv(options.env) : settings());
  const basePath = new URL(baseUrl).pathname.replace(/\/+$/, "");
  const hasToken = options.token.trim() !== "";
  const policy: Record<Kind, { timeoutMs: number; retries: number }> = {
    read: { timeoutMs: options.timeoutMs ?? READ_TIMEOUT_MS, retries: options.maxRetries ?? 1 },
    write: { timeoutMs: options.writeTimeoutMs ?? WRITE_TIMEOUT_MS, retries: options.writeMaxRetries ?? 0 },
  };

  // A fetch wrapper sees every response, pages included, so telemetry gets rate-limit headers
  // even when the SDK returns only the parsed body.
  let probing = false;
  const instrumentedFetch: typeof fetch = async (input, init) => {
    const started = Date.now();
    const probe = probing;
    const response = await fetch(input, init);
    if (onResponse) {
      try {
        const url = new URL(typeof input === "string" ? input : input instanceof URL ? input.href : input.url);
        onResponse({
          method: (init?.method ?? "GET").toUpperCase(),
          path: url.pathname.startsWith(basePath) ? url.pathname.slice(basePath.length) || "/" : url.pathname,
          status: response.status,
          requestId: response.headers.get("x-request-id") ?? undefined,
          rateLimit: rateLimitFromHeaders(response.headers),
          durationMs: Date.now() - started,
          ...(probe ? { probe } : {}),
        });
      } catch {
        // Telemetry must never break a request.
      }
    }
    return response;
  };

  // SDK retries are off: it skips timeouts and network errors, sleeps up to 60 s on a 429 and
  // retries POST/PUT blindly. We retry reads ourselves, once, and never writes.
  const sdk = new IntercomClient({
    token: options.token,
    baseUrl,
    maxRetries: 0,
    timeoutInSeconds: policy.read.timeoutMs / 1000,
    fetch: instrumentedFetch,
  });

  async function call<T>(kind: Kind, fn: (requestOptions: IntercomClient.RequestOptions) => Promise<T>): Promise<T> {
    if (!hasToken) throw new IntercomAuthError();
    const { timeoutMs, retries } = policy[kind];
    for (let attempt = 0; ; attempt++) {
      // Our own deadline, not the SDK's: its timer aborts with a bare string that surfaces as
      // "Unknown error" (indistinguishable from a network failure) and stops once headers arrive.
      // The SDK timer stays as a backstop a little later.
      const deadline = new AbortController();
      const timer = setTimeout(() => deadline.abort(), timeoutMs);
      try {
        return await fn({ timeoutInSeconds: (timeoutMs + 1_000) / 1000, maxRetries: 0, abortSignal: deadline.signal });
      } catch (error) {
        const mapped = toIntercomError(error, deadline.signal.aborted);
        if (!(mapped instanceof IntercomUnavailableError) || attempt >= retries) throw mapped;
        await sleep(RETRY_DELAY_MS * (1 + Math.random() * 0.2));
      } finally {
        clearTimeout(timer);
      }
    }
  }

  async function getWorkspace(): Promise<IntercomWorkspace> {
    const me = parseOrThrow(adminWithAppSchema, await call("read", (o) => sdk.admins.identify(o)));
    return {
      appName: me.app.name,
      idCode: me.app.id_code,
      region: regionFromAppRegion(me.app.region),
      appRegion: me.app.region,
      adminId: me.id,
      timezone: me.app.timezone ?? null,
    };
  }

  async function listAttributes(model: "contact" | "company", includeArchived: boolean): Promise<ContactAttribute[]> {
    const list = parseOrThrow(
      dataAttributeListSchema,
      await call("read", (o) => sdk.dataAttributes.list({ model, include_archived: includeArchived }, o)),
    );
    return list.data
      .filter((a) => !a.model || a.model === model)
      .map((a) => ({
        id: a.id ?? null,
        name: a.name,
        fullName: a.full_name ?? (a.custom ? `custom_attributes.${a.name}` : a.name),
        label: a.label ?? a.name,
        description: a.description ?? "",
        dataType: a.data_type,
        options: a.options ?? null,
        apiWritable: a.api_writable ?? false,
        custom: a.custom ?? false,
        archived: a.archived ?? false,
      }));
  }

  function listContactAttributes({ includeArchived = false }: { includeArchived?: boolean } = {}) {
    return listAttributes("contact", includeArchived);
  }

  // Intercom answers every create/update mistake with 400 parameter_invalid and explains only in
  // prose. Rather than parse prose, re-read the attribute list and work out which rule was broken.
  async function diagnoseCreate(input: CreateContactAttributeInput, original: IntercomValidationError): Promise<IntercomError> {
    const details = detailsOf(original);
    if (!isValidAttributeName(input.name)) return new IntercomValidationError("bad_name", input.name, details);
    try {
      const lower = input.name.toLowerCase();
      const contactAttrs = await listContactAttributes({ includeArchived: true });
      const clash = (attrs: ContactAttribute[]) => attrs.some((a) => a.name.toLowerCase() === lower || a.fullName.toLowerCase() === lower);
      if (clash(contactAttrs) || clash(await listAttributes("company", true))) {
        return new IntercomValidationError("duplicate", input.name, details);
      }
      if (contactAttrs.filter((a) => a.custom && !a.archived).length >= 250) return new IntercomValidationError("limit", input.name, details);
    } catch {
      // The diagnosis is best effort; fall back to the original error.
    }
    return new IntercomValidationError("other", input.name, details);
  }

  async function createContactAttribute(input: CreateContactAttributeInput): Promise<ContactAttribute> {
    const body = {
      name: input.name,
      model: "contact",
      data_type: input.dataType,
      ...(input.description !== undefined ? { description: input.description } : {}),
      ...(input.dataType === "options" ? { options: (input.options ?? []).map((value) => ({ value })) } : {}),
    };
    try {
      // The SDK's CreateDataAttributeRequest type omits `name` and `model`, which the API requires.
      const created = await call("write", (o) => sdk.dataAttributes.create(body as unknown as Intercom.CreateDataAttributeRequest, o));
      const parsed = parseOrThrow(dataAttributeListSchema.shape.data.element, created);
      return {
        id: parsed.id ?? null,
        name: parsed.name,
        fullName: parsed.full_name ?? `custom_attributes.${parsed.name}`,
        label: parsed.label ?? parsed.name,
        description: parsed.description ?? "",
        dataType: parsed.data_type,
        options: parsed.options ?? null,
        apiWritable: parsed.api_writable ?? true,
        custom: parsed.custom ?? true,
        archived: parsed.archived ?? false,
      };
    } catch (error) {
      if (error instanceof IntercomValidationError) throw await diagnoseCreate(input, error);
      throw error;
    }
  }

  async function searchContactsByEmail(email: string): Promise<IntercomContact[]> {
    const contacts: IntercomContact[] = [];
    let startingAfter: string | undefined;
    for (let page = 0; page < MAX_SEARCH_PAGES; page++) {
      const request: Intercom.SearchRequest = {
        query: { field: "email", operator: "=", value: email },
        pagination: { per_page: SEARCH_PAGE_SIZE, ...(startingAfter ? { starting_after: startingAfter } : {}) },
      };
      // Pages are fetched one by one so each page gets the read timeout and retry policy.
      const result = parseOrThrow(contactListSchema, (await call("read", (o) => sdk.contacts.search(request, o))).response);
      contacts.push(...result.data.map(toContact));
      startingAfter = result.pages?.next?.starting_after ?? undefined;
      if (!startingAfter) break;
    }
    return contacts;
  }

  async function getContact(id: string): Promise<IntercomContact> {
    return toContact(parseOrThrow(contactSchema, await call("read", (o) => sdk.contacts.find({ contact_id: id }, o))));
  }

  async function listContactTags(id: string): Promise<ContactTag[]> {
    const list = parseOrThrow(tagListSchema, await call("read", (o) => sdk.contacts.listAttachedTags({ contact_id: id }, o)));
    return list.data.map((t) => ({ id: t.id, name: t.name }));
  }

  /** The workspace's tags (GET /tags, one un-paginated list): names for the ids contacts embed. */
  async function listTags(): Promise<ContactTag[]> {
    const list = parseOrThrow(tagListSchema, await call("read", (o) => sdk.tags.list(o)));
    return list.data.map((t) => ({ id: t.id, name: t.name }));
  }

  async function diagnoseUpdate(attrs: Record<string, CustomAttributeValue>, original: IntercomValidationError): Promise<IntercomError> {
    const details = detailsOf(original);
    try {
      const defs = await listContactAttributes({ includeArchived: true });
      for (const [key, value] of Object.entries(attrs)) {
        const def = defs.find((a) => a.custom && a.name === key);
        if (!def || def.archived || !def.apiWritable) return new IntercomValidationError("unknown_attribute", key, details);
        if (value !== null && !fitsType(def.dataType, value)) return new IntercomValidationError("wrong_type", key, details);
      }
    } catch {
      // Best effort, as above.
    }
    return new IntercomValidationError("other", undefined, details);
  }

  async function updateContactCustomAttributes(id: string, attrs: Record<string, CustomAttributeValue>): Promise<IntercomContact> {
    try {
      const updated = await call("write", (o) => sdk.contacts.update({ contact_id: id, custom_attributes: attrs }, o));
      return toContact(parseOrThrow(contactSchema, updated));
    } catch (error) {
      if (error instanceof IntercomValidationError) throw await diagnoseUpdate(attrs, error);
      throw error;
    }
  }

  /** POST /events: 202 with an empty body; a duplicate (same contact, name, created_at) is a 202 too. */
  async function createEvent(input: DataEventInput): Promise<void> {
    const request = {
      id: input.contactId,
      event_name: input.eventName,
      created_at: input.createdAt,
      ...(input.metadata && Object.keys(input.metadata).length > 0 ? { metadata: input.metadata } : {}),
    };
    // The SDK types metadata as strings only; Intercom documents numbers (and `_date` seconds) too.
    await call("write", (o) => sdk.events.create(request as unknown as Intercom.CreateDataEventRequest, o));
  }

  /** GET /events?type=user&intercom_user_id=…: the contact's events, newest first (one page of up to `perPage`). */
  async function listEvents(contactId: string, { perPage = 50 }: { perPage?: number } = {}): Promise<DataEventRecord[]> {
    const list = parseOrThrow(
      eventListSchema,
      await call("read", (o) => sdk.events.list({ type: "user", intercom_user_id: contactId, per_page: perPage }, o)),
    );
    return list.events.map((e) => ({ eventName: e.event_name, createdAt: e.created_at, metadata: e.metadata ?? {} }));
  }

  // The capability probe (docs/intercom-client.md, "Capability probe"): two write requests that
  // cannot change anything. Intercom checks the token's scope first, so a read-only token gets
  // 401 token_unauthorized, and a writing token gets the request's own refusal (404 / 400).
  async function probeOne(request: (o: IntercomClient.RequestOptions) => Promise<unknown>, refusal: "not_found" | "validation"): Promise<boolean | null> {
    try {
      await call("write", request);
      return true; // never expected: the probe's targets do not exist / are refused
    } catch (error) {
      if (error instanceof IntercomAuthError) throw error;
      if (error instanceof IntercomPermissionError) return false;
      if (error instanceof IntercomError && error.kind === refusal) return true;
      return null; // 5xx, 429, timeout: unknown, keep what we knew
    }
  }

  async function probeCapabilities(): Promise<{ canWrite: boolean | null; canCreateAttributes: boolean | null }> {
    probing = true;
    try {
      return await probeBoth();
    } finally {
      probing = false;
    }
  }

  async function probeBoth(): Promise<{ canWrite: boolean | null; canCreateAttributes: boolean | null }> {
    const canWrite = await probeOne((o) => sdk.contacts.update({ contact_id: CAPABILITY_PROBE_CONTACT_ID }, o), "not_found");
    const canCreateAttributes = await probeOne(
      (o) => sdk.dataAttributes.create(CAPABILITY_PROBE_ATTRIBUTE as unknown as Intercom.CreateDataAttributeRequest, o),
      "validation",
    );
    return { canWrite, canCreateAttributes };
  }

  return {
    region,
    baseUrl,
    getWorkspace,
    probeCapabilities,
    listContactAttributes,
    createContactAttribute,
    searchContactsByEmail,
    getContact,
    listContactTags,
    listTags,
    updateContactCustomAttributes,
    createEvent,
    listEvents,
  };
}

export type TailorIntercomClient = ReturnType<typeof createIntercomClient>;

export interface VerifyTokenOptions {
  token: string;
  region: IntercomRegion;
  env?: EnvSource;
  timeoutMs?: number;
}

/** Which region's workspace the token belongs to, by asking every host's `/me`; null if none accepts it. */
export async function probeRegion(
  token: string,
  { env, timeoutMs, regions = INTERCOM_REGIONS }: { env?: EnvSource; timeoutMs?: number; regions?: readonly IntercomRegion[] } = {},
): Promise<IntercomRegion | null> {
  const results = await Promise.allSettled(
    regions.map(async (host) => {
      const ws = await createIntercomClient({ token, region: host, env, timeoutMs, maxRetries: 0 }).getWorkspace();
      return ws.region ?? host;
    }),
  );
  // `/me` says where the workspace lives, even when the US host proxied the call.
  for (const result of results) if (result.status === "fulfilled") return result.value;
  return null;
}

/**
 * Validates a pasted token for the chosen region. Wrong region is an error, not a success:
 * `/me` on the chosen host must answer and report that same region.
 */
export async function verifyToken({ token, region, env, timeoutMs }: VerifyTokenOptions): Promise<IntercomWorkspace> {
  let workspace: IntercomWorkspace;
  try {
    workspace = await createIntercomClient({ token, region, env, timeoutMs }).getWorkspace();
  } catch (error) {
    if (error instanceof IntercomAuthError) {
      const actual = await probeRegion(token, { env, timeoutMs, regions: INTERCOM_REGIONS.filter((r) => r !== region) });
      if (actual && actual !== region) throw new IntercomRegionMismatchError(region, actual, detailsOf(error));
    }
    throw error;
  }
  if (workspace.region && workspace.region !== region) throw new IntercomRegionMismatchError(region, workspace.region);
  return workspace;
}

export type { ValidationReason };
