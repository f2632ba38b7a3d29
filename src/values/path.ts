// helm's Values.Table and Values.PathValue: dotted paths into nested maps.
import { type GoMap, isMap, type Value } from "../template/value.js";

/** The map at a dotted path, or the first key that is missing or not a map (helm's ErrNoTable). */
export function tableLookup(values: GoMap, path: string): { table: GoMap } | { missing: string } {
  let cur: GoMap = values;
  for (const part of path.split(".")) {
    if (!Object.hasOwn(cur, part)) return { missing: part };
    const next = cur[part];
    if (!isMap(next)) return { missing: part };
    cur = next;
  }
  return { table: cur };
}

/** The map at a dotted path, or undefined when a step is missing or not a map. */
export function table(values: GoMap, path: string): GoMap | undefined {
  const r = tableLookup(values, path);
  return "table" in r ? r.table : undefined;
}

/** A non-map value at a dotted path ({ok: false} when absent or a map). */
export function pathValue(values: GoMap, path: string): { ok: true; value: Value } | { ok: false } {
  if (path === "") return { ok: false };
  const parts = path.split(".");
  const key = parts.pop() as string;
  const t = parts.length === 0 ? values : table(values, parts.join("."));
  if (!t || !Object.hasOwn(t, key) || isMap(t[key])) return { ok: false };
  return { ok: true, value: t[key] };
}
