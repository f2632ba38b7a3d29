// text/template's predefined functions (Go 1.23 funcs.go). A FuncMap entry of
// the same name replaces a builtin, as in Go (Sprig's `slice` does).
// Parameters typed REFLECT_VALUE receive arguments unconverted; nil arrives
// as null or undefined.
import { goStringBytes, goStringFromBytes } from "./gostring.js";
import { REFLECT_VALUE } from "./call.js";
import { evalArgs, htmlEscape, jsEscape, urlQueryEscape } from "./escape.js";
import { sprint, sprintf, sprintln } from "./fmt.js";
import { basicKind, isTrue, kindOf, typeOf } from "./reflect.js";
import { type FuncDef, FuncError, type FuncMap, GoInt, GoObject, isMap, mapValueType, type Value } from "./value.js";

const RV = REFLECT_VALUE;
const IFACE = "interface {}";

function err(msg: string): never {
  throw new FuncError(msg);
}

const smallInts: GoInt[] = [];

function int(n: number): GoInt {
  if (n < 256) return (smallInts[n] ??= new GoInt(BigInt(n), "int"));
  return new GoInt(BigInt(n), "int");
}


function byteLength(s: string): number {
  return /^[\x00-\x7f]*$/.test(s) ? s.length : goStringBytes(s).length;
}

function isNilValue(v: Value): v is null | undefined {
  return v === null || v === undefined;
}

/** An integer index argument, as Go's indexArg reads it. */
function indexArg(i: Value, cap: number): number {
  if (isNilValue(i)) err("cannot index slice/array with nil");
  if (!(i instanceof GoInt)) err(`cannot index slice/array with type ${typeOf(i)}`);
  const x = i.v;
  if (x < 0n || x > BigInt(cap)) err(`index out of range: ${x}`);
  return Number(x);
}

function index(item: Value, ...indexes: Value[]): Value {
  if (isNilValue(item)) err("index of untyped nil");
  for (const ix of indexes) {
    if (item === null) err("index of nil pointer");
    if (typeof item === "string") {
      const bytes = goStringBytes(item);
      const x = indexArg(ix, bytes.length);
      if (x === bytes.length) err("reflect: string index out of range");
      item = new GoInt(BigInt(bytes[x]), "uint8");
    } else if (Array.isArray(item) || item instanceof Uint8Array) {
      const x = indexArg(ix, item.length);
      if (x === item.length) err("reflect: slice index out of range");
      item = item instanceof Uint8Array ? new GoInt(BigInt(item[x]), "uint8") : (item[x] ?? null);
    } else if (isMap(item)) {
      if (isNilValue(ix)) err("value is nil; should be of type string");
      else if (typeof ix !== "string") err(`value has type ${typeOf(ix)}; should be string`);
      else {
        const v: Value = item[ix];
        item = v === undefined ? zeroFor(mapValueType(item)) : v;
      }
    } else {
      err(`can't index item of type ${typeOf(item)}`);
    }
  }
  return item;
}

function zeroFor(typ: string): Value {
  if (typ === "string") return "";
  if (typ === "bool") return false;
  if (typ === "float64") return 0;
  return null;
}

function slice(item: Value, ...indexes: Value[]): Value {
  if (isNilValue(item)) err("slice of untyped nil");
  if (indexes.length > 3) err(`too many slice indexes: ${indexes.length}`);
  let len: number;
  if (typeof item === "string") {
    if (indexes.length === 3) err("cannot 3-index slice a string");
    len = goStringBytes(item).length;
  } else if (Array.isArray(item) || item instanceof Uint8Array) len = item.length;
  else return err(`can't slice item of type ${typeOf(item)}`);
  const idx = [0, len, len];
  for (let i = 0; i < indexes.length; i++) idx[i] = indexArg(indexes[i], len);
  if (idx[0] > idx[1]) err(`invalid slice index: ${idx[0]} > ${idx[1]}`);
  if (indexes.length === 3 && idx[1] > idx[2]) err(`invalid slice index: ${idx[1]} > ${idx[2]}`);
  if (typeof item === "string") return goStringFromBytes(goStringBytes(item).subarray(idx[0], idx[1]));
  const out = item.slice(idx[0], idx[1]);
  if (Array.isArray(item) && Array.isArray(out)) copyElemType(item, out);
  return out as Value;
}

function copyElemType(from: Value[], to: Value[]): void {
  for (const sym of Object.getOwnPropertySymbols(from)) {
    Object.defineProperty(to, sym, { value: (from as unknown as Record<symbol, unknown>)[sym], enumerable: false });
  }
}

function length(item: Value): Value {
  if (item === null) err("len of nil pointer");
  if (item === undefined) err("reflect: call of reflect.Value.Type on zero Value");
  if (typeof item === "string") return int(byteLength(item));
  if (Array.isArray(item) || item instanceof Uint8Array) return int(item.length);
  if (isMap(item)) return int(Object.keys(item).length);
  return err(`len of type ${typeOf(item)}`);
}

const errBadComparisonType = "invalid type for comparison";
const errBadComparison = "incompatible types for comparison";
const errNoComparison = "missing argument for comparison";

