// RSA keys from our own generator are valid keys of exactly the size asked
// for, distinct each time, and the kit runs from its source text alone (the
// key pool's child process runs it that way).
import * as crypto from "node:crypto";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { generateRsaKey, rsaKit } from "../../src/funcs/crypto-rsa.js";

function parts(key: crypto.KeyObject) {
  const jwk = key.export({ format: "jwk" });
  const big = (s?: string) => BigInt(`0x${Buffer.from(s!, "base64url").toString("hex")}`);
  return { n: big(jwk.n), e: big(jwk.e), d: big(jwk.d), p: big(jwk.p), q: big(jwk.q) };
}

describe("RSA key generation", () => {
  it.each([2048, 4096])("makes a valid %i-bit key", (bits) => {
    const key = generateRsaKey(bits);
    expect(key.asymmetricKeyType).toBe("rsa");
    expect(key.asymmetricKeyDetails?.modulusLength).toBe(bits);
    const { n, e, d, p, q } = parts(key);
    expect(e).toBe(65537n);
    expect(p * q).toBe(n);
    expect(n.toString(2).length).toBe(bits);
    expect(crypto.checkPrimeSync(p, { checks: 32 })).toBe(true);
    expect(crypto.checkPrimeSync(q, { checks: 32 })).toBe(true);
    // e·d ≡ 1 (mod p-1) and (mod q-1): decryption inverts encryption.
    expect((e * d) % (p - 1n)).toBe(1n);
    expect((e * d) % (q - 1n)).toBe(1n);
    const msg = Buffer.from("chartroom");
    const sig = crypto.sign("sha256", msg, key);
    expect(crypto.verify("sha256", msg, crypto.createPublicKey(key), sig)).toBe(true);
  }, 60_000);

  it("never repeats a prime", () => {
    const seen = new Set<bigint>();
    for (let i = 0; i < 8; i++) {
      const { p, q } = parts(generateRsaKey(2048));
      expect(p).not.toBe(q);
      expect(seen.has(p) || seen.has(q)).toBe(false);
      seen.add(p).add(q);
    }
  }, 60_000);

  it("falls back to OpenSSL for sizes it does not split evenly", () => {
    expect(generateRsaKey(1032).asymmetricKeyDetails?.modulusLength).toBe(1032);
  });

  it("runs from its source text with only the crypto module", () => {
    const kit = runInNewContext(`(${rsaKit.toString()})(crypto)`, { crypto, Buffer }) as ReturnType<typeof rsaKit>;
    expect(kit.generate(2048).asymmetricKeyDetails?.modulusLength).toBe(2048);
  }, 60_000);
});
