// dario.cat/mergo v1.0.1 as Sprig's merge/mergeOverwrite call it on two
// map[string]interface{}: what it does to nested maps, nil and empty values,
// and slices, worked out from its reflection code and checked against helm.
import { isEmpty } from "../template/reflect.js";
import { type GoMap, isMap, type Value } from "../template/value.js";

const isSlice = (v: Value) => Array.isArray(v) || v instanceof Uint8Array;

/**
 * Merges src into dst in place. Without overwrite a key is taken from src
 * only when dst lacks it or holds an empty value (nil, "", 0, false, empty
 * map or list); with overwrite every non-nil src value wins and a nil one
 * sets nil. Maps on both sides merge key by key; slices are never merged.
 * Values are shared, not copied.
 */
export function mergeInto(dst: GoMap, src: GoMap, overwrite: boolean): void {
  for (const key of Object.keys(src)) {
    const sv = src[key];
    if (sv === null || sv === undefined) {
      if (overwrite) dst[key] = null;
      continue;
    }
    // With overwrite a source list always replaces, even an empty one.
    if (overwrite && isSlice(sv)) {
      dst[key] = sv;
      continue;
    }
    const has = key in dst;
    const dv = dst[key];
    const bothMaps = isMap(sv) && isMap(dv);
    if (bothMaps) mergeInto(dv as GoMap, sv as GoMap, overwrite);
    // A non-empty destination list, or a destination map that was merged into, stays.
    if (has && !isEmpty(dst[key]) && (isSlice(sv) || bothMaps)) continue;
    if (overwrite || !has || isEmpty(dv)) dst[key] = sv;
  }
}
