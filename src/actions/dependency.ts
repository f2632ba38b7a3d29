// `chartroom dependency list|update|build`: helm's action.Dependency and
// downloader.Manager for file:// dependencies and charts already in charts/.
// Remote repositories plug in through `resolveRemote`.
import { mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type Dependency, loadChart, loadDir } from "../chart/index.js";
import {
  DependencyError,
  dependencyStatus,
  hashRequirements,
  localDependencyPath,
  newLock,
  resolveLocal,
  undeclaredCharts,
} from "../chart/dependency.js";
import { isCompatibleRange } from "../chart/semver.js";
import { marshalLock, saveChart } from "../chart/package.js";
import { uiTable } from "../repo/format.js";

export interface DependencyOptions {
  /** Progress lines (helm's Out). */
  out: (line: string) => void;
  /**
   * Resolves and downloads a dependency from a chart repository into `dest`,
   * returning its lock entry. Without it, remote repositories are an error.
   */
  resolveRemote?: (dep: Dependency, chartPath: string, dest: string) => Promise<Dependency>;
}

/** `helm dependency list`'s output. */
export function listDependencies(chartPath: string): string {
  const c = loadChart(chartPath);
  if (c.metadata.dependencies.length === 0) return `WARNING: no dependencies at ${join(chartPath, "charts")}\n`;
  const rows = [["NAME", "VERSION", "REPOSITORY", "STATUS"]];
  for (const d of c.metadata.dependencies) {
    if (!d) continue;
    rows.push([d.name, d.version, d.repository, dependencyStatus(chartPath, d, c)]);
  }
  const warnings = undeclaredCharts(chartPath, c.metadata.dependencies).map((w) => `${w}\n`);
  return `${uiTable(rows, 80)}\n${warnings.join("")}`;
}

function loadChartDir(chartPath: string) {
  let st: ReturnType<typeof statSync>;
  try {
    st = statSync(chartPath);
  } catch {
    throw new DependencyError(`could not find ${chartPath}: stat ${chartPath}: no such file or directory`);
  }
  if (!st.isDirectory()) throw new DependencyError("only unpacked charts can be updated");
  return loadDir(chartPath);
}

/** Fetches every locked dependency into charts/, replacing outdated archives (helm's downloadAll). */
async function downloadAll(chartPath: string, deps: Dependency[], opts: DependencyOptions): Promise<void> {
  const dest = join(chartPath, "charts");
  mkdirSync(dest, { recursive: true, mode: 0o755 });
  if (!statSync(dest).isDirectory()) throw new DependencyError(`"${dest}" is not a directory`);
  const tmp = join(chartPath, `tmpcharts-${process.pid}`);
  mkdirSync(tmp, { recursive: true, mode: 0o755 });
  try {
    opts.out(`Saving ${deps.length} charts`);
    for (const dep of deps) {
      if (dep.repository === "") {
        opts.out(`Dependency ${dep.name} did not declare a repository. Assuming it exists in the charts directory`);
        const ch = loadDir(join(dest, dep.name));
        if (!isCompatibleRange(dep.version, ch.metadata.version))
          throw new DependencyError(`dependency ${dep.name} at version ${ch.metadata.version} does not satisfy the constraint ${dep.version}`);
        continue;
      }
      if (dep.repository.startsWith("file://")) {
        const { chart } = resolveLocal(dep, chartPath);
        saveChart(chart, tmp);
        dep.version = chart.metadata.version;
        continue;
      }
      if (!opts.resolveRemote) throw new DependencyError(`no repository definition for ${dep.repository}`);
      await opts.resolveRemote(dep, chartPath, tmp);
    }
    moveDependencies(deps, tmp, dest, opts);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** helm's safeMoveDeps: new archives in, archives no longer wanted out. */
function moveDependencies(deps: Dependency[], source: string, dest: string, opts: DependencyOptions): void {
  const fresh = new Set(readdirSync(source));
  const before = readdirSync(dest, { withFileTypes: true });
  const local = new Set(deps.filter((d) => d.repository === "").map((d) => d.name));
  for (const name of [...fresh].sort()) renameSync(join(source, name), join(dest, name));
  opts.out("Deleting outdated charts");
  for (const e of before) {
    if (e.isDirectory() || fresh.has(e.name)) continue;
    const f = join(dest, e.name);
    try {
      if (local.has(loadChart(f, { warn: () => {} }).metadata.name)) continue;
    } catch (err) {
      opts.out(`Could not verify ${f} for deletion: ${(err as Error).message} (Skipping)`);
      continue;
    }
    rmSync(f);
  }
}

function lockFileName(apiVersion: string): string {
  return apiVersion === "v1" ? "requirements.lock" : "Chart.lock";
}

/** `helm dependency update`: resolve Chart.yaml's dependencies, fetch them, write the lock. */
export async function updateDependencies(chartPath: string, opts: DependencyOptions): Promise<void> {
  const c = loadChartDir(chartPath);
  const req = c.metadata.dependencies;
  if (req.length === 0) return;
  const entries: Dependency[] = [];
  for (const d of req) {
    if (!d) continue;
    if (d.repository.startsWith("file://")) entries.push(resolveLocal(d, chartPath).entry);
    else if (d.repository === "") entries.push({ ...d, importValues: [], tags: [], condition: "", alias: "", enabled: false });
    else {
      if (!opts.resolveRemote) throw new DependencyError(`no repository definition for ${d.repository}. Please add the missing repos via 'helm repo add'`);
      entries.push({ ...d, importValues: [], tags: [], condition: "", alias: "", enabled: false });
    }
  }
  await downloadAll(chartPath, entries, opts);
  const lock = newLock(entries, req);
  if (c.lock && c.lock.digest === lock.digest) return;
  writeFileSync(join(chartPath, lockFileName(c.metadata.apiVersion)), marshalLock(lock), { mode: 0o644 });
}

/** `helm dependency build`: fetch what Chart.lock names; without a lock, update. */
export async function buildDependencies(chartPath: string, opts: DependencyOptions): Promise<void> {
  const c = loadChartDir(chartPath);
  if (!c.lock) return updateDependencies(chartPath, opts);
  const file = lockFileName(c.metadata.apiVersion);
  const yamlName = c.metadata.apiVersion === "v1" ? "requirements.yaml" : "Chart.yaml";
  if (hashRequirements(c.metadata.dependencies, c.lock.dependencies) !== c.lock.digest)
    throw new DependencyError(`the lock file (${file}) is out of sync with the dependencies file (${yamlName}). Please update the dependencies`);
  for (const d of c.lock.dependencies) if (d?.repository.startsWith("file://")) localDependencyPath(d.repository, chartPath);
  await downloadAll(chartPath, c.lock.dependencies.filter((d): d is Dependency => d !== null), opts);
}
