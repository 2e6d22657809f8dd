// A faithful local Intercom (API 2.14) for development and tests: one loopback server, one path
// prefix per region (/us, /eu, /au), Intercom's envelope, rate limits and region rules, plus a
// control API under /__emulator that Intercom's URL space can never reach.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { handleControl, tokensOf } from "./control";
import { ApiError, errorEnvelope, invalidToken, notAcceptable, notFound, parameterInvalid, rateLimitExceeded, tokenUnauthorized } from "./errors";
import { Faults } from "./faults";
import defaultFixture from "./fixture.json";
import { readBody, sendJson, sleep } from "./http-io";
import { RateLimiter } from "./rate-limit";
import { matchRoute, type EmulatorSettings, type Route } from "./router";
import { contactRoutes } from "./routes/contacts";
import { dataAttributeRoutes } from "./routes/data-attributes";
import { eventRoutes } from "./routes/events";
import { meRoutes } from "./routes/me";
import { searchRoutes } from "./routes/search";
import { tagRoutes } from "./routes/tags";
import { EmulatorState, REGIONS, type EmulatorFixture, type Region, type TokenEntry } from "./state";

export type { EmulatorFixture, Region } from "./state";
export type { FaultConfig } from "./faults";

export interface IntercomEmulatorOptions {
  /** 0 picks a free port (default). */
  port?: number;
  host?: string;
  /** Path to a fixture JSON file, or the fixture itself. Defaults to ./fixture.json. */
  fixture?: string | EmulatorFixture;
  /** EU/AU tokens on the US host: "route" serves them (Intercom proxies), "strict" answers 401. */
  crossRegion?: "route" | "strict";
  /** Calls per window per workspace unless the fixture sets one (Intercom: ~1,666 per 10 s). */
  rateLimit?: number;
  rateLimitWindowMs?: number;
  /** Delay before contacts created at runtime become searchable. */
  indexingDelayMs?: number;
  maxCustomAttributes?: number;
  validateListOptions?: boolean;
  /** Called after every Intercom-space exchange (not the control API); used by the conformance suite. */
  onExchange?: (exchange: RecordedExchange) => void;
}

export interface RecordedExchange {
  region: Region | null;
  method: string;
  path: string;
  /** The matched spec path template, e.g. "/contacts/{contact_id}". */
  route?: string;
  status: number;
  requestHeaders: IncomingHttpHeaders;
  requestBody: unknown;
  responseHeaders: Record<string, string>;
  responseBody: unknown;
}

export interface IntercomEmulator {
  origin: string;
  baseUrls: Record<Region, string>;
  controlUrl: string;
  tokens: Record<Region, { full: string; readOnly: string }>;
  state: EmulatorState;
  settings: EmulatorSettings;
  faults: Faults;
  /** Restores the seed, settings, faults and rate-limit windows. */
  reset(): void;
  close(): Promise<void>;
}

const ROUTES: Route[] = [...meRoutes, ...dataAttributeRoutes, ...searchRoutes, ...contactRoutes, ...tagRoutes, ...eventRoutes];
// The spec's intercom_version enum plus "Unstable"; the emulator answers every one as 2.14.
const VERSIONS = new Set(["1.0", "1.1", "1.2", "1.3", "1.4", ...Array.from({ length: 15 }, (_, i) => `2.${i}`), "Unstable"]);
const ACCEPTABLE = new Set(["*/*", "application/*", "application/json"]);

function loadFixture(fixture: IntercomEmulatorOptions["fixture"]): EmulatorFixture {
  if (typeof fixture === "string") return JSON.parse(readFileSync(fixture, "utf8")) as EmulatorFixture;
  return fixture ?? (defaultFixture as unknown as EmulatorFixture);
}

function acceptable(header: string | undefined): boolean {
  if (!header) return false; // documented: a missing Accept is a 406 too
  return header.split(",").some((part) => ACCEPTABLE.has((part.split(";")[0] ?? "").trim().toLowerCase()));
}

function regionOf(prefix: string | undefined): Region | null {
  const upper = (prefix ?? "").toUpperCase();
  return (REGIONS as readonly string[]).includes(upper) ? (upper as Region) : null;
}

