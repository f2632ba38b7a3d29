// `chartroom package PATH`: helm's action.Package — load a chart directory,
// apply --version/--app-version, check charts/ against Chart.yaml, save a .tgz.
import { statSync } from "node:fs";
import { resolve } from "node:path";
import { ChartLoadError, isValidSemver, loadDir } from "../chart/index.js";
import { saveChart } from "../chart/package.js";
import { missingDependencies } from "../values/index.js";

export interface PackageOptions {
  version?: string;
  appVersion?: string;
  /** Output directory; helm's default "." is the working directory. */
  destination?: string;
  /** Runs before loading when -u is given (dependency update for this chart path). */
  dependencyUpdate?: (chartPath: string) => Promise<void>;
  /** Fixed entry time in seconds (reproducible archives). */
  mtime?: number;
}

export class PackageError extends Error {
  override name = "PackageError";
  readonly userFacing = true;
}

/** Packages one chart directory and returns the archive's path. */
export async function packageChart(path: string, opts: PackageOptions = {}): Promise<string> {
  const abs = resolve(path);
  try {
    statSync(path);
  } catch {
    throw new PackageError(`stat ${path}: no such file or directory`);
  }
  if (opts.dependencyUpdate) await opts.dependencyUpdate(abs);
  const chart = loadDir(abs);
  if (opts.version) chart.metadata.version = opts.version;
  if (!isValidSemver(chart.metadata.version)) throw new PackageError("Invalid Semantic Version");
  if (opts.appVersion) chart.metadata.appVersion = opts.appVersion;
  const missing = missingDependencies(chart);
  if (missing.length) throw new PackageError(`found in Chart.yaml, but missing in charts/ directory: ${missing.join(", ")}`);
  const dest = !opts.destination || opts.destination === "." ? process.cwd() : opts.destination;
  try {
    return saveChart(chart, dest, opts.mtime);
  } catch (err) {
    if (err instanceof ChartLoadError) throw new PackageError(`failed to save: ${err.message}`, { cause: err });
    throw err;
  }
}
