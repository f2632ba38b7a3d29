// spf13/cast v1.7 as Sprig uses it (ToInt64, ToInt, ToFloat64), with the
// exact strconv rules underneath: ParseInt base 0 ("0x1F", "010" octal,
// "0b11", "1_000"), ParseFloat (hex floats, "inf", underscores), and cast's
// trimming of a zero decimal part ("5.0" -> 5, "5.5" fails). Failures are 0.
import { GoInt, type Value } from "../template/value.js";

const MIN_INT64 = -(1n << 63n);

/** Go's float64 -> int64 conversion on amd64: truncation; NaN and overflow give MinInt64. */
export function floatToInt64(f: number): bigint {
  if (!Number.isFinite(f) || f >= 2 ** 63 || f < -(2 ** 63)) return MIN_INT64;
  return BigInt(Math.trunc(f));
}

/** cast.ToInt64 (int is 64-bit, so cast.ToInt is the same value). */
export function toInt64(v: Value): bigint {
  if (v instanceof GoInt) return BigInt.asIntN(64, v.v);
  switch (typeof v) {
    case "number":
      return floatToInt64(v);
    case "boolean":
      return v ? 1n : 0n;
    case "string":
      return parseInt64(trimZeroDecimal(v)) ?? 0n;
  }
  return 0n;
}

/** cast.ToInt as a JS number (exact below 2^53). */
export function toInt(v: Value): number {
  return Number(toInt64(v));
}

/** cast.ToFloat64. */
export function toFloat64(v: Value): number {
  if (v instanceof GoInt) return Number(v.v);
  switch (typeof v) {
    case "number":
      return v;
    case "boolean":
      return v ? 1 : 0;
    case "string":
      return parseFloat64(v) ?? 0;
  }
  return 0;
}

/** cast drops a trailing ".0", ".00"...: "5.0" -> "5", but "5." and "5.5" stay. */
function trimZeroDecimal(s: string): string {
  let sawZero = false;
  for (let i = s.length; i > 0; i--) {
    const c = s[i - 1];
    if (c === ".") {
      if (sawZero) return s.slice(0, i - 1);
    } else if (c === "0") sawZero = true;
    else return s;
  }
  return s;
}

/** strconv.ParseInt(s, 0, 64); undefined on a syntax or range error. */
export function parseInt64(s: string): bigint | undefined {
  if (s === "") return undefined;
  const s0 = s;
  let neg = false;
  if (s[0] === "+" || s[0] === "-") {
    neg = s[0] === "-";
    s = s.slice(1);
  }
  if (s === "") return undefined;
  let base = 10;
  if (s[0] === "0") {
    const p = s.length >= 3 ? s[1].toLowerCase() : "";
    if (p === "b" || p === "o" || p === "x") {
      base = p === "b" ? 2 : p === "o" ? 8 : 16;
      s = s.slice(2);
    } else {
      base = 8;
      s = s.slice(1);
    }
  }
  let n = 0n;
  let underscores = false;
  const b = BigInt(base);
  for (const c of s) {
    if (c === "_") {
      underscores = true;
      continue;
    }
    const d = digitValue(c);
    if (d >= base) return undefined;
    n = n * b + BigInt(d);
  }
  if (underscores && !underscoreOK(s0)) return undefined;
  if (neg ? n > 1n << 63n : n >= 1n << 63n) return undefined;
  return neg ? -n : n;
}

function digitValue(c: string): number {
  const x = c.charCodeAt(0);
  if (x >= 0x30 && x <= 0x39) return x - 0x30;
  const l = x | 0x20;
  if (l >= 0x61 && l <= 0x7a) return l - 0x61 + 10;
  return 99;
}

/** Go's rule: an underscore must sit between digits (a base prefix counts as a digit). */
function underscoreOK(s: string): boolean {
  let saw = "^";
  let i = 0;
  if (s[0] === "+" || s[0] === "-") s = s.slice(1);
  let hex = false;
  if (s.length >= 2 && s[0] === "0" && "bBoOxX".includes(s[1])) {
    i = 2;
    saw = "0";
    hex = s[1] === "x" || s[1] === "X";
  }
  for (; i < s.length; i++) {
    const c = s[i];
    if ((c >= "0" && c <= "9") || (hex && /[a-fA-F]/.test(c))) {
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

const decimalFloat = /^[+-]?(?=[0-9_]*\.?[0-9_]*[0-9])[0-9_]*\.?[0-9_]*(?:[eE][+-]?[0-9][0-9_]*)?$/;
const hexFloat = /^([+-]?)0[xX]([0-9a-fA-F_]*)(?:\.([0-9a-fA-F_]*))?[pP]([+-]?[0-9][0-9_]*)$/;

/** strconv.ParseFloat(s, 64); undefined on a syntax error or overflow. */
export function parseFloat64(s: string): number | undefined {
  const special = /^([+-]?)(inf|infinity)$/i.exec(s);
  if (special) return special[1] === "-" ? -Infinity : Infinity;
  if (/^nan$/i.test(s)) return Number.NaN;
  let v: number;
  const hex = hexFloat.exec(s);
  if (hex) {
    const [, sign, intPart, frac = "", exp] = hex;
    const digits = (intPart + frac).replaceAll("_", "");
    if (digits === "") return undefined;
    if (s.includes("_") && !underscoreOK(s)) return undefined;
    const e = Number(exp.replaceAll("_", "")) - 4 * frac.replaceAll("_", "").length;
    v = scaleBinary(BigInt("0x" + digits), e);
    if (sign === "-") v = -v;
  } else {
    if (!decimalFloat.test(s)) return undefined;
    if (s.includes("_") && !underscoreOK(s)) return undefined;
    v = Number(s.replaceAll("_", ""));
  }
  return Number.isFinite(v) ? v : undefined;
}

/** mant * 2^exp, correctly rounded for normal results. */
function scaleBinary(mant: bigint, exp: number): number {
  if (mant === 0n) return 0;
  // Shift surplus bits into the exponent so Number(mant) is exact.
  const bits = mant.toString(2).length;
  if (bits > 64) {
    const shift = bits - 64;
    const sticky = mant & ((1n << BigInt(shift)) - 1n) ? 1n : 0n;
    mant = (mant >> BigInt(shift)) | sticky;
    exp += shift;
  }
  let v = Number(mant);
  for (; exp > 1000; exp -= 1000) v *= 2 ** 1000;
  for (; exp < -1000; exp += 1000) v *= 2 ** -1000;
  return v * 2 ** exp;
}
