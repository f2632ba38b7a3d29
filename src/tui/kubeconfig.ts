// Which cluster the header names: the kubeconfig context and namespace, found
// the way kubectl and helm find them, by reading the YAML files directly. The
// Kubernetes client is far too heavy to load just to print two names.
import { readFileSync } from "node:fs";
import { homedir } from "node:os";
import { delimiter, join } from "node:path";
import { parse } from "yaml";

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

interface ContextEntry {
  name?: unknown;
  context?: { namespace?: unknown };
}

/** Flag > HELM_* variable > kubeconfig, as helm resolves them; the first file to set a value wins, as kubectl merges. */
export function readKubeTarget(
  opts: KubeTargetOptions,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): KubeTarget {
  const paths = opts.kubeconfig
    ? [opts.kubeconfig]
    : env.KUBECONFIG
      ? env.KUBECONFIG.split(delimiter).filter(Boolean)
      : [join(home, ".kube", "config")];
  const files: string[] = [];
  const namespaces = new Map<string, string | undefined>();
  let current: string | undefined;
  let problem: string | undefined;
  for (const path of paths) {
    let doc: unknown;
    try {
      doc = parse(readFileSync(path, "utf8"));
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      // kubectl skips missing files in KUBECONFIG but not an explicit --kubeconfig.
      if (code === "ENOENT" && !opts.kubeconfig) continue;
      problem ??= code === "ENOENT" ? `kubeconfig ${path} not found` : `cannot read kubeconfig ${path}: ${firstLine(err)}`;
      continue;
    }
    files.push(path);
    if (!doc || typeof doc !== "object") continue;
    const config = doc as { "current-context"?: unknown; contexts?: unknown };
    if (!current && typeof config["current-context"] === "string" && config["current-context"]) {
      current = config["current-context"];
    }
    for (const entry of Array.isArray(config.contexts) ? (config.contexts as ContextEntry[]) : []) {
      if (typeof entry?.name !== "string" || namespaces.has(entry.name)) continue;
      const ns = entry.context?.namespace;
      namespaces.set(entry.name, typeof ns === "string" && ns ? ns : undefined);
    }
  }
  const context = opts.kubeContext || env.HELM_KUBECONTEXT || current;
  if (!problem) {
    if (files.length === 0) problem = `no kubeconfig found (looked in ${paths.join(", ")})`;
    else if (!context) problem = "the kubeconfig sets no current context";
    else if (!namespaces.has(context)) problem = `context "${context}" is not in the kubeconfig`;
  }
  const namespace = opts.namespace || env.HELM_NAMESPACE || (context ? namespaces.get(context) : undefined) || "default";
  return { context, namespace, files, problem };
}

function firstLine(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).split("\n")[0]!;
}
