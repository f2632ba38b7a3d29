// strconv.FormatFloat. Go rounds from the exact binary value with ties to even,
// and picks %e or %f for 'g' by its own thresholds; JS's toFixed/toPrecision
// break ties upward and toString switches to exponents at 1e21, so the digits
// are computed here: shortest digits come from JS (both pick the closest
// shortest round-tripping string), fixed digits from an exact BigInt expansion.

export type FloatFmt = "b" | "e" | "E" | "f" | "F" | "g" | "G" | "x" | "X";

/** Decimal digits without leading or trailing zeros; value = 0.d × 10^dp. */
interface Digits {
  d: string;
  dp: number;
}

const view = new DataView(new ArrayBuffer(8));

/** IEEE-754 decomposition: |f| = mant × 2^exp with the implicit bit included. */
function decompose(f: number, bitSize: 32 | 64): { mant: bigint; exp: number } {
  if (bitSize === 32) {
    view.setFloat32(0, f);
    const bits = view.getUint32(0);
    const be = (bits >>> 23) & 0xff;
    const m = BigInt(bits & 0x7fffff);
    return be === 0 ? { mant: m, exp: -149 } : { mant: m | (1n << 23n), exp: be - 150 };
  }
  view.setFloat64(0, f);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const be = (hi >>> 20) & 0x7ff;
  const m = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  return be === 0 ? { mant: m, exp: -1074 } : { mant: m | (1n << 52n), exp: be - 1075 };
}

function trimZeros(s: string, dp: number): Digits {
  let end = s.length;
  while (end > 0 && s.charCodeAt(end - 1) === 48) end--;
  let start = 0;
  while (start < end && s.charCodeAt(start) === 48) start++;
  if (start === end) return { d: "", dp: 0 };
  return { d: s.slice(start, end), dp: dp - start };
}

/** Every decimal digit of |f| (finite). */
function exactDigits(f: number, bitSize: 32 | 64): Digits {
  const { mant, exp } = decompose(f, bitSize);
  if (mant === 0n) return { d: "", dp: 0 };
  if (exp >= 0) {
    const s = (mant << BigInt(exp)).toString();
    return trimZeros(s, s.length);
  }
  const s = (mant * 5n ** BigInt(-exp)).toString();
  return trimZeros(s, s.length + exp);
}

function fromExponential(s: string): Digits {
  const e = s.indexOf("e");
  const mant = s.slice(0, e).replace(".", "");
  return trimZeros(mant, Number(s.slice(e + 1)) + 1);
}

/** The shortest digits that read back as f (|f| finite, non-zero). */
function shortestDigits(f: number, bitSize: 32 | 64): Digits {
  const a = Math.abs(f);
  if (bitSize === 64) return fromExponential(a.toExponential());
  for (let p = 0; p < 9; p++) {
    const s = a.toExponential(p);
    if (Math.fround(Number(s)) === a) return fromExponential(s);
  }
  return fromExponential(a.toExponential(8));
}

/** Round to nd significant digits, ties to even (Go's decimal.Round). */
function roundDigits(x: Digits, nd: number): Digits {
  const { d } = x;
  if (nd < 0 || nd >= d.length) return x;
  const c = d.charCodeAt(nd);
  let up: boolean;
  if (c === 53 && nd + 1 === d.length) up = nd > 0 && (d.charCodeAt(nd - 1) - 48) % 2 === 1;
  else up = c >= 53;
  if (!up) return trimZeros(d.slice(0, nd), x.dp);
  for (let i = nd - 1; i >= 0; i--) {
    const ci = d.charCodeAt(i);
    if (ci < 57) return { d: d.slice(0, i) + String.fromCharCode(ci + 1), dp: x.dp };
  }
  return { d: "1", dp: x.dp + 1 };
}

function fmtE(neg: boolean, x: Digits, prec: number, ch: string): string {
  let s = neg ? "-" : "";
  s += x.d.length === 0 ? "0" : x.d[0];
  if (prec > 0) {
    s += ".";
    const frac = x.d.slice(1, Math.min(x.d.length, prec + 1));
    s += frac + "0".repeat(prec - frac.length);
  }
  let exp = x.d.length === 0 ? 0 : x.dp - 1;
  s += ch;
  if (exp < 0) {
    s += "-";
    exp = -exp;
  } else s += "+";
  return s + (exp < 10 ? "0" + exp : String(exp));
}

