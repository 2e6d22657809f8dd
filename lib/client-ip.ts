/**
 * The client address Tailor believes, for rate limits and sign-in throttling.
 * Must never: trust X-Forwarded-For (or X-Forwarded-Host) from a hop that TAILOR_TRUSTED_PROXIES
 * does not name, or believe a peer header that server.mjs did not stamp in this deployment.
 *
 * server.mjs (what `npm start` and the demo run) writes the socket's peer address into
 * `x-tailor-peer` as "<stamp> <address>", always overwriting what the client sent; the stamp is a
 * random value it puts in TAILOR_PEER_STAMP at start. Without it (e.g. `next dev`) no peer is known.
 */
import { BlockList, isIP } from "node:net";
import { env } from "@/lib/env";

export const PEER_HEADER = "x-tailor-peer";

type HeaderSource = { headers: { get(name: string): string | null } };

export type TrustedProxies = { kind: "none" } | { kind: "hops"; hops: number } | { kind: "cidrs"; list: BlockList };

/** TAILOR_TRUSTED_PROXIES: unset or 0 = no proxy; a number = that many proxy hops; else a comma-separated CIDR/IP list. */
export function parseTrustedProxies(value: string | undefined): TrustedProxies {
  const text = value?.trim() ?? "";
  if (text === "" || text === "0") return { kind: "none" };
  if (/^\d+$/.test(text)) return { kind: "hops", hops: Math.min(Number(text), 20) };
  const list = new BlockList();
  for (const entry of text.split(",").map((s) => s.trim()).filter(Boolean)) {
    const [address, prefix] = entry.split("/") as [string, string | undefined];
    const family = isIP(address);
    if (family === 0) throw new Error(`TAILOR_TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR range.`);
    const type = family === 6 ? "ipv6" : "ipv4";
    if (prefix === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(prefix), type);
  }
  return { kind: "cidrs", list };
}

let cached: { raw: string | undefined; parsed: TrustedProxies } | undefined;
function trustedProxies(): TrustedProxies {
  const raw = env().TAILOR_TRUSTED_PROXIES;
  if (!cached || cached.raw !== raw) cached = { raw, parsed: parseTrustedProxies(raw) };
  return cached.parsed;
}

/** "::ffff:1.2.3.4" → "1.2.3.4"; anything that is not an IP → null. */
function normalize(address: string | undefined): string | null {
  const a = address?.trim().replace(/^\[|\]$/g, "") ?? "";
  const v4 = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(a)?.[1];
  const result = v4 ?? a;
  return isIP(result) ? result : null;
}

function isTrusted(address: string, proxies: TrustedProxies): boolean {
  if (proxies.kind !== "cidrs") return false;
  return proxies.list.check(address, isIP(address) === 6 ? "ipv6" : "ipv4");
}

/** The socket peer stamped by server.mjs in this deployment, or null. */
export function peerAddress(request: HeaderSource, stamp = env().TAILOR_PEER_STAMP): string | null {
  if (!stamp) return null;
  const [given, address] = (request.headers.get(PEER_HEADER) ?? "").split(" ");
  return given === stamp ? normalize(address) : null;
}

/**
 * The trusted client address, or null when unknown. With no trusted proxy it is the peer; with N
 * hops, the N-th address from the right of X-Forwarded-For + peer; with CIDRs, the first address
 * from the right that is not a trusted proxy.
 */
export function clientIp(request: HeaderSource, proxies: TrustedProxies = trustedProxies(), stamp?: string): string | null {
  const peer = peerAddress(request, stamp);
  if (!peer || proxies.kind === "none") return peer;
  const forwarded = (request.headers.get("x-forwarded-for") ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  const chain = [...forwarded, peer];
  if (proxies.kind === "hops") return normalize(chain[Math.max(0, chain.length - 1 - proxies.hops)]);
  for (let i = chain.length - 1; i >= 0; i--) {
    const address = normalize(chain[i]);
    if (!address) return null; // garbage in the chain from here on: believe nothing further left
    if (!isTrusted(address, proxies) || i === 0) return address;
  }
  return peer;
}

/** Whether forwarded headers (X-Forwarded-Host/-Proto) may be believed: the peer is a trusted proxy. */
export function fromTrustedProxy(request: HeaderSource, proxies: TrustedProxies = trustedProxies(), stamp?: string): boolean {
  const peer = peerAddress(request, stamp);
  if (!peer || proxies.kind === "none") return false;
  return proxies.kind === "hops" ? true : isTrusted(peer, proxies);
}
