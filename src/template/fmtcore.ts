// The formatting state of one Go fmt verb: flags, width and precision, and the
// primitive writers (padding, integers, floats, strings, bytes) that obey them.
// fmt.ts walks values and chooses a writer; this file knows nothing of Value.

import { formatFloat } from "./floatfmt.js";
import { canBackquote, quoteGo, quoteRuneGo, quoteRuneToASCII, quoteToASCII } from "./strconv.js";
import { isPrint } from "./unicode.js";

const LDIGITS = "0123456789abcdefx";
const UDIGITS = "0123456789ABCDEFX";

/** Number of code points (Go counts runes for width and precision). */
export function runeCount(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

/** The first n runes of s. */
function truncateRunes(s: string, n: number): string {
  if (n >= s.length) return s;
  let i = 0;
  for (let k = 0; k < n && i < s.length; k++) {
    const c = s.charCodeAt(i);
    i += c >= 0xd800 && c <= 0xdbff && i + 1 < s.length ? 2 : 1;
  }
  return s.slice(0, i);
}

const encoder = new TextEncoder();

export class Fmt {
  buf = "";
  plus = false;
  minus = false;
  sharp = false;
  space = false;
  zero = false;
  plusV = false;
  sharpV = false;
  widPresent = false;
  precPresent = false;
  wid = 0;
  prec = 0;

  clearFlags(): void {
    this.plus = this.minus = this.sharp = this.space = this.zero = false;
    this.plusV = this.sharpV = this.widPresent = this.precPresent = false;
    this.wid = this.prec = 0;
  }

  writePadding(n: number): void {
    if (n <= 0) return;
    this.buf += (this.zero ? "0" : " ").repeat(n);
  }

  /** Appends s padded to the width; width counts runes. */
  pad(s: string): void {
    if (!this.widPresent || this.wid === 0) {
      this.buf += s;
      return;
    }
    const width = this.wid - runeCount(s);
    if (!this.minus) {
      this.writePadding(width);
      this.buf += s;
    } else {
      this.buf += s;
      this.writePadding(width);
    }
  }

  fmtBoolean(v: boolean): void {
    this.pad(v ? "true" : "false");
  }

  /** Integer in a base with Go's precision, zero-padding, sign and # prefix rules. */
  fmtInteger(v: bigint, base: number, verb: string, upper: boolean): void {
    const negative = v < 0n;
    const u = negative ? -v : v;
    const digits = upper ? UDIGITS : LDIGITS;
    let prec = 0;
    if (this.precPresent) {
      prec = this.prec;
      if (prec === 0 && u === 0n) {
        const oldZero = this.zero;
        this.zero = false;
        this.writePadding(this.wid);
        this.zero = oldZero;
        return;
      }
    } else if (this.zero && !this.minus && this.widPresent) {
      prec = this.wid;
      if (negative || this.plus || this.space) prec--;
    }
    let s = base === 10 && u < 0x20000000000000n ? String(Number(u)) : u.toString(base);
    if (upper && base === 16) s = s.toUpperCase();
    if (s.length < prec) s = "0".repeat(prec - s.length) + s;
    if (this.sharp) {
      if (base === 2) s = "0b" + s;
      else if (base === 8 && s[0] !== "0") s = "0" + s;
      else if (base === 16) s = "0" + digits[16] + s;
    }
    if (verb === "O") s = "0o" + s;
    if (negative) s = "-" + s;
    else if (this.plus) s = "+" + s;
    else if (this.space) s = " " + s;
    const oldZero = this.zero;
    this.zero = false;
    this.pad(s);
    this.zero = oldZero;
  }

  /** %c: the rune, or U+FFFD when out of range. */
  fmtC(v: bigint): void {
    this.pad(String.fromCodePoint(toRune(v)));
  }

  /** %q on an integer: a quoted rune literal. */
  fmtQc(v: bigint): void {
    const r = toRune(v);
    this.pad(this.plus ? quoteRuneToASCII(r) : quoteRuneGo(r));
  }

  /** %U: U+0041, with # also the printable rune. */
  fmtUnicode(v: bigint): void {
    let prec = 4;
    if (this.precPresent && this.prec > 4) prec = this.prec;
    const hex = (v < 0n ? (v + (1n << 64n)) : v).toString(16).toUpperCase();
    let s = "U+" + (hex.length < prec ? "0".repeat(prec - hex.length) : "") + hex;
    if (this.sharp && v >= 0n && v <= 0x10ffffn && isPrint(Number(v))) {
      s += " '" + String.fromCodePoint(Number(v)) + "'";
    }
    const oldZero = this.zero;
    this.zero = false;
    this.pad(s);
    this.zero = oldZero;
  }

  /** A float through strconv, then Go's sign, # and zero-padding rules. */
  fmtFloat(v: number, size: 32 | 64, verb: string, prec: number): void {
    if (this.precPresent) prec = this.prec;
    const f = verb === "F" ? "f" : verb;
    let num = formatFloat(v, f as "e", prec, size);
    if (num[0] !== "-" && num[0] !== "+") num = "+" + num;
    if (this.space && num[0] === "+" && !this.plus) num = " " + num.slice(1);
    if (num[1] === "I" || num[1] === "N") {
      const oldZero = this.zero;
      this.zero = false;
      if (num[1] === "N" && !this.space && !this.plus) num = num.slice(1);
      this.pad(num);
      this.zero = oldZero;
      return;
    }
    if (this.sharp && verb !== "b") num = sharpFloat(num, verb, prec);
    if (this.plus || num[0] !== "+") {
      if (this.zero && !this.minus && this.widPresent && this.wid > num.length) {
        this.buf += num[0];
        this.writePadding(this.wid - num.length);
        this.buf += num.slice(1);
        return;
      }
      this.pad(num);
      return;
    }
    this.pad(num.slice(1));
  }

  /** %s: the string, cut to the precision in runes. */
  fmtS(s: string): void {
    if (this.precPresent) s = truncateRunes(s, this.prec);
    this.pad(s);
  }

  /** %q: a Go string literal (backquoted with #, ASCII-only with +). */
  fmtQ(s: string): void {
    if (this.precPresent) s = truncateRunes(s, this.prec);
    if (this.sharp && canBackquote(s)) this.pad("`" + s + "`");
    else if (this.plus) this.pad(quoteToASCII(s));
    else this.pad(quoteGo(s));
  }

  /** %x / %X of a string or bytes: hex of the UTF-8 bytes. */
  fmtSbx(b: Uint8Array, upper: boolean): void {
    const digits = upper ? UDIGITS : LDIGITS;
    let length = b.length;
    if (this.precPresent && this.prec < length) length = this.prec;
    let width = 2 * length;
    if (width > 0) {
      if (this.space) {
        if (this.sharp) width *= 2;
        width += length - 1;
      } else if (this.sharp) width += 2;
    } else {
      if (this.widPresent) this.writePadding(this.wid);
      return;
    }
    if (this.widPresent && this.wid > width && !this.minus) this.writePadding(this.wid - width);
    let out = this.sharp ? "0" + digits[16] : "";
    for (let i = 0; i < length; i++) {
      if (this.space && i > 0) {
        out += " ";
        if (this.sharp) out += "0" + digits[16];
      }
      const c = b[i]!;
      out += digits[c >> 4]! + digits[c & 15]!;
    }
    this.buf += out;
    if (this.widPresent && this.wid > width && this.minus) this.writePadding(this.wid - width);
  }

  fmtSx(s: string, upper: boolean): void {
    this.fmtSbx(encoder.encode(s), upper);
  }
}

function toRune(v: bigint): number {
  if (v < 0n || v > 0x10ffffn) return 0xfffd;
  const n = Number(v);
  return n >= 0xd800 && n <= 0xdfff ? 0xfffd : n;
}

// The # flag keeps a decimal point and pads %g/%v/%x to their precision.
function sharpFloat(num: string, verb: string, prec: number): string {
  let digits = 0;
  if (verb === "v" || verb === "g" || verb === "G" || verb === "x") {
    digits = prec === -1 ? 6 : prec;
  }
  let tail = "";
  let body = num;
  let hasDecimalPoint = false;
  let sawNonzero = false;
  for (let i = 1; i < body.length; i++) {
    const c = body[i]!;
    if (c === ".") {
      hasDecimalPoint = true;
      continue;
    }
    if (c === "p" || c === "P") {
      tail = body.slice(i);
      body = body.slice(0, i);
      break;
    }
    if ((c === "e" || c === "E") && verb !== "x" && verb !== "X") {
      tail = body.slice(i);
      body = body.slice(0, i);
      break;
    }
    if (c !== "0") sawNonzero = true;
    if (sawNonzero) digits--;
  }
  if (!hasDecimalPoint) {
    if (body.length === 2 && body[1] === "0") digits--;
    body += ".";
  }
  if (digits > 0) body += "0".repeat(digits);
  return body + tail;
}
