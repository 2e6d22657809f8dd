import { describe, expect, it } from "vitest";
import { clientIp, fromTrustedProxy, parseTrustedProxies, PEER_HEADER } from "./client-ip";

const STAMP = "s3cr3t";
const req = (peer: string | null, headers: Record<string, string> = {}) => {
  const all = new Headers(headers);
  if (peer !== null) all.set(PEER_HEADER, `${STAMP} ${peer}`);
  return { headers: all };
};

describe("clientIp", () => {
  it("with no trusted proxy: the peer, whatever X-Forwarded-For says", () => {
    const none = parseTrustedProxies(undefined);
    expect(clientIp(req("127.0.0.2", { "x-forwarded-for": "1.2.3.4" }), none, STAMP)).toBe("127.0.0.2");
    expect(clientIp(req("::ffff:10.0.0.9"), none, STAMP)).toBe("10.0.0.9");
    expect(fromTrustedProxy(req("127.0.0.2"), none, STAMP)).toBe(false);
  });

  it("ignores a peer header without this deployment's stamp (a client can't claim an address)", () => {
    const forged = { headers: new Headers({ [PEER_HEADER]: "guess 9.9.9.9", "x-forwarded-for": "8.8.8.8" }) };
    expect(clientIp(forged, parseTrustedProxies(undefined), STAMP)).toBeNull();
    expect(clientIp(req("9.9.9.9"), parseTrustedProxies(undefined), undefined)).toBeNull();
  });

  it("with a hop count: that many addresses from the right", () => {
    const one = parseTrustedProxies("1");
    expect(clientIp(req("10.0.0.1", { "x-forwarded-for": "6.6.6.6, 203.0.113.7" }), one, STAMP)).toBe("203.0.113.7");
    expect(clientIp(req("10.0.0.1"), one, STAMP)).toBe("10.0.0.1");
    expect(fromTrustedProxy(req("10.0.0.1"), one, STAMP)).toBe(true);
  });

  it("with CIDRs: the first address from the right that is not a trusted proxy", () => {
    const cidrs = parseTrustedProxies("10.0.0.0/8, 192.168.1.1");
    expect(clientIp(req("10.1.2.3", { "x-forwarded-for": "6.6.6.6, 203.0.113.7, 192.168.1.1" }), cidrs, STAMP)).toBe("203.0.113.7");
    // A spoofed header from an untrusted peer is ignored.
    expect(clientIp(req("198.51.100.4", { "x-forwarded-for": "1.1.1.1" }), cidrs, STAMP)).toBe("198.51.100.4");
    expect(fromTrustedProxy(req("198.51.100.4"), cidrs, STAMP)).toBe(false);
    expect(clientIp(req("10.1.2.3", { "x-forwarded-for": "not-an-ip" }), cidrs, STAMP)).toBeNull();
  });

  it("refuses a malformed setting", () => {
    expect(() => parseTrustedProxies("10.0.0.0/8, proxy.internal")).toThrow(/not an IP address/);
  });
});