function fmtF(neg: boolean, x: Digits, prec: number): string {
  let s = neg ? "-" : "";
  const { d, dp } = x;
  if (dp > 0) {
    const m = Math.min(d.length, dp);
    s += d.slice(0, m) + "0".repeat(dp - m);
  } else s += "0";
  if (prec > 0) {
    s += ".";
    for (let i = 1; i <= prec; i++) {
      const j = dp + i - 1;
      s += j >= 0 && j < d.length ? d[j] : "0";
    }
  }
  return s;
}

function fmtB(neg: boolean, mant: bigint, exp: number): string {
  return (neg ? "-" : "") + mant.toString() + "p" + (exp >= 0 ? "+" : "") + exp;
}

const MASK60 = (1n << 60n) - 1n;

function fmtX(neg: boolean, mant: bigint, exp: number, prec: number, upper: boolean, bits: number): string {
  // exp here is the exponent of the leading bit: value = mant × 2^(exp - bits).
  if (mant === 0n) exp = 0;
  mant <<= BigInt(60 - bits);
  while (mant !== 0n && (mant & (1n << 60n)) === 0n) {
    mant <<= 1n;
    exp--;
  }
  if (prec >= 0 && prec < 15) {
    const shift = BigInt(prec * 4);
    const extra = (mant << shift) & MASK60;
    mant >>= 60n - shift;
    if ((extra | (mant & 1n)) > 1n << 59n) mant++;
    mant <<= 60n - shift;
    if ((mant & (1n << 61n)) !== 0n) {
      mant >>= 1n;
      exp++;
    }
  }
  const digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
  let s = (neg ? "-" : "") + (upper ? "0X" : "0x") + ((mant >> 60n) & 1n).toString();
  mant = (mant << 4n) & ((1n << 64n) - 1n);
  if (prec < 0 && mant !== 0n) {
    s += ".";
    while (mant !== 0n) {
      s += digits[Number((mant >> 60n) & 15n)];
      mant = (mant << 4n) & ((1n << 64n) - 1n);
    }
  } else if (prec > 0) {
    s += ".";
    for (let i = 0; i < prec; i++) {
      s += digits[Number((mant >> 60n) & 15n)];
      mant = (mant << 4n) & ((1n << 64n) - 1n);
    }
  }
  s += upper ? "P" : "p";
  if (exp < 0) {
    s += "-";
    exp = -exp;
  } else s += "+";
  return s + (exp < 10 ? "0" + exp : String(exp));
}

/**
 * strconv.FormatFloat(f, 'g', -1, 64), the way %v prints a float64. The hot
 * path of rendering: where Go prints plain digits (1e-4 <= |f| < 1e6) JS's
 * String() prints the same shortest digits; elsewhere only the exponent
 * needs Go's two-digit minimum.
 */
export function formatShortest(f: number): string {
  const a = f < 0 ? -f : f;
  if (a >= 1e-4 && a < 1e6) return String(f);
  if (f === 0) return Object.is(f, -0) ? "-0" : "0";
  if (Number.isNaN(a)) return "NaN";
  if (a === Infinity) return f > 0 ? "+Inf" : "-Inf";
  // String() is much faster than toExponential() and has the same digits.
  const s = String(f);
  const e = s.indexOf("e");
  if (e >= 0) return s.length - e === 3 ? s.slice(0, e + 2) + "0" + s.slice(e + 2) : s;
  const neg = f < 0 ? "-" : "";
  const body = neg ? s.slice(1) : s;
  const dot = body.indexOf(".");
  const intPart = dot < 0 ? body : body.slice(0, dot);
  let digits = dot < 0 ? body : intPart + body.slice(dot + 1);
  let dp = intPart.length;
  let start = 0;
  while (digits.charCodeAt(start) === 48) start++;
  dp -= start;
  digits = digits.slice(start);
  let end = digits.length;
  while (digits.charCodeAt(end - 1) === 48) end--;
  digits = digits.slice(0, end);
  const exp = dp - 1;
  const mant = digits.length > 1 ? digits[0] + "." + digits.slice(1) : digits;
  const ae = exp < 0 ? -exp : exp;
  return neg + mant + (exp < 0 ? "e-" : "e+") + (ae < 10 ? "0" + ae : String(ae));
}

/** Binary digits after the point: a decimal tie is only possible at that position. */
function fractionBits(a: number): number {
  view.setFloat64(0, a);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const be = (hi >>> 20) & 0x7ff;
  const exp = be === 0 ? -1074 : be - 1075;
  // Trailing zero bits of the mantissa (with its implicit leading bit).
  let tz = 0;
  if (lo !== 0) tz = 31 - Math.clz32(lo & -lo);
  else {
    const h = (hi & 0xfffff) | (be === 0 ? 0 : 0x100000);
    if (h !== 0) tz = 63 - Math.clz32(h & -h);
  }
  return Math.max(-(exp + tz), 0);
}

