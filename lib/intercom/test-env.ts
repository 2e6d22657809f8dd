// Points the client at a running emulator through the same env variables production uses.
import type { IntercomEmulator } from "@/emulator/server";
import type { EnvSource } from "@/lib/env";

export function emulatorEnv(emulator: IntercomEmulator): EnvSource {
  return {
    INTERCOM_BASE_URL_US: emulator.baseUrls.US,
    INTERCOM_BASE_URL_EU: emulator.baseUrls.EU,
    INTERCOM_BASE_URL_AU: emulator.baseUrls.AU,
  };
}
