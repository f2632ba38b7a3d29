// The Go value model shared by the template engine and the function library.
//
// Helm hands templates Go values (map[string]interface{}, []interface{},
// float64 from YAML, int64 from --set, structs such as .Release). Printing,
// comparison and function-argument checks all depend on the Go type, so every
// value carries enough information to recover it:
//
//   Go                         JS
//   nil / missing              null or undefined
//   bool                       boolean
//   string                     string
//   float64                    number          (every YAML/JSON number is float64)
//   int, int64, uint8, ...     GoInt           (exact: bigint, plus the Go kind)
//   map[string]interface{}     GoMap: a plain object with a null prototype
//   []interface{}              Array
//   []string, []int, ...       Array tagged with setElemType(arr, "string")
//   []byte                     Uint8Array
//   struct / pointer / other   an object extending GoObject (fields + methods)
//
// Maps always have a null prototype so that keys like "__proto__" are ordinary
// keys and can never reach Object.prototype. Build them with newMap().

export type IntKind =
  | "int"
  | "int8"
  | "int16"
  | "int32"
  | "int64"
  | "uint"
  | "uint8"
  | "uint16"
  | "uint32"
  | "uint64";

/** A Go integer of a given kind. Immutable. */
export class GoInt {
  constructor(
    readonly v: bigint,
    readonly kind: IntKind = "int",
  ) {}
  toString(): string {
    return this.v.toString();
  }
  /** As a JS number (exact below 2^53). */
  num(): number {
    return Number(this.v);
  }
}

export function goInt(n: number | bigint, kind: IntKind = "int"): GoInt {
  return new GoInt(typeof n === "bigint" ? n : BigInt(Math.trunc(n)), kind);
}

export type GoMap = { [key: string]: Value };

/** Anything a template can see. */
export type Value =
  | null
  | undefined
  | boolean
  | string
  | number
  | GoInt
  | GoMap
  | Value[]
  | Uint8Array
  | GoObject;

/**
 * A Go struct, pointer or other named type: fields and methods are looked up
 * by their exported Go names (".Release.Name", ".Capabilities.APIVersions.Has").
 */
export abstract class GoObject {
  /** The Go type as %T / typeOf prints it, e.g. "*chart.Metadata". */
  abstract goType(): string;
  /** The reflect.Kind name, as kindOf prints it: "struct", "ptr", ... */
  goKind(): string {
    return this.goType().startsWith("*") ? "ptr" : "struct";
  }
  /** A field's value, or undefined when the type has no such field. */
  field(_name: string): Value | undefined {
    return undefined;
  }
  /** True when the type has the field (its value may still be nil). */
  hasField(_name: string): boolean {
    return false;
  }
  /** A method, or undefined. Methods are called like functions. */
  method(_name: string): FuncDef | undefined {
    return undefined;
  }
  /** Field names in declaration order, for %v / %+v printing. */
  fieldNames(): string[] {
    return [];
  }
  /** fmt.Stringer: when defined, %v and %s print this. */
  goString?(): string;
  /** error interface: when defined, %v and %s print this. */
  goError?(): string;
  /**
   * Set when a struct's String/Error methods have pointer receivers (as
   * chartutil.KubeVersion's): `{{ .x }}` uses them, but print/printf/html of
   * the struct value do not, as in Go.
   */
  goPointerMethods?: boolean;
  /**
   * What encoding/json marshals for this value (a MarshalJSON method or json
   * struct tags). When absent, toJson/toYaml use fieldNames() and field().
   */
  goJson?(): Value;
}

const ELEM = Symbol.for("chartroom.goElemType");
const MAPTYPE = Symbol.for("chartroom.goMapType");

/** Marks an array as []T for a T other than interface{} (e.g. "string"). */
export function setElemType<T extends Value[]>(arr: T, elem: string): T {
  Object.defineProperty(arr, ELEM, { value: elem, enumerable: false });
  return arr;
}

/** The element type of a slice: "interface {}" unless tagged. */
export function elemType(arr: Value[]): string {
  return (arr as unknown as Record<symbol, string>)[ELEM] ?? "interface {}";
}

/** Marks a map as map[string]T for a T other than interface{}. */
export function setMapValueType<T extends GoMap>(m: T, elem: string): T {
  Object.defineProperty(m, MAPTYPE, { value: elem, enumerable: false });
  return m;
}

export function mapValueType(m: GoMap): string {
  return (m as unknown as Record<symbol, string>)[MAPTYPE] ?? "interface {}";
}

const METHODS = Symbol.for("chartroom.goMethods");
const NAMED = Symbol.for("chartroom.goNamedType");

/**
 * Gives a map or slice a Go named type with methods, as helm's `.Files`
 * (engine.files, a map[string][]byte with Get/Glob/...) and
 * `.Capabilities.APIVersions` (chartutil.VersionSet, a []string with Has).
 * It still ranges, indexes and prints as a map or slice; `.Files.Get` finds
 * the method first, as Go's field evaluation does.
 */
export function withMethods<T extends GoMap | Value[]>(v: T, typeName: string, methods: Record<string, FuncDef>): T {
  Object.defineProperty(v, METHODS, { value: methods, enumerable: false });
  Object.defineProperty(v, NAMED, { value: typeName, enumerable: false });
  return v;
}

/** The methods attached by withMethods, if any. */
export function methodsOf(v: object): Record<string, FuncDef> | undefined {
  return (v as Record<symbol, Record<string, FuncDef> | undefined>)[METHODS];
}

/** The Go named type attached by withMethods (e.g. "engine.files"), if any. */
export function namedType(v: object): string | undefined {
  return (v as Record<symbol, string | undefined>)[NAMED];
}

export function newMap(): GoMap {
  return Object.create(null) as GoMap;
}

export function isMap(v: unknown): v is GoMap {
  return typeof v === "object" && v !== null && Object.getPrototypeOf(v) === null;
}

export function isNil(v: unknown): v is null | undefined {
  return v === null || v === undefined;
}

/** A function as the template engine sees it: a Go signature plus an implementation. */
export interface FuncDef {
  /**
   * Go parameter types, exactly as in the Go signature, e.g. ["string", "interface {}"].
   * The engine converts constant arguments to these types and rejects
   * non-assignable values with Go's "wrong type for value; expected X; got Y".
   * Recognised: "interface {}", "string", "bool", "int", "int64", "float64",
   * "uint8", "[]interface {}", "[]string", "map[string]interface {}", and any
   * other Go type name, which accepts only values whose typeOf is that name.
   */
  params: string[];
  /** Type of the trailing variadic parameter (Go "...T"), if any. */
  variadic?: string;
  /**
   * The implementation. Arguments arrive already converted. Throw FuncError
   * for a Go function's returned error; the engine reports it as
   * `error calling NAME: MESSAGE`.
   */
  fn: (...args: any[]) => Value;
}

export type FuncMap = Record<string, FuncDef>;

/** A Go function's returned error (the engine adds "error calling NAME: "). */
export class FuncError extends Error {
  override name = "FuncError";
}
