// Sprig's encoding, hashing and randomness functions: b64/b32, sha*/adler32,
// rand*, uuidv4, derivePassword (the Master Password algorithm) and AES.
import { goStringBytes, goStringFromBytes } from "../template/gostring.js";
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, randomInt, randomUUID, scryptSync } from "node:crypto";
import { type FuncDef, FuncError, type FuncMap, GoInt } from "../template/value.js";
import { base32Decode, base32Encode, base64Decode, base64Encode, CorruptInputError } from "./encoding-base.js";
import { intArg } from "./types-go.js";

const S = "string";
const I = "int";
const def = (params: string[], fn: FuncDef["fn"]): FuncDef => ({ params, fn });

// A Go string's bytes (raw bytes from binary files included).
const utf8 = goStringBytes;
// Decoded bytes become a Go string: raw bytes survive (see template/gostring.ts).
const text = (b: Uint8Array) => goStringFromBytes(b);
const hash = (alg: string) => (s: string) => createHash(alg).update(utf8(s)).digest("hex");

function adler32(s: string): string {
  let a = 1;
  let b = 0;
  for (const byte of utf8(s)) {
    a = (a + byte) % 65521;
    b = (b + a) % 65521;
  }
  return String(((b << 16) | a) >>> 0);
}

/** Sprig returns the decoder's error text instead of failing. */
function decodeOrMessage(decode: (s: string) => Uint8Array, s: string): string {
  try {
    return text(decode(s));
  } catch (err) {
    if (err instanceof CorruptInputError) return err.message;
    throw err;
  }
}

const ALPHA = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const DIGITS = "0123456789";
const ASCII = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join("");

function randomFrom(chars: string) {
  return (count: GoInt) => {
    const n = intArg(count);
    // goutils reports an error for a negative count; Sprig ignores it and prints "".
    if (n <= 0) return "";
    let out = "";
    for (let i = 0; i < n; i++) out += chars[randomInt(chars.length)];
    return out;
  };
}

const MP_SEED = "com.lyndir.masterpassword";
const MP_TEMPLATES: Record<string, string[]> = {
  maximum: ["anoxxxxxxxxxxxxxxxxx", "axxxxxxxxxxxxxxxxxno"],
  long: [
    "CvcvnoCvcvCvcv", "CvcvCvcvnoCvcv", "CvcvCvcvCvcvno", "CvccnoCvcvCvcv", "CvccCvcvnoCvcv", "CvccCvcvCvcvno",
    "CvcvnoCvccCvcv", "CvcvCvccnoCvcv", "CvcvCvccCvcvno", "CvcvnoCvcvCvcc", "CvcvCvcvnoCvcc", "CvcvCvcvCvccno",
    "CvccnoCvccCvcv", "CvccCvccnoCvcv", "CvccCvccCvcvno", "CvcvnoCvccCvcc", "CvcvCvccnoCvcc", "CvcvCvccCvccno",
    "CvccnoCvcvCvcc", "CvccCvcvnoCvcc", "CvccCvcvCvccno",
  ],
  medium: ["CvcnoCvc", "CvcCvcno"],
  short: ["Cvcn"],
  basic: ["aaanaaan", "aannaaan", "aaannaaa"],
  pin: ["nnnn"],
};
const MP_CHARS: Record<string, string> = {
  V: "AEIOU",
  C: "BCDFGHJKLMNPQRSTVWXYZ",
  v: "aeiou",
  c: "bcdfghjklmnpqrstvwxyz",
  A: "AEIOUBCDFGHJKLMNPQRSTVWXYZ",
  a: "AEIOUaeiouBCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz",
  n: "0123456789",
  o: "@&%?,=[]_:-+*$#!'^~;()/.",
  x: "AEIOUaeiouBCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz0123456789!@#$%^&*()",
};

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n >>> 0);
  return b;
}

