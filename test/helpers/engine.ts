// An in-memory Engine for tests of the frame (layout, key routing, themes):
// fixed data, no cluster. Pane behaviour is tested against the real engine on
// a sandbox (see test/tui/panes-sandbox.test.tsx).
import type { Engine, ReleaseRow, RepoRow } from "../../src/tui/engine/types.js";

export function staticEngine(data: { releases?: ReleaseRow[]; repos?: RepoRow[] } = {}, namespace = "default"): Engine {
  const none = async () => {
    throw new Error("the static test engine changes nothing");
  };
  return {
    namespace,
    listReleases: async () => data.releases ?? [],
    releaseDetail: none,
    history: async () => [],
    manifestAt: async () => "",
    preview: none,
    deploy: none,
    rollback: none,
    uninstall: none,
    test: none,
    repositories: async () => data.repos ?? [],
    addRepository: none,
    updateRepositories: async () => [],
    removeRepository: none,
    search: async () => [],
    versions: async () => [],
    chartInfo: none,
  };
}

/** `count` releases across a few namespaces, as a busy cluster lists them. */
export function manyReleases(count: number, now = Date.now()): ReleaseRow[] {
  return Array.from({ length: count }, (_, i) => ({
    name: `app-${String(i).padStart(4, "0")}`,
    namespace: `team-${i % 7}`,
    revision: 1 + (i % 10),
    status: i % 13 === 0 ? "failed" : "deployed",
    chart: "hello-web-0.1.0",
    chartName: "hello-web",
    chartVersion: "0.1.0",
    appVersion: "1.0.0",
    updated: now - i * 60_000,
    description: "Upgrade complete",
  }));
}
