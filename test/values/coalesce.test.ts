import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { loadChart, loadFiles } from "../../src/chart/load.js";
import { type Chart, chartFullPath } from "../../src/chart/model.js";
import { GoInt } from "../../src/template/value.js";
import { coalesceValues } from "../../src/values/coalesce.js";
import { mergeValuesOptions } from "../../src/values/options.js";
import { toRenderValues } from "../../src/values/render-values.js";

const UMBRELLA = join(dirname(fileURLToPath(import.meta.url)), "../fixtures/charts/umbrella");

function goJson(v: unknown): string {
  if (v instanceof GoInt) return v.toString();
  if (Array.isArray(v)) return `[${v.map(goJson).join(",")}]`;
  if (v !== null && typeof v === "object") {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${goJson(o[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(v ?? null);
}

function paths(c: Chart): string[] {
  return [chartFullPath(c), ...c.dependencies.flatMap(paths)].sort();
}

// `{{ toJson .Values }}` in the umbrella chart's own template, as helm v3.17.3 printed it.
const DEFAULTS =
  '{"backend":{"enabled":false},"cache":{"enabled":true,"global":{"labels":{"team":"a"},"region":"eu"},"policy":"lru"},"db":{"exports":{"dbinfo":{"dbName":"main","dbPort":5432}},"global":{"labels":{"team":"a"},"region":"eu"},"leaf":{"depth":3,"global":{"labels":{"team":"a"},"own":"leaf","region":"eu"},"keep":true},"port":5432},"dbName":"main","dbPort":5432,"fromWeb":{"color":"parent","size":3},"frontend":{"exported":{"color":"blue","size":3},"global":{"labels":{"app":"web","team":"a"},"region":"eu"},"image":{"repo":"nginx"},"replicas":2},"global":{"labels":{"team":"a"},"region":"eu"},"tags":{"storage":true}}';
const OVERRIDDEN =
  '{"backend":{"enabled":false},"cache":{"enabled":false,"size":null},"db":{"leaf":{"depth":3}},"fromWeb":{"color":"parent","size":3},"frontend":{"exported":{"color":"blue","size":3},"global":{"backendOn":true,"labels":{"app":"web","team":"a"},"region":"eu"},"image":{"repo":"nginx"},"replicas":2},"global":{"backendOn":true,"labels":{"team":"a"},"region":"eu"},"tags":{"storage":false}}';

describe("values of a chart with subcharts match helm", () => {
  test("aliases, conditions, tags, import-values, globals and nulls", () => {
    const { chart, values } = toRenderValues(loadChart(UMBRELLA), mergeValuesOptions({}));
    expect(goJson(values)).toBe(DEFAULTS);
    expect(paths(chart)).toEqual([
      "umbrella",
      "umbrella/charts/cache",
      "umbrella/charts/db",
      "umbrella/charts/db/charts/leaf",
      "umbrella/charts/frontend",
    ]);
  });

  test("tags off, a condition off, and a condition list", () => {
    const user = mergeValuesOptions({ values: ["tags.storage=false", "cache.enabled=false", "global.backendOn=true"] });
    const { chart, values } = toRenderValues(loadChart(UMBRELLA), user);
    expect(goJson(values)).toBe(OVERRIDDEN);
    expect(paths(chart)).toEqual(["umbrella", "umbrella/charts/frontend"]);
  });

  test("the loaded chart is left untouched", () => {
    const loaded = loadChart(UMBRELLA);
    toRenderValues(loaded, mergeValuesOptions({}));
    expect(loaded.dependencies.map((d) => d.metadata.name).sort()).toEqual(["cache", "db", "web"]);
    expect(loaded.metadata.dependencies.map((d) => d?.name)).toEqual(["web", "web", "db", "cache"]);
  });

  test("a scalar where a subchart needs a map", () => {
    const user = mergeValuesOptions({ values: ["cache=off"] });
    expect(() => coalesceValues(loadChart(UMBRELLA), user)).toThrow("type mismatch on cache: %!t(string=off)");
  });
});

describe("warnings", () => {
  test("helm's log lines, as many times as helm prints them", () => {
    const chart = loadFiles([
      { name: "Chart.yaml", data: Buffer.from("apiVersion: v2\nname: top\nversion: 0.1.0\ndependencies:\n  - name: sub\n    version: 0.1.0\n") },
      { name: "values.yaml", data: Buffer.from("sub:\n  tls:\n    auto: false\n  list: x\n") },
      { name: "charts/sub/Chart.yaml", data: Buffer.from("apiVersion: v2\nname: sub\nversion: 0.1.0\n") },
      { name: "charts/sub/values.yaml", data: Buffer.from("tls:\n  auto:\n    enabled: true\nlist: [1, 2]\n") },
    ]);
    const warnings: string[] = [];
    const { values } = toRenderValues(chart, mergeValuesOptions({}), { warn: (m) => warnings.push(m) });
    // Checked against helm v3.17.3's stderr and output for the same chart.
    expect(warnings).toEqual(
      Array(3).fill("coalesce.go:298: warning: cannot overwrite table with non table for top.sub.tls.auto (map[enabled:true])"),
    );
    expect(goJson(values)).toBe('{"sub":{"global":{},"list":"x","tls":{"auto":false}}}');
  });
});
