// What the Values pane opens: a chart directory's values.yaml text, its
// schema and the defaults of its subcharts (the layers under the user's edit).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { loadChart } from "../../chart/index.js";
import { PACKAGE_ROOT } from "../../package-root.js";
import type { GoMap } from "../../template/value.js";
import type { ValuesLayer } from "./values-layers.js";

export interface ValuesSource {
  path: string;
  chartName: string;
  text: string;
  schema?: string;
  /** Subchart defaults, then the chart's own defaults: the layers the edited text is laid over. */
  layers: ValuesLayer[];
  /** What the edited text is called in the effective view ("user edit" when absent). */
  editLayer?: string;
  /** Values the text is laid over before the schema check (a release's chart defaults). */
  defaults?: GoMap;
}

/** The charts of the sandbox tour, shipped with the package. */
export const DEMO_CHARTS = join(PACKAGE_ROOT, "demo", "charts");

export function defaultChartPath(dir: string = DEMO_CHARTS): string | undefined {
  try {
    const first = readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort()[0];
    return first ? join(dir, first) : undefined;
  } catch {
    return undefined;
  }
}

export function readValuesSource(path: string): ValuesSource {
  const chart = loadChart(path);
  const file = chart.raw.find((f) => f.name === "values.yaml");
  const layers: ValuesLayer[] = chart.dependencies.map((d) => ({
    name: `subchart ${d.metadata.name}`,
    at: [d.metadata.name],
    values: d.values,
  }));
  layers.push({ name: "chart default", values: chart.values });
  return {
    path,
    chartName: chart.metadata.name,
    text: file ? file.data.toString("utf8") : readFileOrEmpty(join(path, "values.yaml")),
    schema: chart.schema?.toString("utf8"),
    layers,
  };
}

function readFileOrEmpty(p: string): string {
  try {
    return readFileSync(p, "utf8");
  } catch {
    return "";
  }
}
