// helm's ProcessDependenciesWithMerge: aliases, `condition` and `tags`
// (disabled subcharts removed), then `import-values` copied from children
// into their parents. Works on a copy of the chart tree and returns it.
import { type Chart, chartName, type Dependency, setDependencies } from "../chart/model.js";
import { isCompatibleRange } from "../chart/semver.js";
import { type GoMap, isMap, newMap, type Value } from "../template/value.js";
import { coalesceTables, coalesceValues, deepCopy, mergeChartValues, mergeTables, type WarnFn } from "./coalesce.js";
import { pathValue, table, tableLookup } from "./path.js";

const noWarn: WarnFn = () => {};

/** A copy of the chart tree whose metadata and lists can be changed freely. */
export function cloneChartTree(chart: Chart, parent?: Chart): Chart {
  const c: Chart = {
    ...chart,
    metadata: {
      ...chart.metadata,
      dependencies: chart.metadata.dependencies.map((d) => (d ? { ...d, tags: [...d.tags], importValues: [...d.importValues] } : d)),
    },
    templates: [...chart.templates],
    files: [...chart.files],
    raw: [...chart.raw],
    dependencies: [],
    parent,
  };
  c.dependencies = chart.dependencies.map((d) => cloneChartTree(d, c));
  return c;
}

function cloneForAlias(c: Chart, alias: string): Chart {
  const copy = cloneChartTree(c, c.parent);
  if (alias !== "") copy.metadata.name = alias;
  return copy;
}

function getAliasDependency(charts: Chart[], dep: Dependency): Chart | undefined {
  for (const c of charts) {
    if (chartName(c) !== dep.name) continue;
    if (!isCompatibleRange(dep.version, c.metadata.version)) continue;
    return cloneForAlias(c, dep.alias);
  }
  return undefined;
}

function processConditions(reqs: Dependency[], cvals: GoMap, cpath: string, warn: WarnFn): void {
  for (const r of reqs) {
    for (const c of r.condition.trim().split(",")) {
      if (c.length === 0) continue;
      const found = pathValue(cvals, cpath + c);
      if (!found.ok) continue;
      if (typeof found.value === "boolean") {
        r.enabled = found.value;
        break;
      }
      warn(`dependencies.go:63: Warning: Condition path '${c}' for chart ${r.name} returned non-bool value`);
    }
  }
}

function processTags(reqs: Dependency[], cvals: GoMap, warn: WarnFn): void {
  const vt = table(cvals, "tags");
  if (!vt) return;
  for (const r of reqs) {
    let hasTrue = false;
    let hasFalse = false;
    for (const k of r.tags) {
      if (!Object.hasOwn(vt, k)) continue;
      const b = vt[k];
      if (typeof b === "boolean") {
        if (b) hasTrue = true;
        else hasFalse = true;
      } else warn(`dependencies.go:94: Warning: Tag '${k}' for chart ${r.name} returned non-bool value`);
    }
    if (!hasTrue && hasFalse) r.enabled = false;
    else r.enabled = true;
  }
}

function processEnabled(c: Chart, v: GoMap, path: string, warn: WarnFn): void {
  const reqs = c.metadata.dependencies.filter((d): d is Dependency => d !== null);
  if (c.metadata.dependencies.length === 0) return;
  const kept: Chart[] = [];
  for (const existing of c.dependencies) {
    const matched = reqs.some((r) => chartName(existing) === r.name && isCompatibleRange(r.version, existing.metadata.version));
    if (!matched) kept.push(existing);
  }
  for (const req of reqs) {
    const aliased = getAliasDependency(c.dependencies, req);
    if (aliased) kept.push(aliased);
    if (req.alias !== "") req.name = req.alias;
  }
  setDependencies(c, kept);
  for (const r of reqs) r.enabled = true;
  const cvals = coalesceValues(c, v, warn);
  processTags(reqs, cvals, warn);
  processConditions(reqs, cvals, path, warn);
  const rm = new Set(reqs.filter((r) => !r.enabled).map((r) => r.name));
  const cd = c.dependencies.filter((d) => !rm.has(chartName(d)));
  const cdMetadata = c.metadata.dependencies.filter((d) => d === null || !rm.has(d.name));
  for (const t of cd) processEnabled(t, cvals, `${path}${chartName(t)}.`, warn);
  c.metadata.dependencies = cdMetadata;
  setDependencies(c, cd);
}

