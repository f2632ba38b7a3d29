// Function and method calls: argument count checks, conversion of constant
// arguments to the declared Go parameter types, assignability checks for
// computed arguments, and Go's error texts for each (exec.go evalCall,
// evalArg, validateType).
import type { State } from "./exec.js";
import { type Arg, N, type Node } from "./node.js";
import { isTrue, typeOf } from "./reflect.js";
import { elemType, type FuncDef, FuncError, GoInt, GoObject, isMap, mapValueType, namedType, type Value } from "./value.js";

/** The "no value from a previous pipeline stage" marker (Go's missingVal). */
export const MISSING: unique symbol = Symbol("missing");
export type Missing = typeof MISSING;

/** Builtins declare this to receive arguments unconverted (Go's reflect.Value parameters). */
export const REFLECT_VALUE = "reflect.Value";

const INT_KINDS = new Set(["int", "int8", "int16", "int32", "int64"]);
const UINT_KINDS = new Set(["uint", "uint8", "uint16", "uint32", "uint64", "uintptr"]);

/** Whether an untyped nil can be assigned to the Go type (reflect.Zero exists as nil). */
function canBeNil(typ: string): boolean {
  return (
    typ === "interface {}" ||
    typ === REFLECT_VALUE ||
    typ.startsWith("[]") ||
    typ.startsWith("map[") ||
    typ.startsWith("*") ||
    typ.startsWith("func") ||
    typ.startsWith("chan")
  );
}

/** Go assignability of a concrete value to a parameter type. */
export function assignable(v: Value, typ: string): boolean {
  switch (typeof v) {
    case "string":
      return typ === "string";
    case "number":
      return typ === "float64";
    case "boolean":
      return typ === "bool";
    case "undefined":
      return false;
  }
  if (v === null) return false;
  if (v instanceof GoInt) return v.kind === typ;
  if (v instanceof GoObject) return v.goType() === typ;
  if (v instanceof Uint8Array) return typ === "[]uint8" || typ === "[]byte";
  // A named map or slice type (chartutil.Values) is assignable to its unnamed underlying type.
  if (Array.isArray(v)) return typ === "[]" + elemType(v) || typ === namedType(v);
  if (isMap(v)) return typ === "map[string]" + mapValueType(v) || typ === namedType(v);
  return false;
}

/** Go's validateType: a computed value checked against a parameter type (null type = untyped). */
export function validateType(s: State, v: Value, typ: string | null): Value {
  if (v === undefined) {
    if (typ === null || typ === REFLECT_VALUE) return undefined;
    if (canBeNil(typ)) return null;
    return s.errorf(`invalid value; expected ${typ}`);
  }
  if (typ === null || typ === REFLECT_VALUE || typ === "interface {}") return v;
  if (assignable(v, typ)) return v;
  return s.errorf(`wrong type for value; expected ${typ}; got ${v === null ? "interface {}" : typeOf(v)}`);
}

/** Go's evalArg: evaluates one argument node for a parameter of type `typ`. */
export function evalArg(s: State, dot: Value, typ: string | null, n: Arg): Value {
  s.at(n);
  switch (n.type) {
    case N.Dot:
      return validateType(s, dot, typ);
    case N.Nil:
      if (typ !== null && canBeNil(typ)) return typ === REFLECT_VALUE ? undefined : null;
      return s.errorf(`cannot assign nil to ${typ}`);
    case N.Field:
      return validateType(s, s.evalFieldNode(dot, n, null, MISSING), typ);
    case N.Variable:
      return validateType(s, s.evalVariableNode(dot, n, null, MISSING), typ);
    case N.Pipe:
      return validateType(s, s.evalPipeline(dot, n), typ);
    case N.Identifier:
      return validateType(s, s.evalFunction(dot, n, n, null, MISSING), typ);
    case N.Chain:
      return validateType(s, s.evalChainNode(dot, n, null, MISSING), typ);
  }
  switch (typ) {
    case "bool":
      if (n.type === N.Bool) return n.value;
      return s.errorf(`expected bool; found ${n}`);
    case "string":
      if (n.type === N.String) return n.text;
      return s.errorf(`expected string; found ${n}`);
    case "float64":
    case "float32":
      if (n.type === N.Number && n.isFloat) return n.float64;
      return s.errorf(`expected float; found ${n}`);
    case "interface {}":
    case REFLECT_VALUE:
      switch (n.type) {
        case N.Bool:
          return n.value;
        case N.Number:
          return s.idealConstant(n);
        case N.String:
          return n.text;
      }
  }
  if (typ !== null && INT_KINDS.has(typ)) {
    if (n.type === N.Number && n.isInt) return n.intOf(typ as GoInt["kind"]);
    return s.errorf(`expected integer; found ${n}`);
  }
  if (typ !== null && UINT_KINDS.has(typ)) {
    if (n.type === N.Number && n.isUint) return n.intOf(typ as GoInt["kind"]);
    return s.errorf(`expected unsigned integer; found ${n}`);
  }
  return s.errorf(`can't handle ${n} for arg of type ${typ}`);
}

