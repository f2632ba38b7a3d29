// The demo repository of `chartroom --sandbox`: the charts in demo/charts,
// packaged and served by `repo serve` on loopback, listed beside the user's own
// repositories in a session copy of repositories.yaml. The user's files are
// never written: the copy and its cache live in a temporary directory.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadChart } from "../chart/index.js";
import { saveChart } from "../chart/package.js";
import { cacheIndexFile, type HelmPaths, helmPaths, loadRepoFile, newEntry, type RepoServer, saveRepoFile, serveRepo, updateRepos } from "../repo/index.js";
import { DEMO_CHARTS } from "./view/values-chart.js";

export interface DemoRepository {
  /** "demo", or "chartroom-demo" when the user already has a "demo". */
  name: string;
  url: string;
  /** The session's repository files: the user's repositories plus the demo one. */
  paths: HelmPaths;
  stop(): Promise<void>;
}

export async function openDemoRepository(o: { chartsDir?: string; user?: HelmPaths } = {}): Promise<DemoRepository> {
  const user = o.user ?? helmPaths();
  const root = mkdtempSync(join(tmpdir(), "chartroom-demo-"));
  let server: RepoServer | undefined;
  try {
    const charts = join(root, "charts");
    mkdirSync(charts);
    const src = o.chartsDir ?? DEMO_CHARTS;
    for (const d of readdirSync(src, { withFileTypes: true })) if (d.isDirectory()) saveChart(loadChart(join(src, d.name), { warn: () => {} }), charts);
    server = await serveRepo({ dir: charts, port: 0, address: "127.0.0.1" });

    const paths: HelmPaths = { ...user, repositoryConfig: join(root, "repositories.yaml"), repositoryCache: join(root, "cache") };
    mkdirSync(paths.repositoryCache);
    const file = loadRepoFile(user.repositoryConfig);
    const name = file.repositories.some((r) => r.name === "demo") ? "chartroom-demo" : "demo";
    // The user's cached indexes are linked, not copied: an update in the session replaces the link, not the user's file.
    for (const r of file.repositories) {
      const cached = cacheIndexFile(user.repositoryCache, r.name);
      if (existsSync(cached)) symlinkSync(cached, cacheIndexFile(paths.repositoryCache, r.name));
    }
    file.repositories.push(newEntry(name, server.url));
    saveRepoFile(paths.repositoryConfig, file);
    const [result] = await updateRepos({ ...paths, names: [name] });
    if (result?.error) throw result.error;
    const running = server;
    return {
      name,
      url: server.url,
      paths,
      async stop() {
        await running.stop();
        rmSync(root, { recursive: true, force: true });
      },
    };
  } catch (err) {
    await server?.stop();
    rmSync(root, { recursive: true, force: true });
    throw err;
  }
}
