// Go's strconv: quoting, integer formatting and parsing with Go's syntax and
// error messages. Sprig's conversions (atoi, int64, float64, ...) and fmt's
// %q verb depend on these exact rules.

import { isGraphic, isPrint } from "./unicode.js";

export { formatFloat } from "./floatfmt.js";
export { isGraphic, isPrint };

const HEX = "0123456789abcdef";

function hex(n: number, width: number): string {
  let s = "";
  for (let i = width - 1; i >= 0; i--) s += HEX[(n >>> (4 * i)) & 0xf];
  return s;
}

function escapeRune(cp: number, quote: number, asciiOnly: boolean, graphicOnly: boolean): string {
  if (cp === quote || cp === 0x5c) return "\\" + String.fromCharCode(cp);
  if (asciiOnly) {
    if (cp < 0x80 && isPrint(cp)) return String.fromCharCode(cp);
  } else if (isPrint(cp) || (graphicOnly && isGraphic(cp))) {
    return String.fromCodePoint(cp);
  }
  switch (cp) {
    case 7:
      return "\\a";
    case 8:
      return "\\b";
    case 12:
      return "\\f";
    case 10:
      return "\\n";
    case 13:
      return "\\r";
    case 9:
      return "\\t";
    case 11:
      return "\\v";
  }
  if (cp < 0x20 || cp === 0x7f) return "\\x" + hex(cp, 2);
  // A lone surrogate is not valid UTF-8; Go sees the replacement character.
  if (cp >= 0xd800 && cp <= 0xdfff) return asciiOnly ? "\\ufffd" : "\ufffd";
  if (cp < 0x10000) return "\\u" + hex(cp, 4);
  return "\\U" + hex(cp, 8);
}

// Strings made only of printable ASCII other than '"' and '\' quote as-is.
const PLAIN = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

function quoteWith(s: string, quote: number, asciiOnly: boolean, graphicOnly: boolean): string {
  const q = String.fromCharCode(quote);
  if (quote === 0x22 && PLAIN.test(s)) return q + s + q;
  let out = q;
  for (const ch of s) out += escapeRune(ch.codePointAt(0)!, quote, asciiOnly, graphicOnly);
  return out + q;
}

/** strconv.Quote. */
export function quoteGo(s: string): string {
  return quoteWith(s, 0x22, false, false);
}

/** strconv.QuoteToASCII. */
export function quoteToASCII(s: string): string {
  return quoteWith(s, 0x22, true, false);
}

/** strconv.QuoteToGraphic. */
export function quoteToGraphic(s: string): string {
  return quoteWith(s, 0x22, false, true);
}

function validRune(cp: number): number {
  return cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff) || cp < 0 ? 0xfffd : cp;
}

/** strconv.QuoteRune: a Go rune literal such as 'a' or '\n'. */
export function quoteRuneGo(cp: number): string {
  return "'" + escapeRune(validRune(cp), 0x27, false, false) + "'";
}

/** strconv.QuoteRuneToASCII. */
export function quoteRuneToASCII(cp: number): string {
  return "'" + escapeRune(validRune(cp), 0x27, true, false) + "'";
}

/** strconv.CanBackquote: no backquote, BOM or control characters other than tab. */
export function canBackquote(s: string): boolean {
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp === 0x60 || cp === 0xfeff || (cp >= 0xd800 && cp <= 0xdfff)) return false;
    if ((cp < 0x20 && cp !== 9) || cp === 0x7f) return false;
  }
  return true;
}

/** strconv.FormatInt / FormatUint for bases 2..36. */
export function formatInt(n: bigint | number, base = 10): string {
  if (base < 2 || base > 36) throw new RangeError("strconv: illegal AppendInt/FormatInt base");
  return (typeof n === "bigint" ? n : BigInt(Math.trunc(n))).toString(base);
}

/** The error strconv's parsers return; its message is Go's *NumError text. */
export class NumError extends Error {
  override name = "NumError";
  constructor(
    readonly func: string,
    readonly input: string,
    readonly reason: string,
  ) {
    super(`strconv.${func}: parsing ${quoteGo(input)}: ${reason}`);
  }
}

// Digits of an integer literal after sign and prefix; '_' is skipped only for base 0.
function digitsValue(body: string, base: number, allowUnderscore: boolean): bigint | null {
  if (body === "") return null;
  let v = 0n;
  const b = BigInt(base);
  let any = false;
  for (const ch of body) {
    if (ch === "_" && allowUnderscore) continue;
    const d = Number.parseInt(ch, 36);
    if (Number.isNaN(d) || d >= base) return null;
    v = v * b + BigInt(d);
    any = true;
  }
  return any ? v : null;
}

// Go's underscoreOK: '_' only between digits or right after a base prefix.
function underscoreOK(s: string): boolean {
  let saw = "^";
  let i = 0;
  if (s.length >= 1 && (s[0] === "-" || s[0] === "+")) s = s.slice(1);
  let hexPrefix = false;
  if (s.length >= 2 && s[0] === "0" && "bBoOxX".includes(s[1]!)) {
    i = 2;
    saw = "0";
    hexPrefix = s[1] === "x" || s[1] === "X";
  }
  for (; i < s.length; i++) {
    const c = s[i]!;
    if ((c >= "0" && c <= "9") || (hexPrefix && /[a-fA-F]/.test(c))) {
      saw = "0";
      continue;
    }
    if (c === "_") {
      if (saw !== "0") return false;
      saw = "_";
      continue;
    }
    if (saw === "_") return false;
    saw = "!";
  }
  return saw !== "_";
}

