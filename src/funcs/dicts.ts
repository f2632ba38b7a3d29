// Sprig's dict functions over map[string]interface{} (null-prototype maps,
// so "__proto__" is an ordinary key). Go ranges maps in random order; keys,
// values and pluck use sorted key order here so output is reproducible.
import { sortedKeys, typeOf } from "../template/reflect.js";
import {
  elemType,
  type FuncDef,
  type FuncMap,
  type GoMap,
  isMap,
  mapValueType,
  methodsOf,
  namedType,
  newMap,
  setElemType,
  setMapValueType,
  type Value,
  withMethods,
} from "../template/value.js";
import { mergeInto } from "./dicts-merge.js";
import { strval } from "./strings-strval.js";
import { assertionPanic, goPanic } from "./types-go.js";

const MAP = "map[string]interface {}";
const ANY = "interface {}";
const S = "string";

type Dict = GoMap | null | undefined;

const def = (params: string[], fn: FuncDef["fn"], variadic?: string): FuncDef =>
  variadic ? { params, variadic, fn } : { params, fn };

function dict(...kv: Value[]): GoMap {
  const m = newMap();
  for (let i = 0; i < kv.length; i += 2) m[strval(kv[i])] = i + 1 < kv.length ? kv[i + 1] : "";
  return m;
}

function pick(d: Dict, ...keys: string[]): GoMap {
  const out = newMap();
  if (d) for (const k of keys) if (k in d) out[k] = d[k];
  return out;
}

function omit(d: Dict, ...keys: string[]): GoMap {
  const out = newMap();
  const drop = new Set(keys);
  if (d) for (const k of Object.keys(d)) if (!drop.has(k)) out[k] = d[k];
  return out;
}

function merger(overwrite: boolean) {
  return def(
    [MAP],
    (dst: Dict, ...srcs: Dict[]) => {
      // mergo gives a nil destination a fresh map once a source is non-nil.
      let out: GoMap | undefined = dst ?? undefined;
      for (const src of srcs) {
        if (!src) continue;
        out ??= newMap();
        mergeInto(out, src, overwrite);
      }
      return out ?? newMap();
    },
    MAP,
  );
}

/** copystructure.Copy: maps and slices are copied deeply, keeping their Go types. */
function deepCopy(v: Value): Value {
  if (v === null || v === undefined) goPanic("reflect: call of reflect.Value.Type on zero Value");
  return copyValue(v);
}

function copyValue(v: Value): Value {
  if (v instanceof Uint8Array) return v.slice();
  if (Array.isArray(v)) {
    const out = v.map(copyValue);
    if (elemType(v) !== ANY) setElemType(out, elemType(v));
    return keepNamed(v, out);
  }
  if (isMap(v)) {
    const out = newMap();
    for (const k of Object.keys(v)) out[k] = copyValue(v[k]);
    if (mapValueType(v) !== ANY) setMapValueType(out, mapValueType(v));
    return keepNamed(v, out);
  }
  return v;
}

function keepNamed<T extends GoMap | Value[]>(from: T, to: T): T {
  const name = namedType(from);
  return name ? withMethods(to, name, methodsOf(from) ?? {}) : to;
}

/** dig: walk nested map[string]interface{} by keys, with a default for a missing key. */
function dig(...ps: Value[]): Value {
  if (ps.length < 3) goPanic("dig needs at least three arguments");
  let d = ps[ps.length - 1];
  if (typeOf(d) !== MAP) assertionPanic(d, MAP);
  const dflt = ps[ps.length - 2];
  const keys = ps.slice(0, -2).map((k) => (typeof k === "string" ? k : assertionPanic(k, S)));
  for (let i = 0; ; i++) {
    const m = d as GoMap;
    if (!(keys[i] in m)) return dflt;
    const step = m[keys[i]];
    if (i === keys.length - 1) return step;
    if (typeOf(step) !== MAP) assertionPanic(step, MAP);
    d = step;
  }
}

export const dictsFuncs: FuncMap = {
  dict: def([], dict, ANY),
  get: def([MAP, S], (d: Dict, k: string) => (d && k in d ? d[k] : "")),
  set: def([MAP, S, ANY], (d: Dict, k: string, v: Value) => {
    if (!d) goPanic("assignment to entry in nil map");
    d[k] = v;
    return d;
  }),
  unset: def([MAP, S], (d: Dict, k: string) => {
    if (!d) return newMap();
    delete d[k];
    return d;
  }),
  hasKey: def([MAP, S], (d: Dict, k: string) => !!d && k in d),
  pluck: def(
    [S],
    (k: string, ...ds: Dict[]) => ds.filter((d): d is GoMap => !!d && k in d).map((d) => d[k]),
    MAP,
  ),
  keys: def([], (...ds: Dict[]) => setElemType(ds.flatMap((d) => (d ? sortedKeys(d) : [])), S), MAP),
  values: def([MAP], (d: Dict) => (d ? sortedKeys(d).map((k) => d[k]) : [])),
  pick: def([MAP], pick, S),
  omit: def([MAP], omit, S),
  merge: merger(false),
  mustMerge: merger(false),
  mergeOverwrite: merger(true),
  mustMergeOverwrite: merger(true),
  deepCopy: def([ANY], deepCopy),
  mustDeepCopy: def([ANY], deepCopy),
  dig: def([], dig, ANY),
};

