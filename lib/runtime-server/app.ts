import { Hono } from "hono";
import { publicApi } from "@/lib/public-api/endpoints";
import { health, readiness } from "@/lib/shared/readiness";
import { snippetResponse } from "./snippet-asset";

/**
 * The standalone runtime server's routes (hono): the public API from the SAME handlers the Next
 * route handlers export (lib/public-api/endpoints.ts), the snippet, liveness and readiness.
 * Nothing here decides anything about a request: site key, origin, limits and validation all live
 * in the shared handlers.
 */
const noStore = { "Cache-Control": "no-store" };

function notFound(): Response {
  return Response.json({ error: { code: "not_found", message: "No such endpoint." } }, { status: 404, headers: noStore });
}

export function createRuntimeApp(): Hono {
  const app = new Hono();
  for (const [name, endpoint] of Object.entries(publicApi)) {
    app.post(`/api/v1/${name}`, (c) => endpoint.POST(c.req.raw));
    app.options(`/api/v1/${name}`, (c) => endpoint.OPTIONS(c.req.raw));
    app.all(`/api/v1/${name}`, () =>
      Response.json({ error: { code: "method_not_allowed", message: "Use POST." } }, { status: 405, headers: { ...noStore, Allow: "POST, OPTIONS" } }),
    );
  }
  app.on(["GET", "HEAD"], "/tailor.js", (c) => snippetResponse(c.req.raw));
  // Same answers as the app's /api/health and /api/ready, under both paths (load balancers can probe either).
  const live = () => Response.json(health(), { headers: noStore });
  const ready = async () => {
    const result = await readiness();
    return Response.json(result, { status: result.ready ? 200 : 503, headers: noStore });
  };
  app.get("/health", live);
  app.get("/api/health", live);
  app.get("/ready", ready);
  app.get("/api/ready", ready);
  app.notFound(notFound);
  app.onError(() => Response.json({ error: { code: "internal", message: "Something went wrong." } }, { status: 500, headers: noStore }));
  return app;
}
