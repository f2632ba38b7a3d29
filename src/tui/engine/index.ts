// The engine the TUI runs on: the same actions and repository code as the
// CLI, behind the Engine interface. Both halves load on first use, so React
// and Ink draw the first frame before the Kubernetes client is even parsed.
import type { HelmPaths } from "../../repo/paths.js";
import type { ClusterTarget, ReleaseOps } from "./releases.js";
import type { RepoOps } from "./repos.js";
import type { DeployRequest, Engine, RunOptions } from "./types.js";

export type * from "./types.js";

export interface EngineOptions extends ClusterTarget {
  /** The namespace new installs default to; the kubeconfig context's when absent. */
  namespace: string;
  context?: string;
  paths?: Partial<HelmPaths>;
}

export function createEngine(o: EngineOptions): Engine {
  let releases: Promise<ReleaseOps> | undefined;
  let repos: Promise<RepoOps> | undefined;
  const rel = () => {
    releases ??= import("./releases.js").then((m) => new m.ReleaseOps(o));
    return releases;
  };
  const rep = () => {
    repos ??= import("./repos.js").then((m) => new m.RepoOps(o.paths));
    return repos;
  };
  const located = async (req: DeployRequest) => (await rep()).locate(req.chart);
  return {
    namespace: o.namespace,
    context: o.context,
    listReleases: async () => (await rel()).list(),
    releaseDetail: async (name, ns) => (await rel()).detail(name, ns),
    history: async (name, ns) => (await rel()).history(name, ns),
    manifestAt: async (name, ns, rev) => (await rel()).manifestAt(name, ns, rev),
    preview: async (req) => (await rel()).preview(req, await located(req)),
    deploy: async (req: DeployRequest, run: RunOptions) => (await rel()).deploy(req, await located(req), run),
    rollback: async (name, ns, rev, opts, run) => (await rel()).rollback(name, ns, rev, opts, run),
    uninstall: async (name, ns, run) => (await rel()).uninstall(name, ns, run),
    test: async (name, ns, run) => (await rel()).test(name, ns, run),
    repositories: async () => (await rep()).list(),
    addRepository: async (name, url) => (await rep()).add(name, url),
    updateRepositories: async (names, onProgress) => (await rep()).update(names, onProgress),
    removeRepository: async (name) => (await rep()).remove(name),
    search: async (q) => (await rep()).search(q),
    versions: async (ref) => (await rep()).versions(ref),
    chartInfo: async (choice) => (await rep()).info(choice),
  };
}
