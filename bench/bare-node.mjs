// `npm run bench`'s baseline: the machine's limit for a JSON answer over HTTP, a bare node:http
// handler with no framework and no I/O. Usage: node bench/bare-node.mjs PORT
import { createServer } from "node:http";

const port = Number(process.argv[2] ?? 3906);
createServer((req, res) => {
  const body = JSON.stringify({ ok: true, status: "ok" });
  res.writeHead(200, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(body), "Cache-Control": "no-store" });
  res.end(body);
}).listen(port, "127.0.0.1");
process.on("SIGTERM", () => process.exit(0));
