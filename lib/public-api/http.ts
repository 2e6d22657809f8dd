import type { z } from "zod";
import { fromTrustedProxy } from "@/lib/client-ip";
import { VisitorRequestError, type VisitorRequestReason } from "@/lib/runtime/errors";

/** Errors of the public (snippet) API: JSON, a stable code, a human message; nothing stored. */
export type PublicErrorCode =
  | "invalid_json"
  | "invalid_request"
  | "payload_too_large"
  | "unknown_site"
  | "origin_not_allowed"
  | "rate_limited"
  | "unsupported_media_type"
  | "unknown_question"
  | "invalid_answer"
  | "unknown_flow"
  | "unknown_step"
  | "invalid_action";

export class PublicApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: PublicErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

const STATUS_BY_REASON: Record<VisitorRequestReason, number> = { not_found: 404, invalid: 400, stale: 409 };

/** The HTTP answer to an error the runtime or this edge threw; null for anything unexpected (a 500). */
export function toPublicApiError(error: unknown): PublicApiError | null {
  if (error instanceof PublicApiError) return error;
  if (error instanceof VisitorRequestError) return new PublicApiError(STATUS_BY_REASON[error.reason], error.code, error.message);
  return null;
}

export const MAX_BODY_BYTES = 8 * 1024;

const JSON_TYPE = /^(application\/json|text\/plain)\b/i;
const decoder = new TextDecoder();

function tooLarge(maxBytes: number): PublicApiError {
  return new PublicApiError(413, "payload_too_large", `Request bodies are limited to ${maxBytes} bytes.`);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new PublicApiError(400, "invalid_json", "The request body is not valid JSON.");
  }
}

/**
 * Reads at most MAX_BODY_BYTES of a JSON body; refuses bigger bodies without buffering them.
 * With a Content-Length within the limit (what browsers send), the body is read in one go: the
 * HTTP parser never delivers more than the declared length, and one read skips the per-chunk
 * stream machinery (on the runtime server it also skips building a full WHATWG Request).
 * Without one (chunked), it is read chunk by chunk and cut off at the limit.
 */
export async function readJsonBody(request: Request, maxBytes = MAX_BODY_BYTES): Promise<unknown> {
  // text/plain is what navigator.sendBeacon and "simple" CORS requests send; both carry JSON here.
  if (!JSON_TYPE.test(request.headers.get("content-type") ?? "")) {
    throw new PublicApiError(415, "unsupported_media_type", "Send JSON with Content-Type: application/json.");
  }
  const length = request.headers.get("content-length");
  if (length !== null && /^\d{1,9}$/.test(length)) {
    if (Number(length) > maxBytes) throw tooLarge(maxBytes);
    const text = await request.text();
    if (Buffer.byteLength(text) > maxBytes) throw tooLarge(maxBytes);
    return parseJson(text);
  }
  if (length !== null) throw new PublicApiError(400, "invalid_request", "Content-Length is not a number.");
  const reader = request.body?.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (reader) {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel();
        throw tooLarge(maxBytes);
      }
      chunks.push(value);
    }
  }
  return parseJson(decoder.decode(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)));
}

export function parseWith<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const fields: Record<string, string> = {};
  for (const issue of parsed.error.issues) fields[issue.path.join(".") || "body"] ??= issue.message;
  const first = Object.entries(fields)[0];
  throw new PublicApiError(400, "invalid_request", first ? `${first[0]}: ${first[1]}` : "Invalid request.", fields);
}

/**
 * The origin the browser used to reach this app (request.url may name the bind address instead).
 * X-Forwarded-Host/-Proto count only from a trusted proxy: anyone else could claim to be the app.
 */
export function requestOrigin(request: Request): string {
  const url = new URL(request.url);
  const forwarded = fromTrustedProxy(request);
  const host = (forwarded ? request.headers.get("x-forwarded-host")?.split(",")[0]?.trim() : null) || request.headers.get("host") || url.host;
  const proto = (forwarded ? request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() : null) || url.protocol.replace(":", "");
  return `${proto}://${host}`;
}