function errorText(e: unknown): string {
  if (e instanceof Error) return e.message;
  return String(e);
}

/**
 * Calls a function or method. `args` holds the command's words with the
 * function itself first (null when called with no words, as an argument);
 * `final` is the previous pipeline stage's value, passed last.
 */
export function evalCall(
  s: State,
  dot: Value,
  fn: FuncDef,
  isBuiltin: boolean,
  node: Node,
  name: string,
  args: Arg[] | null,
  final: Value | Missing,
): Value {
  // and/or evaluate their arguments lazily and stop at the deciding one.
  if (isBuiltin && (name === "and" || name === "or")) return andOr(s, dot, fn, name, args, final);
  // Arguments are built in a helper so this frame, which stays on the stack
  // while the function runs (include recursion), remains small.
  const argv = buildArgs(s, dot, fn, isBuiltin, name, args, final);
  try {
    const v = fn.fn.apply(null, argv);
    return v === undefined ? null : v;
  } catch (e) {
    // A returned error and a recovered panic read the same way in Go.
    if (e instanceof RangeError && e.message.includes("call stack")) throw e;
    s.at(node);
    return s.errorf(`error calling ${name}: ${e instanceof FuncError ? e.message : errorText(e)}`);
  }
}

function checkCount(s: State, fn: FuncDef, name: string, argc: number, numIn: number): number {
  const params = fn.params;
  if (fn.variadic !== undefined) {
    if (numIn < params.length) s.errorf(`wrong number of args for ${name}: want at least ${params.length} got ${argc}`);
    return params.length;
  }
  if (numIn !== params.length) s.errorf(`wrong number of args for ${name}: want ${params.length} got ${numIn}`);
  return argc;
}

function andOr(s: State, dot: Value, fn: FuncDef, name: string, args: Arg[] | null, final: Value | Missing): Value {
  const argc = args === null ? 0 : args.length - 1;
  checkCount(s, fn, name, argc, final === MISSING ? argc : argc + 1);
  const want = name === "or";
  let v: Value;
  for (let i = 1; i <= argc; i++) {
    v = evalArg(s, dot, REFLECT_VALUE, args![i]);
    if (isTrue(v) === want) return v;
  }
  if (final !== MISSING) v = validateType(s, final, REFLECT_VALUE);
  return v;
}

function buildArgs(
  s: State,
  dot: Value,
  fn: FuncDef,
  isBuiltin: boolean,
  name: string,
  args: Arg[] | null,
  final: Value | Missing,
): Value[] {
  const argc = args === null ? 0 : args.length - 1;
  const numIn = final === MISSING ? argc : argc + 1;
  const numFixed = checkCount(s, fn, name, argc, numIn);
  const params = fn.params;
  const variadic = fn.variadic;
  const argv: Value[] = new Array(numIn);
  let i = 0;
  for (; i < numFixed && i < argc; i++) argv[i] = evalArg(s, dot, params[i], args![i + 1]);
  if (variadic !== undefined) for (; i < argc; i++) argv[i] = evalArg(s, dot, variadic, args![i + 1]);
  if (final !== MISSING) {
    let t: string;
    if (variadic === undefined) t = params[params.length - 1];
    else t = numIn - 1 < numFixed ? params[numIn - 1] : variadic;
    argv[i] = validateType(s, final, t);
  }
  if (isBuiltin && name === "call") argv.unshift(args === null || args.length < 2 ? "" : args[1].toString());
  return argv;
}
