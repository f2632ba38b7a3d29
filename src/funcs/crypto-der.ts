// A small ASN.1 DER writer and reader: enough for X.509 certificates, PEM
// key formats and the DSA key layout Sprig uses.

function lengthBytes(n: number): number[] {
  if (n < 0x80) return [n];
  const out: number[] = [];
  while (n > 0) {
    out.unshift(n & 0xff);
    n = Math.floor(n / 256);
  }
  return [0x80 | out.length, ...out];
}

/** A TLV with the given tag byte and contents. */
export function tlv(tag: number, body: Uint8Array | number[]): Buffer {
  const b = Buffer.from(body as Uint8Array);
  return Buffer.concat([Buffer.from([tag, ...lengthBytes(b.length)]), b]);
}

export const seq = (...items: Uint8Array[]) => tlv(0x30, Buffer.concat(items));
export const set = (...items: Uint8Array[]) => tlv(0x31, Buffer.concat(items));
export const octets = (b: Uint8Array) => tlv(0x04, b);
export const nullValue = () => Buffer.from([0x05, 0x00]);
export const bool = (v: boolean) => tlv(0x01, [v ? 0xff : 0x00]);
/** Context-specific constructed tag [n] (EXPLICIT wrapping). */
export const explicit = (n: number, body: Uint8Array) => tlv(0xa0 | n, body);

/** INTEGER from a non-negative bigint, minimally encoded. */
export function integer(v: bigint): Buffer {
  const bytes: number[] = [];
  for (let x = v; x > 0n; x >>= 8n) bytes.unshift(Number(x & 0xffn));
  if (bytes.length === 0 || bytes[0]! & 0x80) bytes.unshift(0);
  return tlv(0x02, bytes);
}

export function bigintFromBytes(b: Uint8Array): bigint {
  let v = 0n;
  for (const x of b) v = (v << 8n) | BigInt(x);
  return v;
}

export function oid(dotted: string): Buffer {
  const parts = dotted.split(".").map(Number);
  const out: number[] = [parts[0]! * 40 + parts[1]!];
  for (const p of parts.slice(2)) {
    const chunk: number[] = [p & 0x7f];
    let x = Math.floor(p / 128);
    while (x > 0) {
      chunk.unshift((x & 0x7f) | 0x80);
      x = Math.floor(x / 128);
    }
    out.push(...chunk);
  }
  return tlv(0x06, out);
}

/** BIT STRING with no unused bits. */
export const bitString = (b: Uint8Array) => tlv(0x03, Buffer.concat([Buffer.from([0]), b]));

/** Go's asn1 picks PrintableString when every character allows it, else UTF8String. */
export function directoryString(s: string): Buffer {
  const printable = /^[A-Za-z0-9 '()+,\-./:=?]*$/.test(s);
  return tlv(printable ? 0x13 : 0x0c, Buffer.from(s, "utf8"));
}

/** UTCTime before 2050, GeneralizedTime after, in seconds, as Go writes validity. */
export function time(d: Date): Buffer {
  const iso = d.toISOString(); // YYYY-MM-DDTHH:MM:SS.sssZ
  const digits = iso.slice(0, 19).replace(/[-T:]/g, "");
  const year = d.getUTCFullYear();
  if (year >= 1950 && year < 2050) return tlv(0x17, Buffer.from(`${digits.slice(2)}Z`));
  return tlv(0x18, Buffer.from(`${digits}Z`));
}

export interface Der {
  tag: number;
  /** Contents only. */
  body: Buffer;
  /** The whole TLV. */
  raw: Buffer;
}

export class DerError extends Error {
  override name = "DerError";
}

/** Reads one TLV at offset; throws DerError on truncation. */
export function readDer(buf: Buffer, offset = 0): Der {
  if (offset + 2 > buf.length) throw new DerError("asn1: syntax error: data truncated");
  const tag = buf[offset]!;
  let len = buf[offset + 1]!;
  let head = 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0 || n > 4) throw new DerError("asn1: structure error: length too large");
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + buf[offset + 2 + i]!;
    head += n;
  }
  if (offset + head + len > buf.length) throw new DerError("asn1: syntax error: data truncated");
  return { tag, body: buf.subarray(offset + head, offset + head + len), raw: buf.subarray(offset, offset + head + len) };
}

/** The children of a constructed value. */
export function children(d: Der): Der[] {
  const out: Der[] = [];
  for (let off = 0; off < d.body.length; ) {
    const c = readDer(d.body, off);
    out.push(c);
    off += c.raw.length;
  }
  return out;
}

export function oidText(d: Der): string {
  const b = d.body;
  const parts = [Math.floor(b[0]! / 40), b[0]! % 40];
  let v = 0;
  for (const x of b.subarray(1)) {
    v = v * 128 + (x & 0x7f);
    if (!(x & 0x80)) {
      parts.push(v);
      v = 0;
    }
  }
  return parts.join(".");
}

export function pem(type: string, der: Uint8Array): string {
  const b64 = Buffer.from(der).toString("base64");
  const lines = b64.match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${type}-----\n${lines.join("\n")}${lines.length ? "\n" : ""}-----END ${type}-----\n`;
}

/** pem.Decode: the first block's type and bytes, or undefined. */
export function pemDecode(text: string): { type: string; der: Buffer } | undefined {
  const m = /-----BEGIN ([^-\r\n]*)-----\r?\n((?:[^:\r\n]*:[^\r\n]*\r?\n)*)\r?\n?([A-Za-z0-9+/=\s]*?)-----END \1-----/.exec(text);
  if (!m) return undefined;
  return { type: m[1]!, der: Buffer.from(m[3]!.replace(/\s+/g, ""), "base64") };
}
