// The string helpers Sprig takes from Masterminds/goutils and Go's strings
// package. goutils walks many strings byte by byte (rune(str[i])), so a
// multi-byte character can be split or read as Latin-1 there; that is kept,
// since helm prints exactly that.
import { goPanic } from "./types-go.js";
import {
  byteLen,
  byteSlice,
  fromRunes,
  isAscii,
  isLower,
  isSpace,
  isTitle,
  isUpper,
  latin1,
  mapRunes,
  toLowerRune,
  toTitleRune,
  toUpperRune,
  utf8Bytes,
  utf8String,
} from "./strings-unicode.js";

/** strings.Title: upper-case (title-case) the first letter of each word. */
export function title(s: string): string {
  let prev = 0x20;
  return mapRunes(s, (r) => {
    const sep = isSeparator(prev);
    prev = r;
    return sep ? toTitleRune(r) : r;
  });
}

function isSeparator(r: number): boolean {
  if (r <= 0x7f) {
    const c = String.fromCharCode(r);
    return !/[0-9a-zA-Z_]/.test(c);
  }
  if (/[\p{L}\p{Nd}]/u.test(String.fromCodePoint(r))) return false;
  return isSpace(r);
}

/** goutils.Uncapitalize: lower-case the first rune of each whitespace-separated word. */
export function untitle(s: string): string {
  let next = true;
  return mapRunes(s, (r) => {
    if (isSpace(r)) {
      next = true;
      return r;
    }
    if (next) {
      next = false;
      return toLowerRune(r);
    }
    return r;
  });
}

/** goutils.SwapCase: word-initial lower case becomes title case. */
export function swapCase(s: string): string {
  let ws = true;
  return mapRunes(s, (r) => {
    if (isUpper(r) || isTitle(r)) {
      ws = false;
      return toLowerRune(r);
    }
    if (isLower(r)) {
      const out = ws ? toTitleRune(r) : toUpperRune(r);
      ws = false;
      return out;
    }
    ws = isSpace(r);
    return r;
  });
}

/** goutils.Initials, byte by byte. */
export function initials(s: string): string {
  if (s === "") return s;
  const b = utf8Bytes(s);
  const out: number[] = [];
  let gap = true;
  for (const x of b) {
    if (isSpace(x)) gap = true;
    else if (gap) {
      out.push(x);
      gap = false;
    }
  }
  return fromRunes(out);
}

/** goutils.DeleteWhiteSpace, byte by byte. */
export function deleteWhiteSpace(s: string): string {
  if (s === "") return s;
  const b = utf8Bytes(s);
  const kept = b.filter((x) => !isSpace(x));
  if (kept.length === b.length) return s;
  return latin1(kept);
}

/** goutils.AbbreviateFull, with Sprig's guards folded in by the callers. */
export function abbreviateFull(s: string, offset: number, maxWidth: number): string {
  if (s === "") return "";
  if (maxWidth < 4) return "";
  const len = byteLen(s);
  if (len <= maxWidth) return s;
  if (offset > len) offset = len;
  if (len - offset < maxWidth - 3) offset = len - (maxWidth - 3);
  if (offset <= 4) return sliceBytes(s, 0, maxWidth - 3) + "...";
  if (maxWidth < 7) return "";
  if (offset + maxWidth - 3 < len) return "..." + abbreviateFull(sliceBytes(s, offset, len), 0, maxWidth - 3);
  return "..." + sliceBytes(s, len - (maxWidth - 3), len);
}

/** s[a:b] on bytes, with Go's runtime panic for bad bounds. */
export function sliceBytes(s: string, a: number, b?: number): string {
  const len = byteLen(s);
  const end = b ?? len;
  if (end < 0) goPanic(`runtime error: slice bounds out of range [:${end}]`);
  if (end > len) goPanic(`runtime error: slice bounds out of range [:${end}] with length ${len}`);
  if (a < 0) goPanic(`runtime error: slice bounds out of range [${a}:]`);
  if (a > end) goPanic(`runtime error: slice bounds out of range [${a}:${end}]`);
  return byteSlice(s, a, end);
}

/** goutils.WrapCustom, byte by byte. */
export function wrapCustom(s: string, wrapLength: number, newLine: string, wrapLongWords: boolean): string {
  if (s === "") return "";
  if (newLine === "") newLine = "\n";
  if (wrapLength < 1) wrapLength = 1;
  const b = isAscii(s) ? null : utf8Bytes(s);
  const len = b ? b.length : s.length;
  const at = (i: number) => (b ? b[i] : s.charCodeAt(i));
  const cut = (i: number, j: number) => (b ? utf8String(b.subarray(i, j)) : s.slice(i, j));
  const lastSpace = (i: number, j: number) => {
    for (let k = j - 1; k >= i; k--) if (at(k) === 0x20) return k - i;
    return -1;
  };
  const nextSpace = (i: number) => {
    for (let k = i; k < len; k++) if (at(k) === 0x20) return k - i;
    return -1;
  };
  let out = "";
  let offset = 0;
  while (len - offset > wrapLength) {
    if (at(offset) === 0x20) {
      offset++;
      continue;
    }
    const end = Math.min(wrapLength + offset + 1, len);
    let spaceAt = lastSpace(offset, end) + offset;
    if (spaceAt >= offset) {
      out += cut(offset, spaceAt) + newLine;
      offset = spaceAt + 1;
    } else if (wrapLongWords) {
      out += cut(offset, wrapLength + offset) + newLine;
      offset += wrapLength;
    } else {
      const e = wrapLength + offset;
      const idx = nextSpace(e);
      if (idx === -1) {
        out += cut(offset, len);
        offset = len;
      } else {
        spaceAt = idx + e;
        out += cut(offset, spaceAt) + newLine;
        offset = spaceAt + 1;
      }
    }
  }
  return out + cut(offset, len);
}

/** strings.Repeat, with its panic for a negative count. */
export function repeat(s: string, count: number): string {
  if (count < 0) goPanic("strings: negative Repeat count");
  if (s.length * count > 1 << 28) goPanic("strings: Repeat output length overflow");
  return s.repeat(count);
}

/** strings.ToUpper / ToLower with simple case mapping. */
export const upper = (s: string) => (isAscii(s) ? s.toUpperCase() : mapRunes(s, toUpperRune));
export const lower = (s: string) => (isAscii(s) ? s.toLowerCase() : mapRunes(s, toLowerRune));