/**
 * Digits of a rounded to nd significant digits ('e', 'g'). JS rounds exactly
 * but breaks ties away from zero; a tie needs the exact expansion to end at
 * the rounding digit, which is checked first, and then Go's half-even path runs.
 */
function significantDigits(a: number, nd: number): Digits {
  if (nd >= 1 && nd <= 101) {
    const s = a.toExponential(nd - 1);
    const e = Number(s.slice(s.indexOf("e") + 1));
    const fb = fractionBits(a);
    // The exponent before rounding is e or, after a carry, e - 1.
    const tie = fb === 0 ? a >= 10 ** nd : fb === nd - e || fb === nd - e + 1;
    if (!tie) return fromExponential(s);
  }
  return roundDigits(exactDigits(a, 64), nd);
}

/** Digits of a rounded to prec places after the point ('f'). */
function fixedDigits(a: number, prec: number): Digits {
  if (a < 1e21 && prec <= 100 && fractionBits(a) !== prec + 1) {
    const s = a.toFixed(prec);
    const dot = s.indexOf(".");
    return dot < 0 ? trimZeros(s, s.length) : trimZeros(s.slice(0, dot) + s.slice(dot + 1), dot);
  }
  const x = exactDigits(a, 64);
  return roundDigits(x, x.dp + prec);
}

/**
 * strconv.FormatFloat(f, fmt, prec, bitSize). prec -1 means the fewest digits
 * that read back exactly.
 */
export function formatFloat(f: number, fmt: FloatFmt, prec: number, bitSize: 32 | 64 = 64): string {
  if (bitSize === 32) f = Math.fround(f);
  if (Number.isNaN(f)) return "NaN";
  if (f === Infinity) return "+Inf";
  if (f === -Infinity) return "-Inf";
  const neg = f < 0 || Object.is(f, -0);
  if (fmt === "b" || fmt === "x" || fmt === "X") {
    const { mant, exp } = decompose(f, bitSize);
    const bits = bitSize === 32 ? 23 : 52;
    if (fmt === "b") return fmtB(neg, mant, exp);
    // Denormals and zero carry the minimum exponent, as Go's unpacking does.
    return fmtX(neg, mant, exp + bits, prec, fmt === "X", bits);
  }
  const shortest = prec < 0;
  if (shortest && fmt === "g" && bitSize === 64) return formatShortest(f);
  const a = Math.abs(f);
  let x: Digits;
  if (shortest) {
    x = f === 0 ? { d: "", dp: 0 } : shortestDigits(f, bitSize);
    if (fmt === "e" || fmt === "E") prec = Math.max(x.d.length - 1, 0);
    else if (fmt === "f" || fmt === "F") prec = Math.max(x.d.length - x.dp, 0);
    else prec = x.d.length;
  } else if (f === 0) {
    x = { d: "", dp: 0 };
    if ((fmt === "g" || fmt === "G") && prec === 0) prec = 1;
  } else if (bitSize === 32) {
    // float32 values are rare in templates: always take the exact path.
    x = exactDigits(a, 32);
    if (fmt === "e" || fmt === "E") x = roundDigits(x, prec + 1);
    else if (fmt === "f" || fmt === "F") x = roundDigits(x, x.dp + prec);
    else x = roundDigits(x, prec === 0 ? (prec = 1) : prec);
  } else if (fmt === "e" || fmt === "E") {
    x = significantDigits(a, prec + 1);
  } else if (fmt === "f" || fmt === "F") {
    x = fixedDigits(a, prec);
  } else {
    if (prec === 0) prec = 1;
    x = significantDigits(a, prec);
  }
  switch (fmt) {
    case "e":
    case "E":
      return fmtE(neg, x, prec, fmt);
    case "f":
    case "F":
      return fmtF(neg, x, prec);
  }
  let eprec = prec;
  if (eprec > x.d.length && x.d.length >= x.dp) eprec = x.d.length;
  if (shortest) eprec = 6;
  const exp = x.dp - 1;
  if (x.d.length !== 0 && (exp < -4 || exp >= eprec)) {
    if (prec > x.d.length) prec = x.d.length;
    return fmtE(neg, x, prec - 1, fmt === "g" ? "e" : "E");
  }
  if (prec > x.dp) prec = x.d.length;
  return fmtF(neg, x, Math.max(prec - x.dp, 0));
}