function pathToMap(path: string, data: GoMap): GoMap {
  if (path === ".") return data;
  let cur: GoMap = data;
  const parts = path.split(".");
  for (let i = parts.length - 1; i >= 0; i--) {
    const m = newMap();
    m[parts[i] as string] = cur;
    cur = m;
  }
  return cur;
}

function trimNilValues(vals: GoMap): GoMap {
  const out = deepCopy(vals);
  const walk = (m: GoMap) => {
    for (const k of Object.keys(m)) {
      const v = m[k];
      if (v === null || v === undefined) delete m[k];
      else if (isMap(v)) walk(v);
    }
  };
  walk(out);
  return out;
}

function processImportValues(c: Chart, merge: boolean, warn: WarnFn): void {
  if (c.metadata.dependencies.length === 0) return;
  let cvals = merge ? mergeChartValues(c, null, warn) : coalesceValues(c, null, warn);
  let b = newMap();
  for (const r of c.metadata.dependencies) {
    if (!r) continue;
    const out: Value[] = [];
    for (const iv of r.importValues) {
      let child: string;
      let parent: string;
      if (isMap(iv)) {
        child = typeof iv.child === "string" ? iv.child : "";
        parent = typeof iv.parent === "string" ? iv.parent : "";
      } else if (typeof iv === "string") {
        child = `exports.${iv}`;
        parent = ".";
      } else continue;
      const entry = newMap();
      entry.child = child;
      entry.parent = parent;
      out.push(entry);
      const found = tableLookup(cvals, `${r.name}.${child}`);
      if (!("table" in found)) {
        const why = `${JSON.stringify(found.missing)} is not a table`;
        warn(
          isMap(iv)
            ? `dependencies.go:269: Warning: ImportValues missing table from chart ${r.name}: ${why}`
            : `dependencies.go:286: Warning: ImportValues missing table: ${why}`,
        );
        continue;
      }
      const vv = found.table;
      const src = isMap(iv) ? pathToMap(parent, vv) : vv;
      b = merge ? mergeTables(b, src, warn) : coalesceTables(b, src, warn);
    }
    r.importValues = out;
  }
  if (merge) {
    cvals = deepCopy(cvals);
    c.values = mergeTables(cvals, b, warn);
  } else {
    c.values = coalesceTables(trimNilValues(cvals), b, warn);
  }
}

function processImportValuesTree(c: Chart, merge: boolean, warn: WarnFn): void {
  for (const d of c.dependencies) processImportValuesTree(d, merge, warn);
  processImportValues(c, merge, warn);
}

/**
 * helm's ProcessDependenciesWithMerge (what install/template use). Returns a
 * processed copy of the chart tree; the given chart is left untouched.
 */
export function processDependencies(chart: Chart, values: GoMap, opts: { merge?: boolean; warn?: WarnFn } = {}): Chart {
  const warn = opts.warn ?? noWarn;
  const c = cloneChartTree(chart, chart.parent);
  processEnabled(c, values, "", warn);
  processImportValuesTree(c, opts.merge ?? true, warn);
  return c;
}

/** helm's CheckDependencies: declared dependencies missing from charts/. */
export function missingDependencies(chart: Chart): string[] {
  const missing: string[] = [];
  for (const r of chart.metadata.dependencies) {
    if (!r) continue;
    if (!chart.dependencies.some((d) => chartName(d) === r.name)) missing.push(r.name);
  }
  return missing;
}
