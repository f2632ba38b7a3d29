// Chart references for install, upgrade and the front ends: a directory, a
// .tgz, repo/name, an http(s) URL or oci://, located as helm's
// ChartPathOptions.LocateChart does. A local path is answered without
// loading the repository code, so `install ./chart` starts as fast as before.
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import type { LocateOptions } from "../repo/pull.js";

/** helm's ChartPathOptions: --version, --devel, --repo, credentials, TLS and --plain-http. */
export type ChartPathOptions = Omit<LocateOptions, "destination">;

/** The local path of a chart reference, downloading it into the repository cache when it is remote. */
export async function locateChartRef(ref: string, o: ChartPathOptions = {}): Promise<string> {
  const name = ref.trim();
  // helm tries the file system first, whatever else is asked.
  if (existsSync(name)) return resolve(name);
  const { locateChart } = await import("../repo/pull.js");
  return locateChart(name, { ...o, version: o.version?.trim() });
}
