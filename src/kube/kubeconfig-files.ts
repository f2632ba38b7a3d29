// The kubeconfig files in use and what they say together, merged as kubectl
// and helm (client-go's loading rules) merge them: --kubeconfig names one
// file, which must exist; otherwise every file KUBECONFIG lists (missing ones
// skipped), else ~/.kube/config. The first file to set current-context wins,
// and the first file to define a cluster, user or context by a name wins
// that name. Relative paths in an entry are relative to the file that
// defined it.
import { readFileSync } from "node:fs";
import { homedir } from "node:os";
import { delimiter, dirname, join } from "node:path";
import { parse } from "yaml";

export type Dict = Record<string, any>;

/** A named cluster, user or context, with the directory of the file that defined it. */
export interface KubeconfigEntry {
  value: Dict;
  base: string;
}

export interface MergedKubeconfig {
  /** The files read, in merge order. */
  files: string[];
  currentContext?: string;
  clusters: Map<string, KubeconfigEntry>;
  users: Map<string, KubeconfigEntry>;
  contexts: Map<string, KubeconfigEntry>;
}

export interface KubeconfigSource {
  /** --kubeconfig: one file that must exist. */
  kubeconfig?: string;
  env?: NodeJS.ProcessEnv;
  home?: string;
}

/** The files to read, in order, and whether the list was given explicitly. */
export function kubeconfigPaths(src: KubeconfigSource = {}): { paths: string[]; explicit: boolean } {
  const env = src.env ?? process.env;
  if (src.kubeconfig) return { paths: [src.kubeconfig], explicit: true };
  if (env.KUBECONFIG) {
    const paths = [...new Set(env.KUBECONFIG.split(delimiter).filter(Boolean))];
    if (paths.length > 0) return { paths, explicit: false };
  }
  return { paths: [join(src.home ?? (env.HOME || homedir()), ".kube", "config")], explicit: false };
}

export class KubeconfigReadError extends Error {
  override name = "KubeconfigReadError";
  constructor(
    readonly path: string,
    readonly code: string | undefined,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/**
 * Reads and merges the files. A missing file is skipped unless it was given
 * with --kubeconfig; any other failure goes to `onError` (thrown without one).
 */
export function mergeKubeconfigs(paths: string[], opts: { explicit?: boolean; onError?: (err: KubeconfigReadError) => void } = {}): MergedKubeconfig {
  const merged: MergedKubeconfig = { files: [], clusters: new Map(), users: new Map(), contexts: new Map() };
  const fail = (err: KubeconfigReadError) => {
    if (!opts.onError) throw err;
    opts.onError(err);
  };
  for (const path of paths) {
    let doc: unknown;
    try {
      doc = parse(readFileSync(path, "utf8"));
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === "ENOENT" && !opts.explicit) continue;
      // client-go's words: a stat error for a file named outright, else the loading error.
      const message = code === "ENOENT" ? `stat ${path}: no such file or directory` : `error loading config file "${path}": ${(err as Error).message.split("\n")[0]}`;
      fail(new KubeconfigReadError(path, code, message, { cause: err }));
      continue;
    }
    merged.files.push(path);
    if (!doc || typeof doc !== "object") continue;
    const config = doc as Dict;
    const current = config["current-context"];
    if (!merged.currentContext && typeof current === "string" && current) merged.currentContext = current;
    const base = dirname(path);
    for (const [list, key, into] of [
      [config.clusters, "cluster", merged.clusters],
      [config.users, "user", merged.users],
      [config.contexts, "context", merged.contexts],
    ] as const) {
      if (!Array.isArray(list)) continue;
      for (const entry of list) {
        const name = entry?.name;
        if (typeof name !== "string" || into.has(name)) continue;
        const value = entry[key];
        into.set(name, { value: value && typeof value === "object" ? value : {}, base });
      }
    }
  }
  return merged;
}
