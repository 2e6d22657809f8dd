// Liveness check for load balancers; also the baseline route of `npm run bench`.
export function GET() {
  return Response.json({ ok: true }, { headers: { "Cache-Control": "no-store" } });
}
