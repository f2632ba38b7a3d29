// helm's engine.Render: every template of the chart tree parsed into one set
// (so charts share defines), then each non-partial file executed with the
// values scoped to its chart. Errors are reshaped as helm reshapes them.
import { keySizesFor, startKeyPool, stopKeyPool } from "../funcs/crypto-pool.js";
import { baseFuncs } from "../funcs/index.js";
import { quoteGo } from "../template/strconv.js";
import { helmErrorMessage, TemplateSet, warnWrap } from "../template/index.js";
import { type FuncDef, type FuncMap, FuncError, type GoMap, isMap, newMap, type Value, withMethods } from "../template/value.js";
import type { Chart } from "../chart/index.js";
import { chartFullPath } from "../chart/index.js";
import { ChartObject } from "./chart-object.js";
import { makeFiles } from "./files.js";

export class RenderError extends Error {
  override name = "RenderError";
  readonly userFacing = true;
}

/** Reads the cluster for `lookup`; offline rendering returns empty maps, as helm template does. */
export type LookupFn = (apiVersion: string, kind: string, namespace: string, name: string) => GoMap;

export interface EngineOptions {
  /** missingkey=error instead of zero (helm's Engine.Strict). */
  strict?: boolean;
  /** lint mode: `required` and `fail` only log. */
  lintMode?: boolean;
  lookup?: LookupFn;
  /** Receives lint-mode messages, worded as helm logs them (file:line prefix included). */
  log?: (msg: string) => void;
}

interface Renderable {
  tpl: string;
  vals: GoMap;
  basePath: string;
}

const recursionMax = 1000;

/** Renders every template of the chart tree; returns rendered text by template path. */
export function renderTemplates(chart: Chart, top: GoMap, opts: EngineOptions = {}): Map<string, string> {
  const templates = new Map<string, Renderable>();
  collectTemplates(chart, templates, top, true);
  const keys = sortTemplates([...templates.keys()]);

  const set = new TemplateSet(baseFuncs());
  if (opts.strict) set.setMissingKey("error");
  set.setFuncs(engineFuncs(set, opts));

  const rendered = new Map<string, string>();
  // Charts that make RSA keys get them generated ahead on another core while they parse and render.
  startKeyPool(keySizesFor([...templates.values()].map((t) => t.tpl)));
  try {
    for (const name of keys) {
      try {
        set.parse(name, templates.get(name)!.tpl);
      } catch (err) {
        throw new RenderError(helmErrorMessage(err, name), { cause: err });
      }
    }
    executeAll(set, keys, templates, rendered);
  } finally {
    stopKeyPool();
  }
  return rendered;
}

function executeAll(set: TemplateSet, keys: string[], templates: Map<string, Renderable>, rendered: Map<string, string>): void {
  for (const name of keys) {
    if (baseName(name).startsWith("_")) continue;
    const r = templates.get(name)!;
    // helm sets .Template on the chart's shared values map before each file.
    const t = valuesMap();
    t.Name = name;
    t.BasePath = r.basePath;
    r.vals.Template = t;
    let out: string;
    try {
      out = set.execute(name, r.vals);
    } catch (err) {
      throw new RenderError(helmErrorMessage(err, name), { cause: err });
    }
    rendered.set(name, out.replaceAll("<no value>", ""));
  }
}

function collectTemplates(chart: Chart, out: Map<string, Renderable>, vals: GoMap, isRoot: boolean): GoMap {
  const subcharts = newMap();
  const next = valuesMap();
  next.Chart = new ChartObject(chart.metadata as unknown as Record<string, unknown>, isRoot);
  next.Files = makeFiles(chart.files);
  next.Release = vals.Release;
  next.Capabilities = vals.Capabilities;
  next.Values = newMap();
  next.Subcharts = subcharts;
  if (isRoot) {
    next.Values = vals.Values;
  } else {
    const parentValues = vals.Values;
    const own = isMap(parentValues) && Object.hasOwn(parentValues, chart.metadata.name) ? parentValues[chart.metadata.name] : undefined;
    if (isMap(own)) next.Values = own;
  }
  for (const child of chart.dependencies) subcharts[child.metadata.name] = collectTemplates(child, out, next, false);

  const fullPath = chartFullPath(chart);
  const library = (chart.metadata.type ?? "").toLowerCase() === "library";
  for (const t of chart.templates) {
    if (library && !baseName(t.name).startsWith("_")) continue;
    out.set(joinPath(fullPath, t.name), {
      tpl: t.data.toString("utf8"),
      vals: next,
      basePath: joinPath(fullPath, "templates"),
    });
  }
  return next;
}

