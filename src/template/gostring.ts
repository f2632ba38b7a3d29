// Go strings are byte strings; JS strings are UTF-16. Valid UTF-8 maps across
// unchanged. A byte that is not part of valid UTF-8 (a binary file read with
// .Files.Get, say) is kept as a lone surrogate U+DC80+byte, which valid text
// can never produce, and turned back into that byte wherever a function needs
// the string's bytes (b64enc, sha256sum, ...) and when output is written. So
// binary data survives `.Files.Get "x.bz2" | b64enc` exactly as in helm.

const strict = new TextDecoder("utf-8", { fatal: true });
const escaped = /[\uDC80-\uDCFF]/;

/** The Go string holding these bytes. */
export function goStringFromBytes(b: Uint8Array): string {
  try {
    return strict.decode(b);
  } catch {
    return decodeEscaped(b);
  }
}

/** The bytes of a Go string (UTF-8, with escaped raw bytes restored). */
export function goStringBytes(s: string): Buffer {
  if (!escaped.test(s)) return Buffer.from(s, "utf8");
  const parts: Buffer[] = [];
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xdc80 || c > 0xdcff) continue;
    // A low surrogate after a high one is half of a real character.
    const prev = i > 0 ? s.charCodeAt(i - 1) : 0;
    if (prev >= 0xd800 && prev <= 0xdbff) continue;
    parts.push(Buffer.from(s.slice(start, i), "utf8"), Buffer.of(c - 0xdc00));
    start = i + 1;
  }
  parts.push(Buffer.from(s.slice(start), "utf8"));
  return Buffer.concat(parts);
}

function decodeEscaped(b: Uint8Array): string {
  let out = "";
  let i = 0;
  while (i < b.length) {
    const n = validSequenceLength(b, i);
    if (n === 0) {
      out += String.fromCharCode(0xdc00 + b[i]!);
      i++;
    } else {
      out += strict.decode(b.subarray(i, i + n));
      i += n;
    }
  }
  return out;
}

/** Length of the valid UTF-8 sequence starting at i, or 0 (Go's utf8.DecodeRune rules). */
function validSequenceLength(b: Uint8Array, i: number): number {
  const c = b[i]!;
  if (c < 0x80) return 1;
  const cont = (k: number) => i + k < b.length && (b[i + k]! & 0xc0) === 0x80;
  if (c >= 0xc2 && c <= 0xdf) return cont(1) ? 2 : 0;
  if (c >= 0xe0 && c <= 0xef) {
    const c1 = b[i + 1] ?? 0;
    if (c === 0xe0 && c1 < 0xa0) return 0;
    if (c === 0xed && c1 > 0x9f) return 0; // surrogates are not valid UTF-8
    return cont(1) && cont(2) ? 3 : 0;
  }
  if (c >= 0xf0 && c <= 0xf4) {
    const c1 = b[i + 1] ?? 0;
    if (c === 0xf0 && c1 < 0x90) return 0;
    if (c === 0xf4 && c1 > 0x8f) return 0;
    return cont(1) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}