/** strconv.ParseUint: base 0 accepts 0x/0o/0b/0 prefixes and underscores. */
export function parseUint(s: string, base = 10, bitSize = 64, func = "ParseUint"): bigint {
  if (s === "") throw new NumError(func, s, "invalid syntax");
  const base0 = base === 0;
  let body = s;
  if (base0) {
    base = 10;
    if (s[0] === "0") {
      const p = s[1]?.toLowerCase();
      if (s.length >= 3 && p === "b") [base, body] = [2, s.slice(2)];
      else if (s.length >= 3 && p === "o") [base, body] = [8, s.slice(2)];
      else if (s.length >= 3 && p === "x") [base, body] = [16, s.slice(2)];
      else [base, body] = [8, s.length === 1 ? "0" : s.slice(1)];
    }
  } else if (base < 2 || base > 36) {
    throw new NumError(func, s, `invalid base ${base}`);
  }
  if (bitSize === 0) bitSize = 64;
  else if (bitSize < 0 || bitSize > 64) throw new NumError(func, s, `invalid bit size ${bitSize}`);
  const v = digitsValue(body, base, base0);
  if (v === null || (base0 && s.includes("_") && !underscoreOK(s))) {
    throw new NumError(func, s, "invalid syntax");
  }
  if (v >= 1n << BigInt(bitSize)) throw new NumError(func, s, "value out of range");
  return v;
}

/** strconv.ParseInt with Go's syntax and *NumError messages. */
export function parseInt64(s: string, base = 10, bitSize = 64, func = "ParseInt"): bigint {
  if (s === "") throw new NumError(func, s, "invalid syntax");
  let neg = false;
  let body = s;
  if (s[0] === "+" || s[0] === "-") {
    neg = s[0] === "-";
    body = s.slice(1);
  }
  if (bitSize === 0) bitSize = 64;
  let u: bigint;
  try {
    // The magnitude may be one past the signed maximum, so parse it as unsigned.
    u = parseUint(body, base, 64, func);
  } catch (e) {
    if (e instanceof NumError) throw new NumError(func, s, e.reason);
    throw e;
  }
  const cutoff = 1n << BigInt(bitSize - 1);
  if (!neg && u >= cutoff) throw new NumError(func, s, "value out of range");
  if (neg && u > cutoff) throw new NumError(func, s, "value out of range");
  return neg ? -u : u;
}

/** strconv.Atoi (int is 64 bits, as on helm's platforms). */
export function atoi(s: string): bigint {
  return parseInt64(s, 10, 0, "Atoi");
}

/** strconv.ParseBool. */
export function parseBool(s: string): boolean {
  switch (s) {
    case "1":
    case "t":
    case "T":
    case "true":
    case "TRUE":
    case "True":
      return true;
    case "0":
    case "f":
    case "F":
    case "false":
    case "FALSE":
    case "False":
      return false;
  }
  throw new NumError("ParseBool", s, "invalid syntax");
}

const DEC_FLOAT = /^[+-]?(?:\d[\d_]*\.?[\d_]*|\.\d[\d_]*)(?:[eE][+-]?\d[\d_]*)?$/;
const HEX_FLOAT = /^[+-]?0[xX](?:[\da-fA-F_]+\.?[\da-fA-F_]*|\.[\da-fA-F][\da-fA-F_]*)[pP][+-]?\d[\d_]*$/;
const SPECIAL = /^([+-]?)(inf|infinity|nan)$/i;

// m × 2^e2 rounded to the nearest float64 (ties to even), via an exact decimal string.
function scaleBinary(m: bigint, e2: number): number {
  if (m === 0n) return 0;
  if (e2 >= 0) return Number(m << BigInt(Math.min(e2, 2000)));
  const k = Math.min(-e2, 2000);
  return Number(`${m * 5n ** BigInt(k)}e-${k}`);
}

function hexFloatValue(s: string): number {
  const neg = s[0] === "-";
  const t = s.replace(/^[+-]/, "").slice(2).replace(/_/g, "");
  const [mant, exp] = t.split(/[pP]/) as [string, string];
  const [ip, fp = ""] = mant.split(".") as [string, string?];
  const m = BigInt("0x" + ((ip + fp).replace(/^0+/, "") || "0"));
  const v = scaleBinary(m, Number(exp) - 4 * fp.length);
  return neg ? -v : v;
}

/** strconv.ParseFloat: Go float literal syntax (decimal, hex, underscores, inf, nan). */
export function parseFloatGo(s: string, bitSize: 32 | 64 = 64): number {
  const sp = SPECIAL.exec(s);
  if (sp) return sp[2]!.toLowerCase() === "nan" ? Number.NaN : sp[1] === "-" ? -Infinity : Infinity;
  let v: number;
  if (DEC_FLOAT.test(s)) {
    if (s.includes("_") && !underscoreOK(s)) throw new NumError("ParseFloat", s, "invalid syntax");
    v = Number(s.replace(/_/g, ""));
  } else if (HEX_FLOAT.test(s)) {
    if (s.includes("_") && !underscoreOK(s)) throw new NumError("ParseFloat", s, "invalid syntax");
    v = hexFloatValue(s);
  } else {
    throw new NumError("ParseFloat", s, "invalid syntax");
  }
  if (bitSize === 32) v = Math.fround(v);
  if (!Number.isFinite(v)) throw new RangeFloatError(s, v);
  return v;
}

/** Go returns ±Inf together with "value out of range"; callers may want the value. */
export class RangeFloatError extends NumError {
  constructor(
    input: string,
    readonly value: number,
  ) {
    super("ParseFloat", input, "value out of range");
  }
}
