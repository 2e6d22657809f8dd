import { describe, expect, it } from "vitest";
import { createMember, createWorkspace } from "@/lib/testing/factories";
import { authenticate } from "./authenticate";
import { throttleLimits } from "./throttle";

describe("authenticate", () => {
  it("signs in with the right password and lands in the user's workspace", async () => {
    const ws = await createWorkspace("Auth Co");
    const { user } = await createMember(ws.id, "admin", { password: "right-password-1" });
    const result = await authenticate(user.email, "right-password-1", "10.0.0.1");
    expect(result).toMatchObject({ ok: true, user: { id: user.id, workspaceId: ws.id, role: "admin" } });
  });

  it("answers the same for an unknown email and a wrong password", async () => {
    const ws = await createWorkspace("Auth Co");
    const { user } = await createMember(ws.id, "admin", { password: "right-password-1" });
    expect(await authenticate(user.email, "wrong-password", "10.0.0.2")).toEqual({ ok: false, reason: "invalid" });
    expect(await authenticate("nobody@example.test", "wrong-password", "10.0.0.2")).toEqual({ ok: false, reason: "invalid" });
  });

  it("throttles an email after repeated failures, even with the right password", async () => {
    const ws = await createWorkspace("Auth Co");
    const { user } = await createMember(ws.id, "support", { password: "right-password-1" });
    for (let i = 0; i < throttleLimits.email; i++) {
      expect((await authenticate(user.email, "nope", `10.1.0.${i}`)).ok).toBe(false);
    }
    const locked = await authenticate(user.email, "right-password-1", "10.1.1.1");
    expect(locked).toMatchObject({ ok: false, reason: "throttled" });
    if (!locked.ok && locked.reason === "throttled") expect(locked.until.getTime()).toBeGreaterThan(Date.now());
  });

  it("throttles an IP that tries many emails", async () => {
    for (let i = 0; i < throttleLimits.ip; i++) await authenticate(`guess${i}@example.test`, "x", "10.9.9.9");
    expect(await authenticate("another@example.test", "x", "10.9.9.9")).toMatchObject({ reason: "throttled" });
    expect(await authenticate("another@example.test", "x", "10.9.9.10")).toMatchObject({ reason: "invalid" });
  });
});