function derivePassword(counter: GoInt, kind: string, password: string, user: string, site: string): string {
  const templates = MP_TEMPLATES[kind];
  if (!templates) return `cannot find password template ${kind}`;
  const userBytes = utf8(user);
  const siteBytes = utf8(site);
  const salt = Buffer.concat([utf8(MP_SEED), u32(userBytes.length), userBytes]);
  const key = scryptSync(utf8(password), salt, 64, { N: 32768, r: 8, p: 2, maxmem: 64 * 1024 * 1024 });
  const msg = Buffer.concat([utf8(MP_SEED), u32(siteBytes.length), siteBytes, u32(Number(counter.v))]);
  const seed = createHmac("sha256", key).update(msg).digest();
  const tpl = templates[seed[0]! % templates.length]!;
  let out = "";
  for (let i = 0; i < tpl.length; i++) {
    const chars = MP_CHARS[tpl[i]!]!;
    out += chars[seed[i + 1]! % chars.length];
  }
  return out;
}

/** The password zero-padded (or cut) to an AES-256 key, as Sprig copies it. */
function aesKey(password: string): Buffer {
  const key = Buffer.alloc(32);
  utf8(password).copy(key, 0, 0, 32);
  return key;
}

function encryptAES(password: string, plaintext: string): string {
  if (plaintext === "") return "";
  const iv = randomBytes(16);
  const cipher = createCipheriv("aes-256-cbc", aesKey(password), iv);
  return Buffer.concat([iv, cipher.update(utf8(plaintext)), cipher.final()]).toString("base64");
}

function decryptAES(password: string, crypt64: string): string {
  if (crypt64 === "") return "";
  let crypt: Uint8Array;
  try {
    crypt = base64Decode(crypt64);
  } catch (err) {
    if (err instanceof CorruptInputError) throw new FuncError(err.message);
    throw err;
  }
  // Go panics on these; the engine reports the recovered runtime error.
  if (crypt.length < 16) {
    // Go decodes into a buffer of DecodedLen(len(s)) bytes; the panic names that capacity.
    const capacity = Math.floor(utf8(crypt64).length / 4) * 3;
    throw new Error(`runtime error: slice bounds out of range [:16] with capacity ${capacity}`);
  }
  const body = crypt.subarray(16);
  if (body.length % 16 !== 0) throw new Error("crypto/cipher: input not full blocks");
  if (body.length === 0) throw new Error("runtime error: index out of range [-1]");
  const decipher = createDecipheriv("aes-256-cbc", aesKey(password), crypt.subarray(0, 16));
  decipher.setAutoPadding(false);
  const plain = Buffer.concat([decipher.update(body), decipher.final()]);
  const end = plain.length - plain[plain.length - 1]!;
  if (end < 0) throw new Error(`runtime error: slice bounds out of range [:${end}]`);
  return plain.subarray(0, end).toString("utf8");
}

export const encodingFuncs: FuncMap = {
  b64enc: def([S], (s: string) => base64Encode(utf8(s))),
  b64dec: def([S], (s: string) => decodeOrMessage(base64Decode, s)),
  b32enc: def([S], (s: string) => base32Encode(utf8(s))),
  b32dec: def([S], (s: string) => decodeOrMessage(base32Decode, s)),
  sha1sum: def([S], hash("sha1")),
  sha256sum: def([S], hash("sha256")),
  sha512sum: def([S], hash("sha512")),
  adler32sum: def([S], adler32),
  randAlphaNum: def([I], randomFrom(ALPHA + DIGITS)),
  randAlpha: def([I], randomFrom(ALPHA)),
  randNumeric: def([I], randomFrom(DIGITS)),
  randAscii: def([I], randomFrom(ASCII)),
  randBytes: def([I], (count: GoInt) => {
    const n = intArg(count);
    if (n < 0) throw new Error("runtime error: makeslice: len out of range");
    return randomBytes(n).toString("base64");
  }),
  randInt: def([I, I], (min: GoInt, max: GoInt) => {
    const lo = intArg(min);
    const span = intArg(max) - lo;
    if (span <= 0) throw new Error("invalid argument to Intn");
    return new GoInt(BigInt(lo + Math.floor(Math.random() * span)));
  }),
  uuidv4: def([], () => randomUUID()),
  derivePassword: def(["uint32", S, S, S, S], derivePassword),
  encryptAES: def([S, S], encryptAES),
  decryptAES: def([S, S], decryptAES),
};
