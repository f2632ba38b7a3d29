// Chart references for install, upgrade and the front ends: a directory, a
// .tgz, repo/name, an http(s) URL or oci://, located as helm's
// ChartPathOptions.LocateChart does. A local path is answered without
// loading the repository code, so `install ./chart` starts as fast as before.
import { existsSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { type Chart, loadChart } from "../chart/index.js";
import type { LocateOptions } from "../repo/pull.js";
import { missingDependencies } from "../values/index.js";

/** helm's ChartPathOptions: --version, --devel, --repo, credentials, TLS and --plain-http. */
export type ChartPathOptions = Omit<LocateOptions, "destination">;

/** The local path of a chart reference, downloading it into the repository cache when it is remote. */
export async function locateChartRef(ref: string, o: ChartPathOptions = {}): Promise<string> {
  const name = ref.trim();
  // helm tries the file system first, whatever else is asked; --verify of a
  // local archive is the repository layer's, as for a download.
  if (existsSync(name) && o.verify !== "always") return resolve(name);
  const { locateChart } = await import("../repo/pull.js");
  return locateChart(name, { ...o, version: o.version?.trim() });
}

/** A chart that cannot be deployed as asked. */
export class ChartRefError extends Error {
  override name = "ChartRefError";
  readonly userFacing = true;
}

/** helm's words when Chart.yaml declares dependencies that charts/ lacks. */
export function missingDependenciesMessage(missing: string[]): string {
  return `An error occurred while checking for chart dependencies. You may need to run \`helm dependency build\` to fetch missing dependencies: found in Chart.yaml, but missing in charts/ directory: ${missing.join(", ")}`;
}

export interface RequestedChartOptions {
  /** --dependency-update: fetches the declared dependencies into the chart directory's charts/. */
  dependencyUpdate?: (chartPath: string) => Promise<void>;
  warn?: (msg: string) => void;
}

/**
 * The chart install and upgrade deploy, as helm's install and upgrade
 * commands load it: located, loaded, warned about when deprecated, and with
 * every declared dependency present (fetched first with --dependency-update).
 */
export async function loadRequestedChart(ref: string, paths: ChartPathOptions = {}, o: RequestedChartOptions = {}): Promise<Chart> {
  const path = await locateChartRef(ref, paths);
  let chart = loadChart(path);
  if (chart.metadata.deprecated) o.warn?.("This chart is deprecated");
  let missing = missingDependencies(chart);
  if (missing.length > 0 && o.dependencyUpdate) {
    // A packaged chart carries its dependencies; only a directory can be updated.
    if (!statSync(path).isDirectory()) throw new ChartRefError(missingDependenciesMessage(missing));
    await o.dependencyUpdate(path);
    chart = loadChart(path);
    missing = missingDependencies(chart);
  }
  if (missing.length > 0) throw new ChartRefError(missingDependenciesMessage(missing));
  return chart;
}
