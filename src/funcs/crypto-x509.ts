// x509.CreateCertificate for the templates Sprig builds: v3 certificates with
// key usage, server+client auth, basic constraints, a SHA-1 subject key id on
// CAs (Go 1.23), the issuer's key id, and DNS/IP subject alternative names.
import { createHash, randomBytes, sign } from "node:crypto";
import { isIPv4, isIPv6 } from "node:net";
import {
  bitString, bool, children, directoryString, explicit, integer, nullValue, octets, oid, oidText,
  pemDecode, readDer, seq, set, time, tlv, type Der,
} from "./crypto-der.js";
import { type PrivKey, publicKeyInfo } from "./crypto-keys.js";

export class CertError extends Error {
  override name = "CertError";
}

export interface CertTemplate {
  cn: string;
  ips: Buffer[];
  dnsNames: string[];
  notBefore: Date;
  notAfter: Date;
  isCA: boolean;
}

/** What a signed certificate needs from its issuer. */
export interface Issuer {
  subject: Buffer;
  subjectKeyId?: Buffer;
  spki?: Buffer;
}

const KU_DIGITAL_SIGNATURE = 1;
const KU_KEY_ENCIPHERMENT = 4;
const KU_CERT_SIGN = 32;

/** net.ParseIP, returning To4() when the address is IPv4 or IPv4-mapped. */
export function parseIP(s: string): Buffer | undefined {
  if (isIPv4(s)) {
    const parts = s.split(".");
    if (parts.some((p) => p.length > 1 && p[0] === "0")) return undefined;
    return Buffer.from(parts.map(Number));
  }
  if (!isIPv6(s) || s.includes("%")) return undefined;
  let tail: number[] = [];
  let text = s;
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(s);
  if (v4) {
    tail = v4[1]!.split(".").map(Number);
    text = s.slice(0, -v4[1]!.length) + "0:0";
  }
  const [head, rest] = text.split("::") as [string, string | undefined];
  const groups = (x: string | undefined) => (x ? x.split(":").filter((g) => g !== "") : []);
  const h = groups(head);
  const r = groups(rest);
  const fill = rest === undefined ? [] : new Array<string>(8 - h.length - r.length).fill("0");
  const all = [...h, ...fill, ...r];
  const bytes = Buffer.alloc(16);
  all.forEach((g, i) => {
    bytes.writeUInt16BE(Number.parseInt(g, 16), i * 2);
  });
  if (tail.length) Buffer.from(tail).copy(bytes, 12);
  const mapped = bytes.subarray(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff;
  return mapped ? Buffer.from(bytes.subarray(12)) : bytes;
}

function name(cn: string): Buffer {
  if (cn === "") return seq();
  return seq(set(seq(oid("2.5.4.3"), directoryString(cn))));
}

function keyUsageBits(ku: number): Buffer {
  const reverse = (b: number) => {
    let r = 0;
    for (let i = 0; i < 8; i++) if (b & (1 << i)) r |= 1 << (7 - i);
    return r;
  };
  const a = [reverse(ku & 0xff), reverse((ku >> 8) & 0xff)];
  const bytes = a[1] ? a : [a[0]!];
  const last = bytes[bytes.length - 1]!;
  let unused = 0;
  while (unused < 8 && !(last & (1 << unused))) unused++;
  return tlv(0x03, [unused === 8 ? 0 : unused, ...bytes]);
}

function extension(id: string, critical: boolean, value: Buffer): Buffer {
  return critical ? seq(oid(id), bool(true), octets(value)) : seq(oid(id), octets(value));
}

function signatureAlgorithm(k: PrivKey): { alg: Buffer; hash: string | null } {
  switch (k.kind) {
    case "rsa":
      return { alg: seq(oid("1.2.840.113549.1.1.11"), nullValue()), hash: "sha256" };
    case "ed25519":
      return { alg: seq(oid("1.3.101.112")), hash: null };
    case "ecdsa": {
      const curve = k.key.asymmetricKeyDetails?.namedCurve;
      if (curve === "secp384r1") return { alg: seq(oid("1.2.840.10045.4.3.3")), hash: "sha384" };
      if (curve === "secp521r1") return { alg: seq(oid("1.2.840.10045.4.3.4")), hash: "sha512" };
      return { alg: seq(oid("1.2.840.10045.4.3.2")), hash: "sha256" };
    }
    case "dsa":
      throw new CertError("x509: certificate private key does not implement crypto.Signer");
  }
}

/** The subjectPublicKey BIT STRING's contents, which Go hashes for key ids. */
function publicKeyBits(spki: Buffer): Buffer {
  return children(readDer(spki))[1]!.body.subarray(1);
}

/** x509.CreateCertificate: DER of a certificate for `subjectKey`, signed by `signer`. */
export function createCertificate(t: CertTemplate, subjectKey: PrivKey, issuer: Issuer | "self", signer: PrivKey): Buffer {
  const { alg, hash } = signatureAlgorithm(signer);
  if (subjectKey.kind === "dsa") throw new CertError("x509: unsupported public key type: *dsa.PublicKey");
  const spki = publicKeyInfo(subjectKey);
  if (issuer !== "self" && issuer.spki && !publicKeyInfo(signer).equals(issuer.spki)) {
    throw new CertError("x509: provided PrivateKey doesn't match parent's PublicKey");
  }
  const subject = name(t.cn);
  const skid = t.isCA ? createHash("sha1").update(publicKeyBits(spki)).digest() : undefined;
  const issuerName = issuer === "self" ? subject : issuer.subject;
  const parentSkid = issuer === "self" ? skid : issuer.subjectKeyId;
  const akid = !issuerName.equals(subject) && parentSkid ? parentSkid : undefined;

  const exts: Buffer[] = [];
  const ku = KU_KEY_ENCIPHERMENT | KU_DIGITAL_SIGNATURE | (t.isCA ? KU_CERT_SIGN : 0);
  exts.push(extension("2.5.29.15", true, keyUsageBits(ku)));
  exts.push(extension("2.5.29.37", false, seq(oid("1.3.6.1.5.5.7.3.1"), oid("1.3.6.1.5.5.7.3.2"))));
  exts.push(extension("2.5.29.19", true, t.isCA ? seq(bool(true)) : seq()));
  if (skid) exts.push(extension("2.5.29.14", false, octets(skid)));
  if (akid) exts.push(extension("2.5.29.35", false, seq(tlv(0x80, akid))));
  if (t.dnsNames.length > 0 || t.ips.length > 0) {
    for (const dns of t.dnsNames) {
      if (!/^[\x00-\x7f]*$/.test(dns)) throw new CertError(`x509: "${dns}" cannot be encoded as an IA5String`);
    }
    const names = [...t.dnsNames.map((d) => tlv(0x82, Buffer.from(d, "ascii"))), ...t.ips.map((ip) => tlv(0x87, ip))];
    exts.push(extension("2.5.29.17", t.cn === "", seq(...names)));
  }

  // rand.Int(rand.Reader, 2^128): a uniformly random serial below 2^128.
  const serial = BigInt(`0x${randomBytes(16).toString("hex")}`);
  const tbs = seq(
    explicit(0, integer(2n)),
    integer(serial),
    alg,
    issuerName,
    seq(time(t.notBefore), time(t.notAfter)),
    subject,
    spki,
    explicit(3, seq(...exts)),
  );
  const signature = sign(hash, tbs, signer.key);
  return seq(tbs, alg, bitString(signature));
}

/** The parts of a PEM certificate a signed certificate needs (x509.ParseCertificate, briefly). */
export function parseIssuer(certPem: string): Issuer {
  const block = pemDecode(certPem);
  if (!block) throw new CertError("unable to decode certificate");
  try {
    const tbs = children(children(readDer(block.der))[0]!);
    const fields = tbs[0]!.tag === 0xa0 ? tbs.slice(1) : tbs;
    const subject = fields[4]!.raw;
    const spki = fields[5]!.raw;
    let subjectKeyId: Buffer | undefined;
    const extWrap = fields.find((f: Der) => f.tag === 0xa3);
    if (extWrap) {
      for (const ext of children(children(extWrap)[0]!)) {
        const parts = children(ext);
        if (oidText(parts[0]!) === "2.5.29.14") subjectKeyId = readDer(parts[parts.length - 1]!.body).body;
      }
    }
    return { subject: Buffer.from(subject), spki: Buffer.from(spki), subjectKeyId };
  } catch {
    throw new CertError("error parsing certificate: decodedSignerCert.Bytes: x509: malformed certificate");
  }
}
