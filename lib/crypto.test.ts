import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decryptSecret, DecryptionError, encryptSecret } from "./crypto";

const key = randomBytes(32);
const token = "dG9rOjEyMzQ1Njc4OTA6c2VjcmV0LXZhbHVlLWZvci10ZXN0cw==";

describe("crypto", () => {
  it("round-trips with a v1 prefix and never contains the plaintext", () => {
    const ciphertext = encryptSecret(token, "ws_1", key);
    expect(ciphertext.startsWith("v1:")).toBe(true);
    expect(ciphertext).not.toContain(token);
    expect(decryptSecret(ciphertext, "ws_1", key)).toBe(token);
  });

  it("uses a fresh IV each time", () => {
    expect(encryptSecret(token, "ws_1", key)).not.toBe(encryptSecret(token, "ws_1", key));
  });

  it("refuses another workspace's ciphertext, a wrong key and tampered data", () => {
    const ciphertext = encryptSecret(token, "ws_1", key);
    expect(() => decryptSecret(ciphertext, "ws_2", key)).toThrow(DecryptionError);
    expect(() => decryptSecret(ciphertext, "ws_1", randomBytes(32))).toThrow(DecryptionError);
    const raw = Buffer.from(ciphertext.slice(3), "base64");
    raw[raw.length - 1]! ^= 1;
    expect(() => decryptSecret(`v1:${raw.toString("base64")}`, "ws_1", key)).toThrow(DecryptionError);
    expect(() => decryptSecret("v2:abc", "ws_1", key)).toThrow(DecryptionError);
  });

  it("keeps the plaintext out of error messages", () => {
    try {
      decryptSecret(encryptSecret(token, "ws_1", key), "ws_2", key);
    } catch (error) {
      expect(String(error)).not.toContain(token);
      expect((error as Error).stack ?? "").not.toContain(token);
    }
  });
});
