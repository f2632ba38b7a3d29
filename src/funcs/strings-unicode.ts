// Go's unicode package predicates and its *simple* (one rune to one rune)
// case mappings. JavaScript's toUpperCase uses the full mappings ("ß" ->
// "SS"), which Go never applies, so every mapping goes rune by rune here.
// Also the byte-level view of strings that Go's len(s) and s[i:j] take.

const reUpper = /\p{Lu}/u;
const reLower = /\p{Ll}/u;
const reTitle = /\p{Lt}/u;
const reLetter = /\p{L}/u;
const reDigit = /\p{Nd}/u;
const reNumber = /\p{N}/u;
const rePunct = /\p{P}/u;
const reSpace = /\p{White_Space}/u;

const ch = (r: number) => String.fromCodePoint(r);

export const isUpper = (r: number) => reUpper.test(ch(r));
export const isLower = (r: number) => reLower.test(ch(r));
export const isTitle = (r: number) => reTitle.test(ch(r));
export const isLetter = (r: number) => reLetter.test(ch(r));
export const isDigit = (r: number) => reDigit.test(ch(r));
export const isNumber = (r: number) => reNumber.test(ch(r));
export const isPunct = (r: number) => rePunct.test(ch(r));

/** unicode.IsSpace: the Latin-1 spaces, then the White_Space property. */
export function isSpace(r: number): boolean {
  if (r <= 0xff) return r === 0x20 || (r >= 0x09 && r <= 0x0d) || r === 0x85 || r === 0xa0;
  return reSpace.test(ch(r));
}

// Runes whose full mapping has several runes although a simple mapping exists
// (Greek with ypogegrammeni, dotted capital I), or whose title case differs
// from their upper case (the DŽ/LJ/NJ/DZ digraphs and Georgian Mkhedruli).
function simpleUpperException(r: number): number | undefined {
  if ((r >= 0x1f80 && r <= 0x1f87) || (r >= 0x1f90 && r <= 0x1f97) || (r >= 0x1fa0 && r <= 0x1fa7)) return r + 8;
  if (r === 0x1fb3) return 0x1fbc;
  if (r === 0x1fc3) return 0x1fcc;
  if (r === 0x1ff3) return 0x1ffc;
  return undefined;
}

function single(s: string): number | undefined {
  const c = s.codePointAt(0)!;
  return s.length === (c > 0xffff ? 2 : 1) ? c : undefined;
}

/** unicode.ToUpper. */
export function toUpperRune(r: number): number {
  if (r < 0x80) return r >= 0x61 && r <= 0x7a ? r - 32 : r;
  return simpleUpperException(r) ?? single(ch(r).toUpperCase()) ?? r;
}

/** unicode.ToLower. */
export function toLowerRune(r: number): number {
  if (r < 0x80) return r >= 0x41 && r <= 0x5a ? r + 32 : r;
  if (r === 0x130) return 0x69;
  return single(ch(r).toLowerCase()) ?? r;
}

/** unicode.ToTitle. */
export function toTitleRune(r: number): number {
  if (r >= 0x1c4 && r <= 0x1cc) return r - ((r - 0x1c4) % 3) + 1;
  if (r >= 0x1f1 && r <= 0x1f3) return 0x1f2;
  if ((r >= 0x10d0 && r <= 0x10fa) || (r >= 0x10fd && r <= 0x10ff)) return r;
  if ((r >= 0x1f88 && r <= 0x1f8f) || (r >= 0x1f98 && r <= 0x1f9f) || (r >= 0x1fa8 && r <= 0x1faf)) return r;
  if (r === 0x1fbc || r === 0x1fcc || r === 0x1ffc) return r;
  return toUpperRune(r);
}

/** strings.Map over runes. */
export function mapRunes(s: string, f: (r: number) => number): string {
  let out = "";
  for (const c of s) out += ch(f(c.codePointAt(0)!));
  return out;
}

export function runes(s: string): number[] {
  const out: number[] = [];
  for (const c of s) out.push(c.codePointAt(0)!);
  return out;
}

export function fromRunes(rs: number[]): string {
  let out = "";
  for (const r of rs) out += ch(r);
  return out;
}

const encoder = new TextEncoder();
const strictDecoder = new TextDecoder("utf-8", { fatal: true });

const ascii = /^[\x00-\x7f]*$/;

