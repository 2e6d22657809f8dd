import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startIntercomEmulator, type IntercomEmulator } from "@/emulator/server";
import { probeRegion, verifyToken } from "./client";
import { IntercomAuthError, IntercomRegionMismatchError } from "./errors";
import { emulatorEnv } from "./test-env";

let emu: IntercomEmulator;
beforeAll(async () => {
  emu = await startIntercomEmulator({ port: 0 });
});
afterAll(() => emu.close());
beforeEach(() => emu.reset());

const verify = (token: string, region: "US" | "EU" | "AU") => verifyToken({ token, region, env: emulatorEnv(emu), timeoutMs: 1_000 });
const mismatch = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error("expected a region mismatch");
    },
    (error: unknown) => {
      expect(error).toBeInstanceOf(IntercomRegionMismatchError);
      const { expected, actual, kind } = error as IntercomRegionMismatchError;
      return { expected, actual, kind };
    },
  );

describe("verifyToken", () => {
  it("accepts a token on its own region", async () => {
    expect(await verify(emu.tokens.US.full, "US")).toMatchObject({ region: "US", appName: "Acme (US)" });
    expect(await verify(emu.tokens.EU.readOnly, "EU")).toMatchObject({ region: "EU", appRegion: "Europe" });
    expect(await verify(emu.tokens.AU.full, "AU")).toMatchObject({ region: "AU", appRegion: "Australia" });
  });

  it("flags an EU token verified as US when the US host routes it (/me says Europe)", async () => {
    expect(await mismatch(verify(emu.tokens.EU.full, "US"))).toEqual({ expected: "US", actual: "EU", kind: "region_mismatch" });
  });

  it("flags an EU token verified as US when the US host rejects it (strict)", async () => {
    emu.settings.crossRegion = "strict";
    expect(await mismatch(verify(emu.tokens.EU.full, "US"))).toEqual({ expected: "US", actual: "EU", kind: "region_mismatch" });
  });

  it("flags a US token verified as EU or AU by probing the other hosts", async () => {
    expect(await mismatch(verify(emu.tokens.US.full, "EU"))).toMatchObject({ expected: "EU", actual: "US" });
    expect(await mismatch(verify(emu.tokens.EU.full, "AU"))).toMatchObject({ expected: "AU", actual: "EU" });
  });

  it("reports an invalid token when no region accepts it", async () => {
    await expect(verify("dG9rOm5vdF9hX3JlYWxfdG9rZW5fYXRfYWxsXzEyMzQ1Njc4OQ==", "EU")).rejects.toBeInstanceOf(IntercomAuthError);
    emu.state.revokeToken(emu.tokens.EU.full);
    await expect(verify(emu.tokens.EU.full, "US")).rejects.toBeInstanceOf(IntercomAuthError);
  });

  it("probeRegion finds the token's home region", async () => {
    const env = emulatorEnv(emu);
    expect(await probeRegion(emu.tokens.AU.full, { env })).toBe("AU");
    expect(await probeRegion(emu.tokens.EU.full, { env })).toBe("EU");
    expect(await probeRegion("nope", { env })).toBeNull();
  });
});
