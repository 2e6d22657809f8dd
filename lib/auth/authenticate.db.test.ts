import { describe, expect, it } from "vitest";
import { createMember, createWorkspace } from "@/lib/testing/factories";
import { authenticate } from "./authenticate";
import { clearAccountFailures, delayAfter, lockedUntil, recordFailure, throttleLimits } from "./throttle";

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

  it("slows one client guessing one account, but the owner still signs in from another client", async () => {
    const ws = await createWorkspace("Auth Co");
    const { user } = await createMember(ws.id, "owner", { password: "right-password-1" });
    for (let i = 0; i < 30; i++) await authenticate(user.email, `guess-${i}`, "10.1.0.1");
    const locked = await authenticate(user.email, "right-password-1", "10.1.0.1");
    expect(locked).toMatchObject({ ok: false, reason: "throttled" });
    if (!locked.ok && locked.reason === "throttled") expect(locked.until.getTime()).toBeGreaterThan(Date.now());
    expect(await authenticate(user.email, "right-password-1", "10.2.0.2")).toMatchObject({ ok: true });
    // Nor can failures from many addresses (each under its free allowance) lock the account.
    for (let i = 0; i < 12; i++) await authenticate(user.email, "nope", `10.3.${i}.1`);
    expect(await authenticate(user.email, "right-password-1", "10.2.0.3")).toMatchObject({ ok: true });
  }, 60_000);

  it("slows a client that sprays many accounts, not other clients", async () => {
    for (let i = 0; i < throttleLimits.client; i++) await authenticate(`guess${i}@example.test`, "x", "10.9.9.9");
    expect(await authenticate("another@example.test", "x", "10.9.9.9")).toMatchObject({ reason: "throttled" });
    expect(await authenticate("another@example.test", "x", "10.9.9.10")).toMatchObject({ reason: "invalid" });
  }, 60_000);

  it("waits grow with each failure past the free ones, up to a cap", async () => {
    expect(delayAfter(throttleLimits.accountClient - 1, throttleLimits.accountClient)).toBe(0);
    const waits = [0, 1, 2, 3].map((n) => delayAfter(throttleLimits.accountClient + n, throttleLimits.accountClient));
    expect(waits).toEqual([1000, 2000, 4000, 8000]);
    expect(delayAfter(500, 5)).toBe(throttleLimits.maxDelayMs);
    const subject = { email: "grow@example.test", ip: "10.4.0.1" };
    const now = new Date();
    for (let i = 0; i < throttleLimits.accountClient + 3; i++) await recordFailure(subject, now);
    expect((await lockedUntil(subject, now))!.getTime() - now.getTime()).toBe(8000);
    await clearAccountFailures("grow@example.test");
    expect(await lockedUntil({ email: "grow@example.test", ip: "10.4.0.2" }, now)).toBeNull();
  });
});
