// Go reflection over the value model: type and kind names, template truth,
// Sprig's empty, reflect.DeepEqual, and the basic kinds eq/lt compare by.

import { elemType, GoInt, GoObject, isMap, mapValueType, namedType, type GoMap, type Value } from "./value.js";

/** reflect.TypeOf(v).String(), as %T and Sprig's typeOf print it. */
export function typeOf(v: Value): string {
  switch (typeof v) {
    case "string":
      return "string";
    case "number":
      return "float64";
    case "boolean":
      return "bool";
    case "undefined":
      return "<nil>";
  }
  if (v === null) return "<nil>";
  if (v instanceof GoInt) return v.kind;
  if (v instanceof GoObject) return v.goType();
  if (v instanceof Uint8Array) return "[]uint8";
  if (Array.isArray(v)) return namedType(v) ?? "[]" + elemType(v);
  return namedType(v) ?? "map[string]" + mapValueType(v);
}

/** reflect.Kind name, as Sprig's kindOf prints it ("invalid" for nil). */
export function kindOf(v: Value): string {
  switch (typeof v) {
    case "string":
      return "string";
    case "number":
      return "float64";
    case "boolean":
      return "bool";
    case "undefined":
      return "invalid";
  }
  if (v === null) return "invalid";
  if (v instanceof GoInt) return v.kind;
  if (v instanceof GoObject) return v.goKind();
  if (v instanceof Uint8Array || Array.isArray(v)) return "slice";
  return "map";
}

/**
 * The value behind a GoObject of a named non-struct type (time.Month is an
 * int, a named map is a map), as its goJson gives it; anything else as is.
 */
export function underlying(v: Value): Value {
  if (v instanceof GoObject && v.goJson) {
    const k = v.goKind();
    if (k !== "struct" && k !== "ptr") return v.goJson();
  }
  return v;
}

/** text/template truth: false, 0, "", nil and empty collections are false; structs are true. */
export function isTrue(v: Value): boolean {
  switch (typeof v) {
    case "string":
      return v.length > 0;
    case "number":
      return v !== 0;
    case "boolean":
      return v;
    case "undefined":
      return false;
  }
  if (v === null) return false;
  if (v instanceof GoInt) return v.v !== 0n;
  if (v instanceof GoObject) {
    const u = underlying(v);
    return u === v || isTrue(u);
  }
  if (v instanceof Uint8Array || Array.isArray(v)) return v.length > 0;
  for (const _ in v) return true;
  return false;
}

/** Sprig's empty: the negation of template truth (a non-nil pointer is not empty). */
export function isEmpty(v: Value): boolean {
  return !isTrue(v);
}

export type BasicKind = "bool" | "int" | "uint" | "float" | "complex" | "string" | "invalid";

/**
 * text/template's basicKind: how eq/lt classify an operand; "invalid" is not
 * comparable. A named non-struct GoObject (time.Month) classifies as itself
 * here: pass underlying(v) to compare it as Go does.
 */
export function basicKind(v: Value): BasicKind {
  switch (typeof v) {
    case "string":
      return "string";
    case "number":
      return "float";
    case "boolean":
      return "bool";
  }
  if (v instanceof GoInt) return v.kind.startsWith("u") ? "uint" : "int";
  return "invalid";
}

/** reflect.DeepEqual: identical Go types and deeply equal contents. */
export function deepEqual(a: Value, b: Value): boolean {
  if (a === null || a === undefined || b === null || b === undefined) {
    return (a === null || a === undefined) && (b === null || b === undefined);
  }
  if (a === b) return typeof a !== "number" || !Number.isNaN(a);
  if (typeOf(a) !== typeOf(b)) return false;
  if (typeof a !== "object") return false;
  if (a instanceof GoInt) return a.v === (b as GoInt).v;
  if (a instanceof Uint8Array) {
    const bb = b as Uint8Array;
    if (a.length !== bb.length) return false;
    for (let i = 0; i < a.length; i++) if (a[i] !== bb[i]) return false;
    return true;
  }
  if (Array.isArray(a)) {
    const bb = b as Value[];
    if (a.length !== bb.length) return false;
    for (let i = 0; i < a.length; i++) if (!deepEqual(a[i], bb[i])) return false;
    return true;
  }
  if (a instanceof GoObject) {
    const ua = underlying(a);
    if (ua !== a) return deepEqual(ua, underlying(b));
    const bo = b as GoObject;
    for (const name of a.fieldNames()) if (!deepEqual(a.field(name), bo.field(name))) return false;
    return true;
  }
  if (isMap(a)) {
    const bm = b as GoMap;
    const ka = Object.keys(a);
    if (ka.length !== Object.keys(bm).length) return false;
    for (const k of ka) if (!(k in bm) || !deepEqual(a[k], bm[k])) return false;
    return true;
  }
  return false;
}

/** Go orders strings by UTF-8 bytes; JS compares UTF-16 units, which differ only above U+FFFF. */
export function compareGoStrings(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // A surrogate (U+10000 and up in UTF-8) sorts after U+E000..U+FFFF.
    const xs = x >= 0xd800 && x <= 0xdfff;
    const ys = y >= 0xd800 && y <= 0xdfff;
    if (xs !== ys && (x >= 0xe000 || y >= 0xe000)) return xs ? 1 : -1;
    return x - y;
  }
  return a.length - b.length;
}

/** A map's keys in the order Go's fmt and range visit them. */
export function sortedKeys(m: GoMap): string[] {
  const keys = Object.keys(m);
  let plain = true;
  for (const k of keys) {
    if (/[\ud800-\udfff]/.test(k)) {
      plain = false;
      break;
    }
  }
  return plain ? keys.sort() : keys.sort(compareGoStrings);
}
