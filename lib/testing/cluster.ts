import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";

// Real processes for multi-node tests and `npm run bench:cluster`: app nodes (server.mjs, as
// `npm start` runs the built app) and a private redis-server that a test may stop and start again.

const serverEntry = path.join(process.cwd(), "server.mjs");
/** The harness stands in for the load balancer on loopback: it sets X-Forwarded-For per visitor. */
export const BEHIND_LOOPBACK_PROXY = { TAILOR_TRUSTED_PROXIES: "127.0.0.1" };

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what} did not come up within ${timeoutMs} ms`);
}

export type AppNode = { port: number; base: string; process: ChildProcess; output: () => string; stop: () => Promise<void> };

/** One app node on 127.0.0.1:`port`, behind a loopback "load balancer", with `env` on top of this process's environment. */
export async function startAppNode(port: number, env: Record<string, string>): Promise<AppNode> {
  const child = spawn(process.execPath, [serverEntry, "-p", String(port), "-H", "127.0.0.1"], {
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", ...BEHIND_LOOPBACK_PROXY, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const base = `http://127.0.0.1:${port}`;
  await waitFor(async () => (await fetch(`${base}/api/health`)).ok, 60_000, `app node on ${port}`);
  return {
    port,
    base,
    process: child,
    output: () => log,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
        setTimeout(() => child.kill("SIGKILL"), 5_000).unref();
      }),
  };
}

export type RedisServer = { port: number; url: string; start: () => Promise<void>; stop: () => Promise<void> };

/** A private, in-memory redis-server (`redis-server` must be installed: `apt-get install -y redis-server`). */
export async function privateRedis(port: number): Promise<RedisServer> {
  let child: ChildProcess | null = null;
  const ping = async () => {
    const { Redis } = await import("ioredis");
    const r = new Redis({ port, host: "127.0.0.1", lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    r.on("error", () => undefined);
    try {
      await r.connect();
      return (await r.ping()) === "PONG";
    } finally {
      r.disconnect();
    }
  };
  const server: RedisServer = {
    port,
    url: `redis://127.0.0.1:${port}/0`,
    start: async () => {
      child = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" });
      child.once("error", () => undefined);
      await waitFor(ping, 10_000, `redis-server on ${port}`);
    },
    stop: () =>
      new Promise<void>((resolve) => {
        const c = child;
        child = null;
        if (!c || c.exitCode !== null) return resolve();
        c.once("exit", () => resolve());
        c.kill("SIGKILL");
      }),
  };
  await server.start();
  return server;
}
