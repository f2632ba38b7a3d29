// Private keys as Sprig writes and reads them: RSA as PKCS#1, EC as SEC 1,
// Ed25519 as PKCS#8, DSA in Go's own {version,P,Q,G,Y,X} sequence.
import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from "node:crypto";
import { takePooledPrime } from "./crypto-pool.js";
import { generateRsaKey } from "./crypto-rsa.js";
import { bigintFromBytes, children, DerError, integer, oid, pem, pemDecode, readDer, seq, octets } from "./crypto-der.js";

export class KeyError extends Error {
  override name = "KeyError";
}

/** A private key plus what Go knows about its type. */
export interface PrivKey {
  kind: "rsa" | "ecdsa" | "ed25519" | "dsa";
  key: KeyObject;
}

export function generateKey(kind: PrivKey["kind"], rsaBits = 2048): PrivKey {
  switch (kind) {
    case "rsa":
      return { kind, key: generateRsaKey(rsaBits, takePooledPrime) };
    case "ecdsa":
      return { kind, key: generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey };
    case "ed25519":
      return { kind, key: generateKeyPairSync("ed25519").privateKey };
    case "dsa":
      return { kind, key: generateKeyPairSync("dsa", { modulusLength: 2048, divisorLength: 256 }).privateKey };
  }
}

function modPow(b: bigint, e: bigint, m: bigint): bigint {
  let r = 1n;
  b %= m;
  for (; e > 0n; e >>= 1n) {
    if (e & 1n) r = (r * b) % m;
    b = (b * b) % m;
  }
  return r;
}

const DSA_OID = "1.2.840.10040.4.1";

/** Go's DSAKeyFormat from a PKCS#8 DSA key. */
function dsaGoFormat(key: KeyObject): Buffer {
  const info = children(readDer(key.export({ format: "der", type: "pkcs8" })));
  const params = children(children(info[1]!)[1]!).map((d) => bigintFromBytes(d.body));
  const [p, q, g] = params as [bigint, bigint, bigint];
  const x = bigintFromBytes(readDer(info[2]!.body).body);
  return seq(integer(0n), integer(p), integer(q), integer(g), integer(modPow(g, x, p)), integer(x));
}

/** pemBlockForKey + pem.EncodeToMemory. */
export function keyToPem(k: PrivKey): string {
  switch (k.kind) {
    case "rsa":
      return pem("RSA PRIVATE KEY", k.key.export({ format: "der", type: "pkcs1" }));
    case "ecdsa":
      return pem("EC PRIVATE KEY", k.key.export({ format: "der", type: "sec1" }));
    case "dsa":
      return pem("DSA PRIVATE KEY", dsaGoFormat(k.key));
    case "ed25519":
      return pem("PRIVATE KEY", k.key.export({ format: "der", type: "pkcs8" }));
  }
}

function kindOf(key: KeyObject): PrivKey["kind"] {
  const t = key.asymmetricKeyType;
  if (t === "rsa" || t === "ed25519" || t === "dsa") return t;
  if (t === "ec") return "ecdsa";
  throw new KeyError(`x509: PKCS#8 wrapping contained private key with unknown algorithm: ${t}`);
}

/** Sprig's parsePrivateKeyPEM, with its error wording. */
export function parsePrivateKeyPem(text: string): PrivKey {
  const block = pemDecode(text);
  if (!block) throw new KeyError("no PEM data in input");
  const load = (format: "pkcs1" | "sec1" | "pkcs8", what: string) => {
    try {
      return createPrivateKey({ key: block.der, format: "der", type: format });
    } catch {
      throw new KeyError(`${what}: asn1: structure error: tags don't match`);
    }
  };
  if (block.type === "PRIVATE KEY") {
    const key = load("pkcs8", "decoding PEM as PKCS#8");
    return { kind: kindOf(key), key };
  }
  if (!block.type.endsWith(" PRIVATE KEY")) throw new KeyError(`no private key data in PEM block of type ${block.type}`);
  switch (block.type.slice(0, -12)) {
    case "RSA":
      return { kind: "rsa", key: load("pkcs1", "parsing RSA private key from PEM") };
    case "EC":
      return { kind: "ecdsa", key: load("sec1", "parsing EC private key from PEM") };
    case "DSA": {
      try {
        const [, p, q, g, , x] = children(readDer(block.der)).map((d) => integer(bigintFromBytes(d.body)));
        const pkcs8 = seq(integer(0n), seq(oid(DSA_OID), seq(p!, q!, g!)), octets(x!));
        return { kind: "dsa", key: createPrivateKey({ key: pkcs8, format: "der", type: "pkcs8" }) };
      } catch (err) {
        if (err instanceof DerError || err instanceof TypeError || (err as Error).message) {
          throw new KeyError(`parsing DSA private key from PEM: ${(err as Error).message}`);
        }
        throw err;
      }
    }
    default:
      throw new KeyError(`invalid private key type ${block.type}`);
  }
}

/** SubjectPublicKeyInfo DER of a private key's public half. */
export function publicKeyInfo(k: PrivKey): Buffer {
  return createPublicKey(k.key).export({ format: "der", type: "spki" });
}
