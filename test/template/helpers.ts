// Shared helpers for the template tests: JSON-like data to Go values, and a
// template set wired like helm's engine (include with its recursion guard).
import { TemplateSet } from "../../src/template/index.js";
import { type FuncMap, FuncError, newMap, type Value, withMethods } from "../../src/template/value.js";

/** Plain JSON data as helm's YAML decoding gives it: maps, []interface{}, float64. */
export function goValue(v: unknown): Value {
  if (Array.isArray(v)) return v.map(goValue);
  if (v !== null && typeof v === "object") {
    const m = newMap();
    for (const [k, x] of Object.entries(v)) m[k] = goValue(x);
    return m;
  }
  return v as Value;
}

/** The top-level object helm passes to a template, with `values` as .Values. */
export function helmData(values: unknown): Value {
  const top = withMethods(newMap(), "chartutil.Values", {});
  top.Values = withMethods(goValue(values ?? {}) as Record<string, Value>, "chartutil.Values", {});
  top.Release = goValue({ Name: "rel", Namespace: "ns", IsInstall: true, IsUpgrade: false, Service: "Helm" });
  top.Chart = goValue({ Name: "vec", Version: "0.1.0" });
  return top;
}

/** A set with helm's include (per-name recursion limit 1000) and a string-only toJson. */
export function helmLikeSet(extra: FuncMap = {}): TemplateSet {
  const set = new TemplateSet(extra);
  const included = new Map<string, number>();
  set.setFuncs({
    include: {
      params: ["string", "interface {}"],
      fn: (name: string, data: Value) => {
        const n = included.get(name) ?? 0;
        if (n > 1000) throw new FuncError(`rendering template has a nested reference name: ${name}: unable to execute template`);
        included.set(name, n + 1);
        try {
          return set.execute(name, data);
        } finally {
          included.set(name, n);
        }
      },
    },
    toJson: { params: ["interface {}"], fn: (v: Value) => JSON.stringify(v) },
  });
  return set;
}
