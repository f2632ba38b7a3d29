// helm's chartutil coalescing: user values over chart defaults, parent
// values over a subchart's, `global` copied down to every subchart.
//
// Two modes, as in helm. Coalesce (CoalesceValues): a null in the
// higher-priority map deletes the key. Merge (MergeValues, used while
// processing import-values): nulls are kept as values.
import { type Chart, chartName } from "../chart/model.js";
import { type GoMap, isMap, newMap, type Value } from "../template/value.js";
import { goFormatT, goFormatV } from "./gotype.js";

export const GLOBAL_KEY = "global";

/**
 * Helm logs these with log.Printf (file:line prefix included here, so that
 * printing them to stderr reads exactly as helm's output); callers decide.
 */
export type WarnFn = (msg: string) => void;
const noWarn: WarnFn = () => {};

/** A values tree that cannot be coalesced (e.g. a scalar where a subchart needs a map). */
export class CoalesceError extends Error {
  override name = "CoalesceError";
  readonly userFacing = true;
}

/** Deep copy of maps and slices (copystructure.Copy). */
export function deepCopy<T extends Value>(v: T): T {
  if (Array.isArray(v)) return v.map((x) => deepCopy(x)) as T;
  if (isMap(v)) {
    const out = newMap();
    for (const k of Object.keys(v)) out[k] = deepCopy(v[k]);
    return out as T;
  }
  return v;
}

function concatPrefix(a: string, b: string): string {
  return a === "" ? b : `${a}.${b}`;
}

function has(m: GoMap, k: string): boolean {
  return Object.hasOwn(m, k);
}

function isNilValue(v: Value): boolean {
  return v === null || v === undefined;
}

/** helm's CoalesceValues: chart defaults (and subcharts') under the given values. */
export function coalesceValues(chart: Chart, values: GoMap | null | undefined, warn: WarnFn = noWarn): GoMap {
  const copy = values ? deepCopy(values) : newMap();
  return coalesce(warn, chart, copy, "", false);
}

/** helm's MergeValues: like coalesceValues but nulls are kept. */
export function mergeChartValues(chart: Chart, values: GoMap | null | undefined, warn: WarnFn = noWarn): GoMap {
  const copy = values ? deepCopy(values) : newMap();
  return coalesce(warn, chart, copy, "", true);
}

function coalesce(warn: WarnFn, ch: Chart, dest: GoMap, prefix: string, merge: boolean): GoMap {
  coalesceChartValues(warn, ch, dest, prefix, merge);
  return coalesceDeps(warn, ch, dest, prefix, merge);
}

function coalesceDeps(warn: WarnFn, chart: Chart, dest: GoMap, prefix: string, merge: boolean): GoMap {
  for (const sub of chart.dependencies) {
    const name = chartName(sub);
    if (!has(dest, name)) dest[name] = newMap();
    else if (!isMap(dest[name])) throw new CoalesceError(`type mismatch on ${name}: ${goFormatT(dest[name])}`);
    const dv = dest[name] as GoMap;
    const subPrefix = concatPrefix(prefix, chart.metadata.name);
    coalesceGlobals(warn, dv, dest, subPrefix);
    dest[name] = coalesce(warn, sub, dv, subPrefix, merge);
  }
  return dest;
}

/** Copies the parent's globals into the subchart's, the subchart's own winning for scalars. */
function coalesceGlobals(warn: WarnFn, dest: GoMap, src: GoMap, prefix: string): void {
  let dg: GoMap;
  let sg: GoMap;
  if (!has(dest, GLOBAL_KEY)) dg = newMap();
  else if (isMap(dest[GLOBAL_KEY])) dg = dest[GLOBAL_KEY];
  else {
    warn(`coalesce.go:138: warning: skipping globals because destination ${GLOBAL_KEY} is not a table.`);
    return;
  }
  if (!has(src, GLOBAL_KEY)) sg = newMap();
  else if (isMap(src[GLOBAL_KEY])) sg = src[GLOBAL_KEY];
  else {
    warn(`coalesce.go:145: warning: skipping globals because source ${GLOBAL_KEY} is not a table.`);
    return;
  }
  for (const key of Object.keys(sg)) {
    const val = sg[key];
    if (isMap(val)) {
      const vv = newMap();
      for (const k of Object.keys(val)) vv[k] = val[k];
      if (!has(dg, key)) dg[key] = vv;
      else {
        const destv = dg[key];
        if (!isMap(destv)) warn(`coalesce.go:161: Conflict: cannot merge map onto non-map for ${JSON.stringify(key)}. Skipping.`);
        else {
          coalesceTablesFullKey(warn, vv, destv, concatPrefix(prefix, key), true);
          dg[key] = vv;
        }
      }
    } else if (has(dg, key) && isMap(dg[key])) {
      warn(`coalesce.go:175: key ${key} is table. Skipping`);
    } else {
      dg[key] = val;
    }
  }
  dest[GLOBAL_KEY] = dg;
}

function coalesceChartValues(warn: WarnFn, c: Chart, v: GoMap, prefix: string, merge: boolean): void {
  const subPrefix = concatPrefix(prefix, c.metadata.name);
  const vc = deepCopy(c.values ?? newMap());
  for (const key of Object.keys(vc)) {
    const val = vc[key];
    if (has(v, key)) {
      const value = v[key];
      if (isNilValue(value) && !merge) {
        delete v[key];
      } else if (isMap(value)) {
        if (!isMap(val)) {
          if (!isNilValue(val)) warn(`coalesce.go:237: warning: skipped value for ${subPrefix}.${key}: Not a table.`);
        } else {
          // A subchart's section always merges, so its own nulls survive to its turn.
          const m = c.dependencies.some((d) => chartName(d) === key) || merge;
          coalesceTablesFullKey(warn, value, val, concatPrefix(subPrefix, key), m);
        }
      }
    } else {
      v[key] = val;
    }
  }
}

function coalesceTablesFullKey(warn: WarnFn, dst: GoMap, src: GoMap, prefix: string, merge: boolean): GoMap {
  for (const key of Object.keys(src)) {
    const val = src[key];
    const fullkey = concatPrefix(prefix, key);
    const ok = has(dst, key);
    const dv = dst[key];
    if (ok && !merge && isNilValue(dv)) delete dst[key];
    else if (!ok) dst[key] = val;
    else if (isMap(val)) {
      if (isMap(dv)) coalesceTablesFullKey(warn, dv, val, fullkey, merge);
      else warn(`coalesce.go:298: warning: cannot overwrite table with non table for ${fullkey} (${goFormatV(val)})`);
    } else if (isMap(dv) && !isNilValue(val)) {
      warn(`coalesce.go:301: warning: destination for ${fullkey} is a table. Ignoring non-table value (${goFormatV(val)})`);
    }
  }
  return dst;
}

/** helm's CoalesceTables: src under dst, nulls in dst delete. */
export function coalesceTables(dst: GoMap | null | undefined, src: GoMap | null | undefined, warn: WarnFn = noWarn): GoMap {
  if (!src) return dst ?? newMap();
  if (!dst) return src;
  return coalesceTablesFullKey(warn, dst, src, "", false);
}

/** helm's MergeTables: src under dst, nulls kept. */
export function mergeTables(dst: GoMap | null | undefined, src: GoMap | null | undefined, warn: WarnFn = noWarn): GoMap {
  if (!src) return dst ?? newMap();
  if (!dst) return src;
  return coalesceTablesFullKey(warn, dst, src, "", true);
}