export const isAscii = (s: string) => ascii.test(s);

/** The UTF-8 bytes of s, as Go stores a string. */
export function utf8Bytes(s: string): Uint8Array {
  return encoder.encode(s);
}

/**
 * Bytes back to a string. Invalid UTF-8 (such as a multi-byte character cut
 * by a byte slice) becomes one U+FFFD per bad byte, as Go's range and
 * encoders read it.
 */
export function utf8String(b: Uint8Array): string {
  try {
    return strictDecoder.decode(b);
  } catch {
    return decodeLossy(b);
  }
}

function decodeLossy(b: Uint8Array): string {
  let out = "";
  for (let i = 0; i < b.length; ) {
    const [r, n] = decodeRune(b, i);
    out += String.fromCodePoint(r);
    i += n;
  }
  return out;
}

/** utf8.DecodeRune: (U+FFFD, 1) for anything but a shortest-form encoding of a valid rune. */
function decodeRune(b: Uint8Array, i: number): [number, number] {
  const c = b[i];
  if (c < 0x80) return [c, 1];
  const cont = (k: number) => i + k < b.length && (b[i + k] & 0xc0) === 0x80;
  if (c >= 0xc2 && c <= 0xdf && cont(1)) return [((c & 0x1f) << 6) | (b[i + 1] & 0x3f), 2];
  if (c >= 0xe0 && c <= 0xef && cont(1) && cont(2)) {
    const r = ((c & 0x0f) << 12) | ((b[i + 1] & 0x3f) << 6) | (b[i + 2] & 0x3f);
    if (r >= 0x800 && (r < 0xd800 || r > 0xdfff)) return [r, 3];
  }
  if (c >= 0xf0 && c <= 0xf4 && cont(1) && cont(2) && cont(3)) {
    const r = ((c & 0x07) << 18) | ((b[i + 1] & 0x3f) << 12) | ((b[i + 2] & 0x3f) << 6) | (b[i + 3] & 0x3f);
    if (r >= 0x10000 && r <= 0x10ffff) return [r, 4];
  }
  return [0xfffd, 1];
}

/** len(s) in bytes. */
export function byteLen(s: string): number {
  return isAscii(s) ? s.length : utf8Bytes(s).length;
}

/** s[start:end] in bytes; bounds must already be valid. */
export function byteSlice(s: string, start: number, end?: number): string {
  if (isAscii(s)) return s.slice(start, end);
  return utf8String(utf8Bytes(s).subarray(start, end));
}

/** Bytes read one by one as runes (Go's rune(str[i])): Latin-1 decoding. */
export function latin1(b: Uint8Array): string {
  let out = "";
  for (const x of b) out += String.fromCharCode(x);
  return out;
}

/** strings.TrimSpace / strings.TrimFunc(s, unicode.IsSpace). */
export function trimSpace(s: string): string {
  const rs = runes(s);
  let i = 0;
  let j = rs.length;
  while (i < j && isSpace(rs[i])) i++;
  while (j > i && isSpace(rs[j - 1])) j--;
  return fromRunes(rs.slice(i, j));
}

/** strings.Trim(s, cutset). */
export function trimCutset(s: string, cutset: string): string {
  if (s === "" || cutset === "") return s;
  const set = new Set(runes(cutset));
  const rs = runes(s);
  let i = 0;
  let j = rs.length;
  while (i < j && set.has(rs[i])) i++;
  while (j > i && set.has(rs[j - 1])) j--;
  return fromRunes(rs.slice(i, j));
}

/** strings.Replace(s, old, new, -1), including Go's rule for an empty old. */
export function replaceAll(s: string, old: string, repl: string): string {
  if (old !== "") return s.split(old).join(repl);
  const rs = [...s];
  return repl + rs.map((c) => c + repl).join("");
}

/** strings.Split(s, sep), where an empty sep splits into runes. */
export function splitGo(s: string, sep: string, n = -1): string[] {
  if (n === 0) return [];
  if (sep === "") {
    const rs = [...s];
    if (n < 0 || n >= rs.length) return rs;
    return [...rs.slice(0, n - 1), rs.slice(n - 1).join("")];
  }
  const parts = s.split(sep);
  if (n < 0 || n >= parts.length) return parts;
  return [...parts.slice(0, n - 1), parts.slice(n - 1).join(sep)];
}
