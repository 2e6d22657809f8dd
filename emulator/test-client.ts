/* eslint-disable @typescript-eslint/no-explicit-any -- raw JSON bodies, typed by each test */
// Raw HTTP helper for emulator tests (deliberately not the SDK, to see exactly what goes on the wire).
import type { IntercomEmulator, Region } from "./server";

export interface RawResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

export interface RawRequest {
  method?: string;
  token?: string | null;
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
}

export async function callIntercom<T = any>(
  emulator: IntercomEmulator,
  region: Region,
  path: string,
  { method = "GET", token, body, rawBody, headers = {} }: RawRequest = {},
): Promise<RawResponse<T>> {
  const auth: Record<string, string> = token === null ? {} : { Authorization: `Bearer ${token ?? emulator.tokens[region].full}` };
  const response = await fetch(`${emulator.baseUrls[region]}${path}`, {
    method,
    headers: {
      Accept: "application/json",
      "Intercom-Version": "2.14",
      ...(body !== undefined || rawBody !== undefined ? { "Content-Type": "application/json" } : {}),
      ...auth,
      ...headers,
    },
    body: rawBody ?? (body === undefined ? undefined : JSON.stringify(body)),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
}

export async function control<T = any>(emulator: IntercomEmulator, path: string, body?: unknown, method = body === undefined ? "GET" : "POST") {
  const response = await fetch(`${emulator.controlUrl}${path}`, {
    method,
    headers: { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as T };
}