export async function startIntercomEmulator(options: IntercomEmulatorOptions = {}): Promise<IntercomEmulator> {
  const host = options.host ?? "127.0.0.1";
  const initialSettings: EmulatorSettings = {
    crossRegion: options.crossRegion ?? "route",
    rateLimit: options.rateLimit ?? 1666,
    rateLimitWindowMs: options.rateLimitWindowMs ?? 10_000,
    indexingDelayMs: options.indexingDelayMs ?? 0,
    maxCustomAttributes: options.maxCustomAttributes ?? 250,
    validateListOptions: options.validateListOptions ?? false,
  };
  const settings: EmulatorSettings = { ...initialSettings };
  const state = new EmulatorState(loadFixture(options.fixture));
  const faults = new Faults();
  let limiter = new RateLimiter(settings.rateLimitWindowMs);

  const reset = () => {
    state.reset();
    faults.clear();
    Object.assign(settings, initialSettings);
    limiter = new RateLimiter(settings.rateLimitWindowMs);
  };

  function authenticate(req: IncomingMessage, hostRegion: Region): TokenEntry | ApiError {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? "");
    const entry = match ? state.findToken(match[1]!) : undefined;
    if (!entry) return invalidToken();
    if (entry.workspace.region === hostRegion) return entry;
    // Regional hosts pin their region; the US host may proxy other regions' tokens.
    const mode = entry.token.crossRegion ?? settings.crossRegion;
    return hostRegion === "US" && mode === "route" ? entry : invalidToken();
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const requestId = randomUUID();
    const [, prefix, ...rest] = url.pathname.split("/");
    const hostRegion = regionOf(prefix);
    const path = `/${rest.join("/")}`.replace(/\/+$/, "") || "/";
    const method = req.method ?? "GET";
    const rawBody = await readBody(req).catch(() => "");
    const faultRegion = hostRegion ?? "US";

    const latency = faults.latencyFor(faultRegion, path);
    if (latency > 0) await sleep(latency);
    if (res.destroyed) return;
    const fault = faults.next(faultRegion, path);
    if (fault.kind === "drop") {
      req.socket.destroy();
      return;
    }

    const auth = hostRegion ? authenticate(req, hostRegion) : invalidToken();
    const entry = auth instanceof ApiError ? undefined : auth;
    const limit = entry?.workspace.rateLimit ?? settings.rateLimit;
    const verdict = limiter.hit(entry ? `workspace:${entry.workspace.region}` : `anonymous:${faultRegion}`, limit);
    const headers: Record<string, string> = {
      "X-Request-Id": requestId,
      "X-RateLimit-Limit": String(verdict.limit),
      "X-RateLimit-Remaining": String(verdict.remaining),
      "X-RateLimit-Reset": String(verdict.reset),
    };

    let status = 200;
    let body: unknown;
    let requestBody: unknown;
    let route: Route | undefined;
    try {
      if (!hostRegion) throw notFound();
      if (verdict.limited) throw rateLimitExceeded();
      if (fault.kind === "error") {
        throw fault.status === 503
          ? new ApiError(503, "service_unavailable", "Service Unavailable")
          : new ApiError(fault.status, "server_error", "Server Error");
      }
      if (!acceptable(req.headers.accept)) throw notAcceptable();
      const version = req.headers["intercom-version"];
      if (typeof version === "string" && !VERSIONS.has(version)) {
        throw new ApiError(400, "intercom_version_invalid", "The requested version could not be found");
      }
      if (!entry) throw auth as ApiError;
      const matched = matchRoute(ROUTES, method, path);
      if (!matched) throw notFound();
      route = matched.route;
      if (route.write && entry.token.access !== "full") throw tokenUnauthorized();
      if (rawBody.trim() !== "") {
        try {
          requestBody = JSON.parse(rawBody);
        } catch {
          throw parameterInvalid("The request body is not valid JSON");
        }
      }
      const result = route.handle({
        req,
        hostRegion,
        workspace: entry.workspace,
        access: entry.token.access,
        params: matched.params,
        query: url.searchParams,
        body: requestBody,
        state,
        settings,
      });
      status = result.status ?? 200;
      body = result.body;
      const late = faults.lateAnswerFor(faultRegion, path);
      if (late > 0) await sleep(late);
    } catch (error) {
      const apiError = error instanceof ApiError ? error : new ApiError(500, "server_error", "Server Error");
      status = apiError.status;
      body = errorEnvelope(requestId, [apiError.toItem()]);
    }
    sendJson(res, status, body, headers);
    options.onExchange?.({
      region: hostRegion,
      method,
      path,
      route: route?.path,
      status,
      // Tokens stay out of recordings, even in tests.
      requestHeaders: { ...req.headers, ...(req.headers.authorization ? { authorization: "Bearer [redacted]" } : {}) },
      requestBody,
      responseHeaders: headers,
      responseBody: body,
    });
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://emulator.local");
    const work = url.pathname.startsWith("/__emulator/")
      ? handleControl(req, res, url, { state, settings, faults, reset, clearRateLimits: () => limiter.clear() })
      : handleApi(req, res, url);
    work.catch(() => {
      if (!res.headersSent) sendJson(res, 500, errorEnvelope(randomUUID(), [{ code: "server_error", message: "Server Error" }]));
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 5_000;

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  const tokens = tokensOf(state);

  return {
    origin,
    baseUrls: { US: `${origin}/us`, EU: `${origin}/eu`, AU: `${origin}/au` },
    controlUrl: `${origin}/__emulator`,
    tokens,
    state,
    settings,
    faults,
    reset,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
