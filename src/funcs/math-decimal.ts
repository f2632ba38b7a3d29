// The shopspring/decimal arithmetic behind Sprig's addf/subf/mulf/divf: each
// float64 becomes the shortest decimal that round-trips, the operation is
// exact (division rounds half away from zero at 16 places), and the result
// goes back to the nearest float64. So `addf 0.1 0.2` is 0.3, not 0.30000000000000004.
import { formatAny } from "../template/fmt.js";
import { goPanic } from "./types-go.js";

interface Decimal {
  c: bigint;
  e: number;
}

const DIVISION_PRECISION = 16;

function pow10(n: number): bigint {
  return 10n ** BigInt(n);
}

/** decimal.NewFromFloat. */
export function fromFloat(f: number): Decimal {
  if (!Number.isFinite(f)) goPanic(`Cannot create a Decimal from ${formatAny(f)}`);
  if (f === 0) return { c: 0n, e: 0 };
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(f))!;
  const frac = m[3] ?? "";
  const c = BigInt(m[1] + m[2] + frac);
  return { c, e: Number(m[4] ?? 0) - frac.length };
}

function align(a: Decimal, b: Decimal): [bigint, bigint, number] {
  if (a.e === b.e) return [a.c, b.c, a.e];
  if (a.e < b.e) return [a.c, b.c * pow10(b.e - a.e), a.e];
  return [a.c * pow10(a.e - b.e), b.c, b.e];
}

export function add(a: Decimal, b: Decimal): Decimal {
  const [x, y, e] = align(a, b);
  return { c: x + y, e };
}

export function sub(a: Decimal, b: Decimal): Decimal {
  const [x, y, e] = align(a, b);
  return { c: x - y, e };
}

export function mul(a: Decimal, b: Decimal): Decimal {
  return { c: a.c * b.c, e: a.e + b.e };
}

/** Decimal.Div: DivRound to 16 decimal places. */
export function div(a: Decimal, b: Decimal): Decimal {
  if (b.c === 0n) goPanic("decimal division by 0");
  const k = a.e - b.e + DIVISION_PRECISION;
  const num = k >= 0 ? a.c * pow10(k) : a.c;
  const den = k >= 0 ? b.c : b.c * pow10(-k);
  let q = num / den;
  const r = num % den;
  const abs = (x: bigint) => (x < 0n ? -x : x);
  if (2n * abs(r) >= abs(den)) q += (num < 0n) !== (den < 0n) ? -1n : 1n;
  return { c: q, e: -DIVISION_PRECISION };
}

/** Decimal.Float64: the nearest float64. */
export function toFloat(d: Decimal): number {
  return Number(`${d.c}e${d.e}`);
}
