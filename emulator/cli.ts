// `npm run intercom:emulator [-- --port 4010 --strict --rate-limit 20 --fixture path]`
// Prints each region's base URL and the seeded tokens, ready to paste into .env.
import { parseArgs } from "node:util";
import { startIntercomEmulator } from "./server";

const { values } = parseArgs({
  options: {
    port: { type: "string" },
    host: { type: "string" },
    strict: { type: "boolean", default: false },
    "rate-limit": { type: "string" },
    "indexing-delay": { type: "string" },
    fixture: { type: "string" },
  },
});

const numberOption = (value: string | undefined) => (value === undefined ? undefined : Number(value));

const port = numberOption(values.port) ?? numberOption(process.env.INTERCOM_EMULATOR_PORT) ?? 4010;
const emulator = await startIntercomEmulator({
  port,
  host: values.host ?? "127.0.0.1",
  crossRegion: values.strict ? "strict" : "route",
  rateLimit: numberOption(values["rate-limit"]),
  indexingDelayMs: numberOption(values["indexing-delay"]),
  fixture: values.fixture,
}).catch((error: NodeJS.ErrnoException) => {
  console.error(error.code === "EADDRINUSE" ? `Port ${port} is in use: pass --port or set INTERCOM_EMULATOR_PORT.` : error.message);
  process.exit(1);
});

const lines = [
  `Intercom emulator (API 2.14) on ${emulator.origin}  crossRegion=${emulator.settings.crossRegion}  rateLimit=${emulator.settings.rateLimit}/10s`,
  "",
  `INTERCOM_BASE_URL_US=${emulator.baseUrls.US}`,
  `INTERCOM_BASE_URL_EU=${emulator.baseUrls.EU}`,
  `INTERCOM_BASE_URL_AU=${emulator.baseUrls.AU}`,
  "",
  ...(["US", "EU", "AU"] as const).flatMap((region) => [
    `${region} token (full):      ${emulator.tokens[region].full}`,
    `${region} token (read-only): ${emulator.tokens[region].readOnly}`,
  ]),
  "",
  `Control API: ${emulator.controlUrl}/{reset,faults,config,state,contacts,rate-limit,tokens/revoke,data-attributes/archive}`,
];
console.log(lines.join("\n"));

let closing = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    emulator.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
