// Go's encoding/base64 and encoding/base32 (standard alphabets, padded),
// including the byte offsets its CorruptInputError reports, which Sprig's
// b64dec/b32dec print in place of a result.

export class CorruptInputError extends Error {
  constructor(readonly offset: number) {
    super(`illegal base64 data at input byte ${offset}`);
  }
}

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const B32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
const PAD = 0x3d;

function decodeMap(alphabet: string): Int16Array {
  const m = new Int16Array(256).fill(-1);
  for (let i = 0; i < alphabet.length; i++) m[alphabet.charCodeAt(i)] = i;
  return m;
}
const B64_MAP = decodeMap(B64);
const B32_MAP = decodeMap(B32);

const isNewline = (b: number | undefined) => b === 0x0a || b === 0x0d;

/** base64.StdEncoding.DecodeString. Throws CorruptInputError. */
export function base64Decode(s: string): Uint8Array {
  const src = Buffer.from(s, "utf8");
  const out: number[] = [];
  let si = 0;
  for (;;) {
    const buf = [0, 0, 0, 0];
    let dlen = 4;
    let trailing = -1;
    let j = 0;
    for (; j < 4; j++) {
      if (si === src.length) {
        if (j === 0) return Uint8Array.from(out);
        throw new CorruptInputError(si - j);
      }
      const c = src[si++]!;
      const v = B64_MAP[c]!;
      if (v >= 0) {
        buf[j] = v;
        continue;
      }
      if (isNewline(c)) {
        j--;
        continue;
      }
      if (c !== PAD || j < 2) throw new CorruptInputError(si - 1);
      if (j === 2) {
        while (si < src.length && isNewline(src[si])) si++;
        if (si === src.length) throw new CorruptInputError(src.length);
        if (src[si] !== PAD) throw new CorruptInputError(si - 1);
        si++;
      }
      while (si < src.length && isNewline(src[si])) si++;
      if (si < src.length) trailing = si;
      dlen = j;
      break;
    }
    const val = (buf[0]! << 18) | (buf[1]! << 12) | (buf[2]! << 6) | buf[3]!;
    const bytes = [(val >> 16) & 0xff, (val >> 8) & 0xff, val & 0xff];
    out.push(...bytes.slice(0, dlen - 1));
    if (trailing >= 0) throw new CorruptInputError(trailing);
    if (dlen < 4) return Uint8Array.from(out);
  }
}

export function base64Encode(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("base64");
}

/** base32.StdEncoding.EncodeToString. */
export function base32Encode(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 5) {
    const chunk = bytes.subarray(i, i + 5);
    let bits = 0n;
    for (let k = 0; k < 5; k++) bits = (bits << 8n) | BigInt(chunk[k] ?? 0);
    const chars = [2, 4, 5, 7, 8][chunk.length - 1]!;
    for (let k = 0; k < 8; k++) out += k < chars ? B32[Number((bits >> BigInt(35 - 5 * k)) & 31n)] : "=";
  }
  return out;
}

/** base32.StdEncoding.DecodeString: newlines are dropped first, then offsets count. */
export function base32Decode(s: string): Uint8Array {
  const src = Buffer.from(s, "utf8").filter((b) => !isNewline(b));
  const olen = src.length;
  const out: number[] = [];
  let p = 0;
  let end = false;
  const err = (offset: number) => {
    const e = new CorruptInputError(offset);
    e.message = `illegal base32 data at input byte ${offset}`;
    return e;
  };
  while (p < src.length && !end) {
    const buf = new Array<number>(8).fill(0);
    let dlen = 8;
    for (let j = 0; j < 8; ) {
      if (p === src.length) throw err(olen - (src.length - p) - j);
      const c = src[p++]!;
      const left = src.length - p;
      if (c === PAD && j >= 2 && left < 8) {
        if (left + j < 7) throw err(olen);
        for (let k = 0; k < 7 - j; k++) {
          if (left > k && src[p + k] !== PAD) throw err(olen - left + k - 1);
        }
        dlen = j;
        end = true;
        if (dlen === 1 || dlen === 3 || dlen === 6) throw err(olen - left - 1);
        break;
      }
      const v = B32_MAP[c]!;
      if (v < 0) throw err(olen - left - 1);
      buf[j++] = v;
    }
    let bits = 0n;
    for (const v of buf) bits = (bits << 5n) | BigInt(v);
    const n = [0, 0, 1, 1, 2, 3, 3, 4, 5][dlen]!;
    for (let k = 0; k < n; k++) out.push(Number((bits >> BigInt(32 - 8 * k)) & 0xffn));
  }
  return Uint8Array.from(out);
}
