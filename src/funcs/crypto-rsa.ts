// RSA key generation for genCA, genSelfSignedCert, genSignedCert and
// genPrivateKey "rsa". OpenSSL 3's own RSA key generation confirms each prime
// with 64 Miller-Rabin rounds, which is most of its time. Go's crypto/rsa
// since Go 1.24 (helm 4 is built with it; helm 3.17 with Go 1.23 ran 20
// rounds and a Lucas test) uses the rounds of FIPS 186-5 Table B.1 for random
// candidates: 5 for a 1024-bit prime, 4 for 2048 bits. Here: random odd candidates with the
// top two bits set (so p·q has exactly the bits asked for), searched upward
// from a random start through a sieve of the odd primes below 2^16, then
// OpenSSL's primality test with Go's round counts. The key is e = 65537 and
// d = e⁻¹ mod λ(n), as FIPS 186-5 A.1.1 asks.
//
// rsaKit is self-contained (it uses only its argument and JavaScript's
// globals) so the key pool's child process runs the same code from its
// source text.
import * as nodeCrypto from "node:crypto";

export interface RsaKit {
  /** A new RSA private key of `bits` bits; its primes come from `pooled` when it has one. */
  generate(bits: number, pooled?: (bits: number) => bigint | undefined): nodeCrypto.KeyObject;
  /** A random prime of `bits` bits with its top two bits set. */
  prime(bits: number): bigint;
}

export function rsaKit(crypto: typeof nodeCrypto): RsaKit {
  const WINDOW = 2048;
  const E = 65537n;
  const small: number[] = [];
  {
    const limit = 1 << 16;
    const composite = new Uint8Array(limit);
    for (let i = 3; i < limit; i += 2) {
      if (composite[i]) continue;
      small.push(i);
      for (let j = i * i; j < limit; j += 2 * i) composite[j] = 1;
    }
  }

  // Go's millerRabinIterations for random candidates of this many bits.
  const rounds = (bits: number) => (bits >= 3747 ? 3 : bits >= 1345 ? 4 : bits >= 476 ? 5 : bits >= 400 ? 6 : bits >= 347 ? 7 : bits >= 308 ? 8 : 9);

  function prime(bits: number): bigint {
    const bytes = bits / 8;
    const checks = rounds(bits);
    for (;;) {
      const start = crypto.randomBytes(bytes);
      start[0]! |= 0xc0;
      start[bytes - 1]! |= 1;
      const limbs: number[] = [];
      for (let i = 0; i < bytes; i += 4) limbs.push(start.readUInt32BE(i));
      // out[k] marks start + 2k as having a small factor.
      const out = new Uint8Array(WINDOW);
      for (const p of small) {
        let r = 0;
        for (const l of limbs) r = (r * 4294967296 + l) % p;
        // start + 2k ≡ 0 (mod p)  ⇔  k ≡ -r·2⁻¹ (mod p)
        let k = r === 0 ? 0 : (p - r) % 2 === 0 ? (p - r) / 2 : (2 * p - r) / 2;
        for (; k < WINDOW; k += p) out[k] = 1;
      }
      const base = BigInt(`0x${start.toString("hex")}`);
      for (let k = 0; k < WINDOW; k++) {
        if (out[k]) continue;
        const c = base + BigInt(2 * k);
        if (c >> BigInt(bits) !== 0n) break;
        // gcd(e, c - 1) must be 1, and e is prime.
        if (c % E === 1n) continue;
        if (crypto.checkPrimeSync(c, { checks })) return c;
      }
    }
  }

  function inverse(a: bigint, m: bigint): bigint {
    let [r0, r1] = [a % m, m];
    let [s0, s1] = [1n, 0n];
    while (r1 !== 0n) {
      const q = r0 / r1;
      [r0, r1] = [r1, r0 - q * r1];
      [s0, s1] = [s1, s0 - q * s1];
    }
    if (r0 !== 1n) throw new Error("no inverse");
    return ((s0 % m) + m) % m;
  }

  function gcd(a: bigint, b: bigint): bigint {
    while (b !== 0n) [a, b] = [b, a % b];
    return a;
  }

  function b64url(n: bigint): string {
    let hex = n.toString(16);
    if (hex.length % 2) hex = `0${hex}`;
    return Buffer.from(hex, "hex").toString("base64url");
  }

  return {
    prime,
    generate(bits: number, pooled?: (bits: number) => bigint | undefined): nodeCrypto.KeyObject {
      if (bits < 1024 || bits % 16 !== 0) return crypto.generateKeyPairSync("rsa", { modulusLength: bits }).privateKey;
      const half = bits / 2;
      const next = () => pooled?.(half) ?? prime(half);
      for (;;) {
        let p = next();
        let q = next();
        if (p === q) continue;
        // FIPS 186-5 A.1.3: |p - q| > 2^(nlen/2 - 100).
        const diff = p > q ? p - q : q - p;
        if (diff >> BigInt(half - 100) === 0n) continue;
        if (p < q) [p, q] = [q, p];
        const lambda = ((p - 1n) * (q - 1n)) / gcd(p - 1n, q - 1n);
        const d = inverse(E, lambda);
        if (d >> BigInt(half) === 0n) continue;
        const jwk = {
          kty: "RSA",
          n: b64url(p * q),
          e: b64url(E),
          d: b64url(d),
          p: b64url(p),
          q: b64url(q),
          dp: b64url(d % (p - 1n)),
          dq: b64url(d % (q - 1n)),
          qi: b64url(inverse(q, p)),
        };
        return crypto.createPrivateKey({ key: jwk, format: "jwk" });
      }
    },
  };
}

let kit: RsaKit | undefined;

/** A new RSA private key of `bits` bits, with primes from `pooled` when it has them. */
export function generateRsaKey(bits: number, pooled?: (bits: number) => bigint | undefined): nodeCrypto.KeyObject {
  kit ??= rsaKit(nodeCrypto);
  return kit.generate(bits, pooled);
}
