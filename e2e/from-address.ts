import { request as httpRequest, type IncomingHttpHeaders } from "node:http";

// With no trusted proxy (as in e2e) the app believes only the socket's peer address, so tests that
// need two "clients" send from two loopback source addresses (127.0.0.x all reach 127.0.0.1).

export type Reply = { status: number; headers: IncomingHttpHeaders; body: string };

export function requestFrom(
  baseURL: string,
  opts: { localAddress: string; method?: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<Reply> {
  const url = new URL(opts.path, baseURL);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        method: opts.method ?? "GET",
        localAddress: opts.localAddress,
        agent: false,
        headers: { ...(opts.body !== undefined ? { "Content-Length": String(Buffer.byteLength(opts.body)) } : {}), ...opts.headers },
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (text += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
      },
    );
    req.on("error", reject);
    req.end(opts.body);
  });
}

/** A JSON POST from `localAddress`, with the page's own origin (as the snippet on /demo-site would send). */
export function postJsonFrom(baseURL: string, path: string, body: unknown, opts: { localAddress: string; headers?: Record<string, string> }): Promise<Reply> {
  return requestFrom(baseURL, {
    method: "POST",
    path,
    localAddress: opts.localAddress,
    headers: { "Content-Type": "application/json", Origin: new URL(baseURL).origin, ...opts.headers },
    body: JSON.stringify(body),
  });
}
