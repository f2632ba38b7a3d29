// `chartroom show chart|values|readme|crds|all CHART`: helm's action.Show,
// byte for byte.
import { type Chart, chartCRDs, loadChart } from "../chart/index.js";
import { marshalChartfile } from "../chart/package.js";

export type ShowFormat = "all" | "chart" | "values" | "readme" | "crds";

const README_NAMES = ["readme.md", "readme.txt", "readme"];

function findReadme(chart: Chart) {
  for (const f of chart.files) if (README_NAMES.some((n) => n === f.name.toLowerCase())) return f;
  return undefined;
}

/** The text helm prints for `helm show FORMAT` of a loaded chart. */
export function showChart(chart: Chart, format: ShowFormat): string {
  let out = "";
  const all = format === "all";
  if (format === "chart" || all) out += `${marshalChartfile(chart.metadata)}\n`;
  // helm's chart.Values stays nil, so nothing (not even "---") prints, without a values.yaml.
  if ((format === "values" || all) && chart.raw.some((f) => f.name === "values.yaml")) {
    if (all) out += "---\n";
    for (const f of chart.raw) if (f.name === "values.yaml") out += `${f.data.toString("utf8")}\n`;
  }
  if (format === "readme" || all) {
    const readme = findReadme(chart);
    if (readme) out += `${all ? "---\n" : ""}${readme.data.toString("utf8")}\n`;
  }
  if (format === "crds" || all) {
    const crds = chartCRDs(chart);
    if (crds.length > 0) {
      if (all && !crds[0].file.data.toString("latin1").startsWith("---")) out += "---\n";
      for (const c of crds) out += `${c.file.data.toString("utf8")}\n`;
    }
  }
  return out;
}

/** Loads CHART (a directory or .tgz; `locate` resolves repository references) and shows it. */
export async function runShow(ref: string, format: ShowFormat, locate?: (ref: string) => Promise<string>): Promise<string> {
  const path = locate ? await locate(ref) : ref;
  return showChart(loadChart(path), format);
}
