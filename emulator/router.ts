// Route table shared by the resource modules: templates use the spec's own path names
// ("/contacts/{contact_id}") so recorded exchanges can be matched to the OpenAPI operation.
import type { IncomingMessage } from "node:http";
import type { EmulatorState, Region, TokenAccess, Workspace } from "./state";

export interface EmulatorSettings {
  crossRegion: "route" | "strict";
  rateLimit: number;
  rateLimitWindowMs: number;
  indexingDelayMs: number;
  maxCustomAttributes: number;
  /** Reject list-attribute values outside the options (documented, then reverted by Intercom). */
  validateListOptions: boolean;
}

export interface RouteContext {
  req: IncomingMessage;
  /** The host (region prefix) the request arrived on. */
  hostRegion: Region;
  workspace: Workspace;
  access: TokenAccess;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  state: EmulatorState;
  settings: EmulatorSettings;
}

export interface RouteResult {
  status?: number;
  body: unknown;
}

export interface Route {
  method: "GET" | "POST" | "PUT" | "DELETE";
  /** Path template as written in the OpenAPI spec. */
  path: string;
  /** Needs a full-access token (read-only tokens get 401 token_unauthorized). */
  write?: boolean;
  handle(ctx: RouteContext): RouteResult;
}

export function matchRoute(
  routes: Route[],
  method: string,
  path: string,
): { route: Route; params: Record<string, string> } | undefined {
  const segments = path.split("/").filter(Boolean);
  let best: { route: Route; params: Record<string, string>; literals: number } | undefined;
  for (const route of routes) {
    if (route.method !== method) continue;
    const parts = route.path.split("/").filter(Boolean);
    if (parts.length !== segments.length) continue;
    const params: Record<string, string> = {};
    let literals = 0;
    const ok = parts.every((part, i) => {
      const segment = segments[i] ?? "";
      if (part.startsWith("{") && part.endsWith("}")) {
        params[part.slice(1, -1)] = decodeURIComponent(segment);
        return segment.length > 0;
      }
      literals += 1;
      return part === segment;
    });
    // Literal segments win over parameters, so /contacts/search never reads as a contact id.
    if (ok && (!best || literals > best.literals)) best = { route, params, literals };
  }
  return best && { route: best.route, params: best.params };
}

export const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);
