// Which cluster the terminal UI's header names: the kubeconfig context and
// namespace, found the way kubectl and helm find them, from the kubeconfig
// files themselves. The Kubernetes client is far too heavy to load just to
// print two names.
import { homedir } from "node:os";
import { kubeconfigPaths, mergeKubeconfigs } from "../kube/kubeconfig-files.js";

export interface KubeTargetOptions {
  kubeconfig?: string;
  kubeContext?: string;
  namespace?: string;
}

export interface KubeTarget {
  /** The context in use, or undefined when no kubeconfig names one. */
  context?: string;
  namespace: string;
  /** Files that were read, in merge order. */
  files: string[];
  /** Why the target may be unusable (no kubeconfig, unknown context...), in words for the header. */
  problem?: string;
}

/** Flag > HELM_* variable > kubeconfig, as helm resolves them; the files merge as kubectl merges them. */
export function readKubeTarget(
  opts: KubeTargetOptions,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): KubeTarget {
  const { paths, explicit } = kubeconfigPaths({ kubeconfig: opts.kubeconfig, env, home });
  let problem: string | undefined;
  const merged = mergeKubeconfigs(paths, {
    explicit,
    onError: (err) => {
      problem ??= err.code === "ENOENT" ? `kubeconfig ${err.path} not found` : `cannot read kubeconfig ${err.path}: ${firstLine(err.cause)}`;
    },
  });
  const context = opts.kubeContext || env.HELM_KUBECONTEXT || merged.currentContext;
  const entry = context ? merged.contexts.get(context) : undefined;
  if (!problem) {
    if (merged.files.length === 0) problem = `no kubeconfig found (looked in ${paths.join(", ")})`;
    else if (!context) problem = "the kubeconfig sets no current context";
    else if (!entry) problem = `context "${context}" is not in the kubeconfig`;
  }
  const ns = entry?.value.namespace;
  const namespace = opts.namespace || env.HELM_NAMESPACE || (typeof ns === "string" && ns ? ns : undefined) || "default";
  return { context, namespace, files: merged.files, problem };
}

function firstLine(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).split("\n")[0]!;
}
