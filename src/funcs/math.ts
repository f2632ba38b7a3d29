// Sprig's math and number conversion functions. Integer math is int64 (with
// Go's wrap-around) over cast.ToInt64 of each operand; the *f variants go
// through shopspring/decimal; until/untilStep/seq build []int ranges.
import { formatAny } from "../template/fmt.js";
import { type FuncDef, type FuncMap, setElemType, type Value } from "../template/value.js";
import { toFloat64, toInt64 } from "./math-cast.js";
import * as decimal from "./math-decimal.js";
import { goPanic, int, intArg } from "./types-go.js";

const ANY = "interface {}";
const I = "int";

const i64 = (n: bigint) => int(BigInt.asIntN(64, n), "int64");

function divide(a: Value, b: Value, op: (x: bigint, y: bigint) => bigint): Value {
  const y = toInt64(b);
  if (y === 0n) goPanic("runtime error: integer divide by zero");
  return i64(op(toInt64(a), y));
}

/** strconv.Atoi: optional sign and decimal digits only, else 0; out of range it saturates. */
function atoi(s: string): Value {
  if (!/^[+-]?[0-9]+$/.test(s)) return int(0);
  const n = BigInt(s);
  const max = (1n << 63n) - 1n;
  return int(n > max ? max : n < -max - 1n ? -max - 1n : n);
}

/** strconv.ParseInt(fmt.Sprint(v), 8, 64), 0 on failure. */
function toDecimal(v: Value): Value {
  const s = formatAny(v);
  const m = /^([+-]?)([0-7]+)$/.exec(s);
  if (!m) return int(0, "int64");
  const n = BigInt("0o" + m[2]) * (m[1] === "-" ? -1n : 1n);
  return int(n >= -(1n << 63n) && n < 1n << 63n ? n : 0n, "int64");
}

function untilStep(start: number, stop: number, step: number): number[] {
  const out: number[] = [];
  if (stop < start) {
    if (step >= 0) return out;
    for (let i = start; i > stop; i += step) out.push(i);
    return out;
  }
  if (step <= 0) return out;
  for (let i = start; i < stop; i += step) out.push(i);
  return out;
}

const ints = (xs: number[]) => setElemType(xs.map((x) => int(x)), "int");

function seq(...params: unknown[]): string {
  const p = params.map(intArg);
  let range: number[] = [];
  if (p.length === 1) {
    const inc = p[0] < 1 ? -1 : 1;
    range = untilStep(1, p[0] + inc, inc);
  } else if (p.length === 2) {
    const step = p[1] < p[0] ? -1 : 1;
    range = untilStep(p[0], p[1] + step, step);
  } else if (p.length === 3) {
    const [start, step, end] = p;
    let inc = 1;
    if (end < start) {
      inc = -1;
      if (step > 0) return "";
    }
    range = untilStep(start, end + inc, step);
  }
  return range.join(" ");
}

function round(a: Value, places: unknown, ...opt: number[]): number {
  const roundOn = opt.length > 0 ? opt[0] : 0.5;
  const val = toFloat64(a);
  const pow = 10 ** intArg(places);
  const digit = pow * val;
  const frac = Number.isFinite(digit) ? digit - Math.trunc(digit) : Number.isNaN(digit) ? digit : 0;
  return (frac >= roundOn ? Math.ceil(digit) : Math.floor(digit)) / pow;
}

type DecOp = (a: ReturnType<typeof decimal.fromFloat>, b: ReturnType<typeof decimal.fromFloat>) => ReturnType<
  typeof decimal.fromFloat
>;

/** Sprig's execDecimalOp: fold the operands with a decimal operation. */
function decimalFold(first: Value, rest: Value[], op: DecOp): number {
  let acc = decimal.fromFloat(toFloat64(first));
  for (const x of rest) acc = op(acc, decimal.fromFloat(toFloat64(x)));
  return decimal.toFloat(acc);
}

const def = (params: string[], fn: FuncDef["fn"], variadic?: string): FuncDef =>
  variadic ? { params, variadic, fn } : { params, fn };

function maxMin(pick: (a: bigint, b: bigint) => boolean) {
  return def(
    [ANY],
    (a: Value, ...rest: Value[]) => {
      let acc = toInt64(a);
      for (const x of rest) {
        const v = toInt64(x);
        if (pick(v, acc)) acc = v;
      }
      return int(acc, "int64");
    },
    ANY,
  );
}

export const mathFuncs: FuncMap = {
  atoi: def(["string"], atoi),
  int64: def([ANY], (v: Value) => int(toInt64(v), "int64")),
  int: def([ANY], (v: Value) => int(toInt64(v))),
  float64: def([ANY], toFloat64),
  toDecimal: def([ANY], toDecimal),
  seq: def([], seq, I),
  until: def([I], (n) => {
    const c = intArg(n);
    return ints(untilStep(0, c, c < 0 ? -1 : 1));
  }),
  untilStep: def([I, I, I], (a, b, c) => ints(untilStep(intArg(a), intArg(b), intArg(c)))),
  add1: def([ANY], (v: Value) => i64(toInt64(v) + 1n)),
  add: def([], (...xs: Value[]) => i64(xs.reduce<bigint>((acc, x) => acc + toInt64(x), 0n)), ANY),
  sub: def([ANY, ANY], (a: Value, b: Value) => i64(toInt64(a) - toInt64(b))),
  div: def([ANY, ANY], (a: Value, b: Value) => divide(a, b, (x, y) => x / y)),
  mod: def([ANY, ANY], (a: Value, b: Value) => divide(a, b, (x, y) => x % y)),
  mul: def([ANY], (a: Value, ...xs: Value[]) => i64(xs.reduce<bigint>((acc, x) => BigInt.asIntN(64, acc * toInt64(x)), toInt64(a))), ANY),
  add1f: def([ANY], (v: Value) => decimalFold(v, [1], decimal.add)),
  addf: def([], (...xs: Value[]) => decimalFold(0, xs, decimal.add), ANY),
  subf: def([ANY], (a: Value, ...xs: Value[]) => decimalFold(a, xs, decimal.sub), ANY),
  divf: def([ANY], (a: Value, ...xs: Value[]) => decimalFold(a, xs, decimal.div), ANY),
  mulf: def([ANY], (a: Value, ...xs: Value[]) => decimalFold(a, xs, decimal.mul), ANY),
  biggest: maxMin((v, acc) => v > acc),
  max: maxMin((v, acc) => v > acc),
  min: maxMin((v, acc) => v < acc),
  maxf: def([ANY], (a: Value, ...xs: Value[]) => xs.reduce<number>((acc, x) => Math.max(acc, toFloat64(x)), toFloat64(a)), ANY),
  minf: def([ANY], (a: Value, ...xs: Value[]) => xs.reduce<number>((acc, x) => Math.min(acc, toFloat64(x)), toFloat64(a)), ANY),
  floor: def([ANY], (v: Value) => Math.floor(toFloat64(v))),
  ceil: def([ANY], (v: Value) => Math.ceil(toFloat64(v))),
  round: def([ANY, I], round, "float64"),
};

