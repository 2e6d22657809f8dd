import { describe, expect, it } from "vitest";
import { runtimeServerSettings } from "./settings";

describe("runtimeServerSettings", () => {
  it("defaults to 127.0.0.1:3001 with a 10 s shutdown grace", () => {
    expect(runtimeServerSettings({})).toEqual({ port: 3001, host: "127.0.0.1", shutdownGraceMs: 10_000 });
  });

  it("reads TAILOR_RUNTIME_PORT / _HOST and the shared grace", () => {
    expect(runtimeServerSettings({ TAILOR_RUNTIME_PORT: "8080", TAILOR_RUNTIME_HOST: " 0.0.0.0 ", TAILOR_SHUTDOWN_GRACE_MS: "2500" })).toEqual({
      port: 8080,
      host: "0.0.0.0",
      shutdownGraceMs: 2_500,
    });
  });

  it("refuses a port that isn't one, with the variable's name", () => {
    for (const bad of ["http", "70000", "-1", "80.5"]) expect(() => runtimeServerSettings({ TAILOR_RUNTIME_PORT: bad })).toThrow(/TAILOR_RUNTIME_PORT/);
  });
});
