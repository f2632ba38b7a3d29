// Sprig's strval and strslice: how a value becomes a string (toString, join,
// dict keys, sortAlpha) and how any list becomes a []string (toStrings).
import { formatAny } from "../template/fmt.js";
import { kindOf } from "../template/reflect.js";
import { elemType, setElemType, type Value } from "../template/value.js";
import { isListKind, listItems } from "./types-go.js";
import { utf8String } from "./strings-unicode.js";

/** strval: strings as they are, []byte decoded, error/Stringer methods, else %v. */
export function strval(v: Value): string {
  if (typeof v === "string") return v;
  if (v instanceof Uint8Array) return utf8String(v);
  return formatAny(v);
}

/** strslice: a []string from a list (nil elements dropped) or from one value. */
export function strslice(v: Value): string[] {
  if (Array.isArray(v) && elemType(v) === "string") return v as string[];
  if (v === null || v === undefined) return setElemType([], "string");
  if (isListKind(kindOf(v))) {
    const out: string[] = [];
    for (const x of listItems(v)) if (x !== null && x !== undefined) out.push(strval(x));
    return setElemType(out, "string");
  }
  return setElemType([strval(v)], "string");
}
