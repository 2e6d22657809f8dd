import { demoSignSchema, demoSigningEnabled, signDemoIdentity } from "@/lib/identity/demo-signer";

// The demo website's "server": signs the identity of the email typed into the demo page (see
// lib/identity/demo-signer.ts). Same-origin only; off unless the demo launcher enabled it.
export async function POST(request: Request): Promise<Response> {
  if (!demoSigningEnabled()) return Response.json({ error: "Demo signing is off." }, { status: 404 });
  const origin = request.headers.get("origin");
  if (origin && origin !== new URL(request.url).origin && origin !== `http://${request.headers.get("host")}`) {
    return Response.json({ error: "Cross-origin requests are refused." }, { status: 403 });
  }
  const parsed = demoSignSchema.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return Response.json({ error: parsed.error.issues[0]?.message ?? "Invalid request." }, { status: 400 });
  const signed = await signDemoIdentity(parsed.data);
  if (!signed) return Response.json({ error: "No such demo workspace." }, { status: 404 });
  return Response.json(signed, { headers: { "Cache-Control": "no-store" } });
}
