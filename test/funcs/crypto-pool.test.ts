// Primes found ahead in a child process are distinct primes of the size asked
// for, and make valid keys; the pool only runs for charts that make RSA keys.
import { checkPrimeSync } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { keySizesFor, startKeyPool, stopKeyPool, takePooledPrime } from "../../src/funcs/crypto-pool.js";
import { generateRsaKey } from "../../src/funcs/crypto-rsa.js";
import { waitFor } from "../helpers/ui.js";

afterEach(() => stopKeyPool());

describe("RSA key pool", () => {
  it("sizes the pool from what the templates call", () => {
    expect(keySizesFor(["{{ .Values.x }}"])).toEqual([]);
    expect(keySizesFor(['{{ $ca := genCA "ca" 365 }}'])).toEqual([2048]);
    expect(keySizesFor(['{{ genPrivateKey "rsa" }}'])).toEqual([4096]);
    expect(keySizesFor(['{{ genPrivateKey "ecdsa" }}'])).toEqual([]);
    expect(keySizesFor(['{{ genCAWithKey "ca" 365 .Values.key }}'])).toEqual([]);
    expect(keySizesFor(["{{ genSelfSignedCert \"a\" nil nil 1 }}", '{{ genPrivateKey "rsa" }}'])).toEqual([2048, 4096]);
  });

  it("hands out distinct primes of the size asked for, keys take them, and nothing once stopped", async () => {
    expect(takePooledPrime(1024)).toBeUndefined();
    startKeyPool([2048]);
    const a = await waitFor(() => takePooledPrime(1024) ?? false, { timeout: 20_000, interval: 20 });
    const b = await waitFor(() => takePooledPrime(1024) ?? false, { timeout: 20_000, interval: 20 });
    for (const p of [a, b]) {
      expect(p.toString(2).length).toBe(1024);
      expect(checkPrimeSync(p, { checks: 32 })).toBe(true);
    }
    expect(a).not.toBe(b);
    expect(takePooledPrime(2048)).toBeUndefined();
    const taken: bigint[] = [];
    const key = generateRsaKey(2048, (bits) => {
      const p = [a, b][taken.length];
      if (bits === 1024 && p !== undefined) taken.push(p);
      return p;
    });
    const jwk = key.export({ format: "jwk" });
    const factors = [jwk.p, jwk.q].map((x) => BigInt(`0x${Buffer.from(x!, "base64url").toString("hex")}`)).sort();
    expect(factors).toEqual([a, b].sort());
    stopKeyPool();
    expect(takePooledPrime(1024)).toBeUndefined();
  }, 60_000);
});
