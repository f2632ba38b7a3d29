// Small bridges between Sprig's Go code and our value model: Go panics and
// returned errors, list/map kind checks through reflect, int arguments.
import { kindOf, typeOf } from "../template/reflect.js";
import { FuncError, GoInt, goInt, type IntKind, type Value } from "../template/value.js";

/** A Go panic inside a function; the engine reports it like Go's recover. */
export function goPanic(msg: string): never {
  throw new Error(msg);
}

/** A Go function's returned error. */
export function goError(msg: string): never {
  throw new FuncError(msg);
}

/** reflect.TypeOf(nil).Kind() dereferences a nil *rtype. */
export function nilDeref(): never {
  goPanic("runtime error: invalid memory address or nil pointer dereference");
}

/** Go's reflect.Kind name of a value; a nil interface panics as reflect.TypeOf(nil).Kind() does. */
export function kindOrPanic(v: Value): string {
  if (v === null || v === undefined) nilDeref();
  return kindOf(v);
}

/** Kind slice or array (reflect.Slice / reflect.Array). */
export function isListKind(kind: string): boolean {
  return kind === "slice" || kind === "array";
}

/** The elements of a slice-kind value ([]T, []byte, named slices). */
export function listItems(v: Value): Value[] {
  if (v instanceof Uint8Array) return Array.from(v, (b) => goInt(b, "uint8"));
  return v as Value[];
}

/** A value of an int parameter, whether the engine passes GoInt or number. */
export function intArg(v: unknown): number {
  if (v instanceof GoInt) return Number(v.v);
  if (typeof v === "bigint") return Number(v);
  return Math.trunc(Number(v));
}

export function int(n: number | bigint, kind: IntKind = "int"): GoInt {
  return goInt(n, kind);
}

/** Panic of a failed type assertion v.(T) on an interface{} value. */
export function assertionPanic(v: Value, want: string): never {
  const got = v === null || v === undefined ? "nil" : typeOf(v);
  goPanic(`interface conversion: interface {} is ${got}, not ${want}`);
}
