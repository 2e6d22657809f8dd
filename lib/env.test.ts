import { afterEach, describe, expect, it } from "vitest";
import { ensurePeerStamp, env, EnvError, parseEnv, settleEnv } from "./env";

describe("settings (lib/env.ts)", () => {
  it("gives every setting its default, in the unit its name says", () => {
    const s = parseEnv({});
    expect(s).toMatchObject({
      TAILOR_PUBLIC_RATE_LIMIT: 120,
      TAILOR_PUBLIC_CLIENT_RATE_LIMIT: 600,
      TAILOR_CONTACT_CACHE_TTL_SECONDS: 300,
      TAILOR_SYNC_RATE_TARGET: 0.95,
      TAILOR_INTERCOM_REFRESH_MS: 3_600_000,
      TAILOR_REDIS_PREFIX: "tailor:",
      DATABASE_POOL_MAX: 10,
      PORT: 3000,
    });
    expect(s.DATABASE_URL).toBeUndefined();
    expect(s.TAILOR_INPROCESS_WORKER).toBeUndefined();
    expect(s.dataDir).toBe(`${process.cwd()}/data`);
  });

  it("parses numbers, flags and URLs; blank means unset", () => {
    const s = parseEnv({
      TAILOR_PUBLIC_RATE_LIMIT: " 30 ",
      TAILOR_SYNC_RATE_TARGET: "0.5",
      TAILOR_INTERCOM_REFRESH: "0",
      TAILOR_DEMO_SITE_SIGNING: "1",
      INTERCOM_BASE_URL_EU: "http://127.0.0.1:4010/eu/",
      SMTP_URL: "  ",
    });
    expect(s.TAILOR_PUBLIC_RATE_LIMIT).toBe(30);
    expect(s.TAILOR_SYNC_RATE_TARGET).toBe(0.5);
    expect(s.TAILOR_INTERCOM_REFRESH).toBe(false);
    expect(s.TAILOR_DEMO_SITE_SIGNING).toBe(true);
    expect(s.INTERCOM_BASE_URL_EU).toBe("http://127.0.0.1:4010/eu");
    expect(s.SMTP_URL).toBeUndefined();
  });

  it("refuses a typo with an error that names the variable and the value (never NaN, never 'off')", () => {
    expect(() => parseEnv({ TAILOR_PUBLIC_RATE_LIMIT: "abc" })).toThrow(EnvError);
    expect(() => parseEnv({ TAILOR_PUBLIC_RATE_LIMIT: "abc" })).toThrow('TAILOR_PUBLIC_RATE_LIMIT must be a whole number ≥ 1 (got "abc")');
    expect(() => parseEnv({ TAILOR_PUBLIC_RATE_LIMIT: "0" })).toThrow("TAILOR_PUBLIC_RATE_LIMIT must be a whole number ≥ 1");
    expect(() => parseEnv({ TAILOR_SYNC_LEASE_MS: "60s" })).toThrow('TAILOR_SYNC_LEASE_MS must be a whole number ≥ 0 (got "60s")');
    expect(() => parseEnv({ TAILOR_SYNC_RATE_TARGET: "2" })).toThrow("TAILOR_SYNC_RATE_TARGET must be a number from 0.1 to 1");
    expect(() => parseEnv({ TAILOR_INPROCESS_WORKER: "yes" })).toThrow('TAILOR_INPROCESS_WORKER must be 1 or 0 (got "yes")');
    expect(() => parseEnv({ PORT: "70000" })).toThrow("PORT must be a whole number from 1 to 65535");
  });

  it("lists every bad variable at once", () => {
    try {
      parseEnv({ TAILOR_PUBLIC_RATE_LIMIT: "abc", DATABASE_POOL_MAX: "-1", APP_URL: "not a url" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(EnvError);
      expect((error as EnvError).problems.map((p) => p.split(" ")[0]).sort()).toEqual(["APP_URL", "DATABASE_POOL_MAX", "TAILOR_PUBLIC_RATE_LIMIT"]);
    }
  });

  describe("env() on process.env", () => {
    const saved = process.env.TAILOR_PUBLIC_RATE_LIMIT;
    afterEach(() => {
      if (saved === undefined) delete process.env.TAILOR_PUBLIC_RATE_LIMIT;
      else process.env.TAILOR_PUBLIC_RATE_LIMIT = saved;
    });

    it("parses once and again only after a variable changed (tests and the demo set some at run time)", () => {
      process.env.TAILOR_PUBLIC_RATE_LIMIT = "77";
      const first = env();
      expect(first.TAILOR_PUBLIC_RATE_LIMIT).toBe(77);
      expect(env()).toBe(first);
      process.env.TAILOR_PUBLIC_RATE_LIMIT = "78";
      expect(env().TAILOR_PUBLIC_RATE_LIMIT).toBe(78);
      process.env.TAILOR_PUBLIC_RATE_LIMIT = "abc";
      expect(() => env()).toThrow('TAILOR_PUBLIC_RATE_LIMIT must be a whole number ≥ 1 (got "abc")');
    });
  });

  describe("settleEnv() (a started server)", () => {
    const saved = { limit: process.env.TAILOR_PUBLIC_RATE_LIMIT, stamp: process.env.TAILOR_PEER_STAMP };
    const envState = (globalThis as { tailorEnvState?: { settled: boolean } }).tailorEnvState!;
    afterEach(() => {
      envState.settled = false;
      for (const [key, value] of [["TAILOR_PUBLIC_RATE_LIMIT", saved.limit], ["TAILOR_PEER_STAMP", saved.stamp]] as const) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    });

    it("reads the environment once more, then keeps those settings", () => {
      process.env.TAILOR_PUBLIC_RATE_LIMIT = "90";
      env();
      process.env.TAILOR_PUBLIC_RATE_LIMIT = "91";
      const settled = settleEnv();
      expect(settled.TAILOR_PUBLIC_RATE_LIMIT).toBe(91);
      process.env.TAILOR_PUBLIC_RATE_LIMIT = "92";
      expect(env()).toBe(settled);
      expect(settleEnv().TAILOR_PUBLIC_RATE_LIMIT).toBe(92);
    });

    it("still sees the peer stamp a listener makes after settling (else no client address is believed)", () => {
      delete process.env.TAILOR_PEER_STAMP;
      expect(settleEnv().TAILOR_PEER_STAMP).toBeUndefined();
      const stamp = ensurePeerStamp();
      expect(stamp).toMatch(/^[0-9a-f]{32}$/);
      expect(env().TAILOR_PEER_STAMP).toBe(stamp);
    });
  });
});
