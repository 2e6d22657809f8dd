import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { getRequestListener } from "@hono/node-server";
import { PEER_HEADER } from "@/lib/client-ip";
import { ensurePeerStamp } from "@/lib/env";
import { createRuntimeApp } from "./app";

/**
 * Overwrites x-tailor-peer in both views of the request's headers: hono's adapter reads
 * `req.headers` for single lookups but rebuilds Headers from `req.rawHeaders` in other cases, so a
 * client-sent x-tailor-peer must not survive in either.
 */
export function stampPeer(req: IncomingMessage, value: string): void {
  const sent = PEER_HEADER in req.headers;
  req.headers[PEER_HEADER] = value;
  const raw = req.rawHeaders;
  if (!sent) {
    // The usual case (the client sent none): append in place, no copy of the headers.
    raw.push(PEER_HEADER, value);
    return;
  }
  const kept: string[] = [];
  for (let i = 0; i < raw.length; i += 2) if (raw[i]!.toLowerCase() !== PEER_HEADER) kept.push(raw[i]!, raw[i + 1]!);
  kept.push(PEER_HEADER, value);
  req.rawHeaders = kept;
}

export type RuntimeServer = { server: Server; url: string; close: () => Promise<void> };

/**
 * Starts the runtime server's HTTP listener. Like server.mjs, it writes the socket's peer address
 * into x-tailor-peer with this process's stamp, always overwriting what the client sent, so
 * lib/client-ip.ts (and the rate limits keyed on it) work the same here as behind Next.
 */
export async function startRuntimeServer({ port, host }: { port: number; host: string }): Promise<RuntimeServer> {
  const stamp = ensurePeerStamp();
  const listener = getRequestListener(createRuntimeApp().fetch, { hostname: host });
  const server = createServer((req, res) => {
    stampPeer(req, `${stamp} ${req.socket.remoteAddress ?? ""}`);
    void listener(req, res);
  });
  // Keep-alive longer than common load balancers' idle timeout (60 s), so they never reuse a closed socket.
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === "IPv6" ? `[${address.address}]` : address.address;
  return {
    server,
    url: `http://${shownHost}:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeIdleConnections();
        server.close(() => resolve());
      }),
  };
}
