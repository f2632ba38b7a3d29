// The repository half of the TUI's engine: helm's repositories.yaml and index
// cache, shared with helm and the CLI, through the repo layer.
import { statSync } from "node:fs";
import {
  addRepo,
  cacheIndexFile,
  type HelmPaths,
  helmPaths,
  loadCompactIndex,
  loadRepoFile,
  locateChart,
  removeRepos,
  searchRepos,
  updateRepos,
} from "../../repo/index.js";
import { loadChart } from "../../chart/index.js";
import type { ChartChoice, ChartHit, ChartInfo, ChartVersionRow, RepoRow, RepoUpdate } from "./types.js";

export class RepoOps {
  readonly paths: HelmPaths;

  constructor(paths?: Partial<HelmPaths>) {
    this.paths = { ...helmPaths(), ...paths };
  }

  list(): RepoRow[] {
    const file = loadRepoFile(this.paths.repositoryConfig);
    return file.repositories.map((r) => {
      const row: RepoRow = { name: r.name, url: r.url };
      try {
        row.updated = statSync(cacheIndexFile(this.paths.repositoryCache, r.name)).mtimeMs;
        row.charts = Object.keys(loadCompactIndex(this.paths.repositoryCache, r.name)).length;
      } catch (err) {
        row.problem = row.updated === undefined ? "no cached index: update it" : `index unreadable: ${(err as Error).message.split("\n")[0]}`;
      }
      return row;
    });
  }

  add(name: string, url: string): Promise<string> {
    return addRepo(name, url, { ...this.paths, entry: {} });
  }

  async update(names: string[] | undefined, onProgress: (u: RepoUpdate) => void): Promise<RepoUpdate[]> {
    const file = loadRepoFile(this.paths.repositoryConfig);
    const chosen = names?.length ? names : file.repositories.map((r) => r.name);
    for (const name of chosen) onProgress({ name, state: "updating" });
    const results = await updateRepos({ ...this.paths, names }, (r) =>
      onProgress(r.error ? { name: r.name, state: "failed", error: r.error.message } : { name: r.name, state: "ok" }),
    );
    return results.map((r) => (r.error ? { name: r.name, state: "failed", error: r.error.message } : { name: r.name, state: "ok" }));
  }

  remove(name: string): string {
    return removeRepos([name], this.paths).join("\n");
  }

  /** helm's search plus fuzzy matches; the newest version of each chart. */
  search(query: string): ChartHit[] {
    const file = loadRepoFile(this.paths.repositoryConfig);
    if (file.repositories.length === 0) return [];
    return searchRepos({ ...this.paths, keyword: query.trim(), fuzzy: true, warn: () => {} }).map((r) => {
      const slash = r.name.indexOf("/");
      return {
        ref: r.name,
        repo: r.name.slice(0, slash),
        chart: r.name.slice(slash + 1),
        version: r.chart.version,
        appVersion: r.chart.appVersion,
        description: r.chart.description,
        keywords: r.chart.keywords,
        score: r.score,
      };
    });
  }

  /** Every version of repo/chart in the cached index, newest first. */
  versions(ref: string): ChartVersionRow[] {
    const slash = ref.indexOf("/");
    if (slash <= 0) return [];
    try {
      const list = loadCompactIndex(this.paths.repositoryCache, ref.slice(0, slash))[ref.slice(slash + 1)] ?? [];
      return list.map((c) => ({ version: c.version, appVersion: c.appVersion, description: c.description }));
    } catch {
      return [];
    }
  }

  /** A local path for the chart: directories and archives as they are, repository charts downloaded to the cache. */
  locate(choice: ChartChoice): Promise<string> {
    return locateChart(choice.ref, { version: choice.version || undefined, ...this.paths });
  }

  async info(choice: ChartChoice): Promise<ChartInfo> {
    const path = await this.locate(choice);
    const chart = loadChart(path, { warn: () => {} });
    const text = (name: string) => chart.raw.find((f) => f.name === name)?.data.toString("utf8");
    const readme = chart.raw.find((f) => /^readme(\.md|\.txt)?$/i.test(f.name));
    return {
      ref: choice.ref,
      name: chart.metadata.name,
      version: chart.metadata.version,
      chartYaml: text("Chart.yaml") ?? "",
      readme: readme ? readme.data.toString("utf8") : "",
      values: text("values.yaml") ?? "",
      schema: chart.schema?.toString("utf8"),
      path,
    };
  }
}
