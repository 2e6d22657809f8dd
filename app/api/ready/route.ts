import { readiness } from "@/lib/shared/readiness";

export const dynamic = "force-dynamic";

// Readiness: 200 when this node can take traffic (database, migrations; Redis is reported, and only
// degrades), else 503.
export async function GET() {
  const result = await readiness();
  return Response.json(result, { status: result.ready ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