/** Deepest paths first, then reverse byte order (sort.Reverse(byPathLen)). */
export function sortTemplates(keys: string[]): string[] {
  const depth = (s: string) => s.split("/").length;
  return keys.sort((a, b) => {
    const da = depth(a);
    const db = depth(b);
    if (da !== db) return db - da;
    return a < b ? 1 : a > b ? -1 : 0;
  });
}

function engineFuncs(set: TemplateSet, opts: EngineOptions): FuncMap {
  const included = new Map<string, number>();
  const funcs: FuncMap = Object.create(null);
  Object.assign(funcs, contextFuncs(set, included, opts));
  funcs.required = {
    params: ["string", "interface {}"],
    fn: (warn: string, val: Value) => {
      if (val === null || val === undefined || val === "") {
        if (opts.lintMode) {
          // helm logs these with log.Printf; the file:line differs for nil and "".
          opts.log?.(`engine.go:${val === "" ? 214 : 206}: [INFO] Missing required value: ${warn}`);
          return "";
        }
        throw new FuncError(warnWrap(warn));
      }
      return val;
    },
  };
  funcs.fail = {
    params: ["string"],
    fn: (msg: string) => {
      if (opts.lintMode) {
        opts.log?.(`engine.go:227: [INFO] Fail: ${msg}`);
        return "";
      }
      throw new FuncError(warnWrap(msg));
    },
  };
  const lookup = opts.lookup;
  funcs.lookup = {
    params: ["string", "string", "string", "string"],
    fn: (apiVersion: string, kind: string, namespace: string, name: string) =>
      lookup ? lookup(apiVersion, kind, namespace, name) : newMap(),
  };
  // DNS lookups are off unless asked for (helm's --enable-dns).
  funcs.getHostByName = { params: ["string"], fn: () => "" };
  return funcs;
}

/** include and tpl close over the set they run in; tpl's clone gets its own pair. */
function contextFuncs(set: TemplateSet, included: Map<string, number>, opts: EngineOptions): Record<string, FuncDef> {
  const include: FuncDef = {
    params: ["string", "interface {}"],
    fn: (name: string, data: Value) => {
      const n = included.get(name) ?? 0;
      if (n > recursionMax) {
        throw new FuncError(`rendering template has a nested reference name: ${name}: unable to execute template`);
      }
      included.set(name, n + 1);
      try {
        return set.execute(name, data);
      } catch (err) {
        if (err instanceof RangeError) {
          throw new FuncError(`rendering template has a nested reference name: ${name}: unable to execute template`);
        }
        throw new FuncError((err as Error).message);
      } finally {
        included.set(name, (included.get(name) ?? 1) - 1);
      }
    },
  };
  const tpl: FuncDef = {
    params: ["string", "interface {}"],
    fn: (text: string, vals: Value) => {
      const clone = set.clone();
      clone.setFuncs(contextFuncs(clone, included, opts));
      let tree: ReturnType<TemplateSet["parse"]>;
      try {
        tree = clone.parse("gotpl", text);
      } catch (err) {
        throw new FuncError(`cannot parse template ${quoteGo(text)}: ${(err as Error).message}`);
      }
      let out: string;
      try {
        out = tree ? clone.executeTree(tree, vals) : "";
      } catch (err) {
        throw new FuncError(`error during tpl function execution for ${quoteGo(text)}: ${(err as Error).message}`);
      }
      return out.replaceAll("<no value>", "");
    },
  };
  return { include, tpl };
}

/** A map of helm's type chartutil.Values (what %T and Sprig's dig see for ., .Values, .Template). */
export function valuesMap(from?: GoMap): GoMap {
  return withMethods(from ?? newMap(), "chartutil.Values", {});
}

function baseName(p: string): string {
  const i = p.lastIndexOf("/");
  return i < 0 ? p : p.slice(i + 1);
}

function joinPath(a: string, b: string): string {
  return `${a}/${b}`.replace(/\/+/g, "/");
}
