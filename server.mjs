// Production entry (`npm start`, the demo and the e2e tests): Next's request handler behind a
// plain Node HTTP server, so the app can see the socket's peer address (route handlers can't).
// The peer goes into x-tailor-peer with a per-start random stamp, always overwriting what the
// client sent; lib/client-ip.ts believes it only with that stamp. Flags: -p PORT, -H HOST.
import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import next from "next";

const argv = process.argv.slice(2);
const flag = (name, fallback) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : fallback);
const port = Number(flag("-p", process.env.PORT ?? 3000));
const hostname = flag("-H", process.env.HOST ?? "127.0.0.1");

process.env.TAILOR_PEER_STAMP = randomBytes(16).toString("hex");
const app = next({ dev: false, hostname, port });
await app.prepare();
const handle = app.getRequestHandler();

const server = createServer((req, res) => {
  req.headers["x-tailor-peer"] = `${process.env.TAILOR_PEER_STAMP} ${req.socket.remoteAddress ?? ""}`;
  handle(req, res);
}).listen(port, hostname, () => {
  console.log(`▲ Tailor ready on http://${hostname}:${port}`);
});

// Graceful stop: no new connections, requests in flight finish, the node's own shutdown work
// (lib/shared/lifecycle.ts: readiness 503, in-process worker drained) completes, buffered
// impressions are written, then exit.
const graceMs = Number(process.env.TAILOR_SHUTDOWN_GRACE_MS ?? 10_000);
let stopping = false;
for (const signal of ["SIGTERM", "SIGINT"]) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    setTimeout(() => process.exit(0), graceMs).unref();
    server.closeIdleConnections();
    server.close(async () => {
      await globalThis.tailorDrained?.catch(() => undefined);
      // Buffered impressions (lib/runtime/analytics-record.ts), set by instrumentation.ts.
      await globalThis.tailorFlushBuffers?.().catch(() => undefined);
      process.exit(0);
    });
  });
}