/** Non-basic values eq can still compare: nil against anything, or identical objects. */
function comparable(v: Value): boolean {
  return !(Array.isArray(v) || v instanceof Uint8Array || isMap(v));
}

function eqOne(a: Value, b: Value): boolean {
  const k1 = basicKind(a);
  const k2 = basicKind(b);
  if (k1 !== k2) {
    if (k1 === "int" && k2 === "uint") return (a as GoInt).v >= 0n && (a as GoInt).v === (b as GoInt).v;
    if (k1 === "uint" && k2 === "int") return (b as GoInt).v >= 0n && (a as GoInt).v === (b as GoInt).v;
    if (!isNilValue(a) && !isNilValue(b)) err(errBadComparison);
    return false;
  }
  switch (k1) {
    case "bool":
    case "float":
    case "string":
      return a === b;
    case "int":
    case "uint":
      return (a as GoInt).v === (b as GoInt).v;
  }
  if (isNilValue(a) || isNilValue(b)) return isNilValue(a) && isNilValue(b);
  const ta = typeOf(a);
  const tb = typeOf(b);
  if (kindOf(a) !== kindOf(b)) err(sprintf("non-comparable types %s: %v, %s: %v", [a, ta, tb, b]));
  if (!comparable(b)) err(sprintf("non-comparable type %s: %v", [b, tb]));
  return ta === tb && a === b;
}

function eq(a: Value, ...rest: Value[]): Value {
  if (rest.length === 0) err(errNoComparison);
  for (const b of rest) if (eqOne(a, b)) return true;
  return false;
}

function lt(a: Value, b: Value): boolean {
  const k1 = basicKind(a);
  if (k1 === "invalid") err(errBadComparisonType);
  const k2 = basicKind(b);
  if (k2 === "invalid") err(errBadComparisonType);
  if (k1 !== k2) {
    if (k1 === "int" && k2 === "uint") return (a as GoInt).v < 0n || (a as GoInt).v < (b as GoInt).v;
    if (k1 === "uint" && k2 === "int") return (b as GoInt).v >= 0n && (a as GoInt).v < (b as GoInt).v;
    return err(errBadComparison);
  }
  switch (k1) {
    case "bool":
    case "complex":
      return err(errBadComparisonType);
    case "int":
    case "uint":
      return (a as GoInt).v < (b as GoInt).v;
    case "string":
      return compareBytes(a as string, b as string) < 0;
  }
  return (a as number) < (b as number);
}

function compareBytes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function le(a: Value, b: Value): boolean {
  return lt(a, b) || (eq(a, b) as boolean);
}

function call(calleeName: string, fn: Value, ...args: Value[]): Value {
  if (isNilValue(fn)) err("call of nil");
  if (!isFuncDef(fn)) return err(`non-function ${calleeName} of type ${typeOf(fn)}`);
  const want = fn.params.length;
  if (fn.variadic === undefined ? args.length !== want : args.length < want) {
    err(`wrong number of args for ${calleeName}: got ${args.length} want ${fn.variadic ? "at least " : ""}${want}`);
  }
  return fn.fn(...args);
}

function isFuncDef(v: Value): v is Value & FuncDef {
  return v instanceof GoObject && typeof (v as unknown as FuncDef).fn === "function";
}

function def(params: string[], variadic: string | undefined, fn: (...args: any[]) => Value): FuncDef {
  return variadic === undefined ? { params, fn } : { params, variadic, fn };
}

/** The builtins, keyed by name. */
export const builtins: FuncMap = Object.assign(Object.create(null) as FuncMap, {
  and: def([RV], RV, (a: Value, ...rest: Value[]) => {
    for (const v of [a, ...rest]) if (!isTrue(v)) return v;
    return rest.length ? rest[rest.length - 1] : a;
  }),
  or: def([RV], RV, (a: Value, ...rest: Value[]) => {
    for (const v of [a, ...rest]) if (isTrue(v)) return v;
    return rest.length ? rest[rest.length - 1] : a;
  }),
  not: def([RV], undefined, (a: Value) => !isTrue(a)),
  call: def([RV], RV, call),
  html: def([], IFACE, (...args: Value[]) => htmlEscape(evalArgs(args))),
  js: def([], IFACE, (...args: Value[]) => jsEscape(evalArgs(args))),
  urlquery: def([], IFACE, (...args: Value[]) => urlQueryEscape(evalArgs(args))),
  index: def([RV], RV, index),
  slice: def([RV], RV, slice),
  len: def([RV], undefined, length),
  print: def([], IFACE, (...args: Value[]) => sprint(args)),
  printf: def(["string"], IFACE, (format: string, ...args: Value[]) => sprintf(format, args)),
  println: def([], IFACE, (...args: Value[]) => sprintln(args)),
  eq: def([RV], RV, eq),
  ne: def([RV, RV], undefined, (a: Value, b: Value) => !eq(a, b)),
  lt: def([RV, RV], undefined, lt),
  le: def([RV, RV], undefined, le),
  gt: def([RV, RV], undefined, (a: Value, b: Value) => !le(a, b)),
  ge: def([RV, RV], undefined, (a: Value, b: Value) => !lt(a, b)),
});
