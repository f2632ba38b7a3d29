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
  let x: Digits;
  if (f === 0) x = { d: "", dp: 0 };
  else if (shortest) x = shortestDigits(f, bitSize);
  else x = exactDigits(f, bitSize);
  if (shortest) {
    if (fmt === "e" || fmt === "E") prec = Math.max(x.d.length - 1, 0);
    else if (fmt === "f" || fmt === "F") prec = Math.max(x.d.length - x.dp, 0);
    else prec = x.d.length;
  } else if (fmt === "e" || fmt === "E") {
    x = roundDigits(x, prec + 1);
  } else if (fmt === "f" || fmt === "F") {
    x = roundDigits(x, x.dp + prec);
  } else {
    if (prec === 0) prec = 1;
    x = roundDigits(x, prec);
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
