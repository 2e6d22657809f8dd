import { health } from "@/lib/shared/readiness";

// Liveness for load balancers (no I/O; also the baseline route of `npm run bench`). "degraded" means
// a configured Redis is unreachable and this node serves from memory and the database.
export function GET() {
  return Response.json(health(), { headers: { "Cache-Control": "no-store" } });
}
