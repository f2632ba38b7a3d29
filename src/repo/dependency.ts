// Remote dependencies of Chart.yaml for `dependency update|build`: an http(s)
// repository (by URL, `@name` or `alias:name`) or an oci:// registry. The
// chart layer handles file:// itself; this resolves and downloads the rest.
import { existsSync, readFileSync } from "node:fs";
import { downloadIndexFile } from "./chartrepo.js";
import { loadRepoFile, type RepoEntry } from "./config.js";
import { RepoError } from "./errors.js";
import { findChartVersion, type IndexFile, parseIndex } from "./index-file.js";
import { cacheIndexFile, helmPaths } from "./paths.js";
import { downloadChart, type LocateOptions } from "./pull.js";

export interface RemoteDependency {
  name: string;
  /** A version or constraint, as in Chart.yaml. */
  version: string;
  repository: string;
}

export interface ResolveOptions {
  repositoriesConfig?: string;
  repositoryCache?: string;
  registryConfig?: string;
  /** Directory the archive is written to (the chart's charts/ directory). */
  destination: string;
  plainHttp?: boolean;
  insecureSkipTLSVerify?: boolean;
}

export interface ResolvedDependency {
  /** The downloaded .tgz. */
  path: string;
  /** The exact version chosen, for Chart.lock. */
  version: string;
  /** The repository as Chart.lock records it (the URL or oci:// reference). */
  repository: string;
}

function trimSlash(u: string): string {
  return u.replace(/\/+$/, "");
}

function entryFor(repository: string, entries: RepoEntry[]): RepoEntry {
  if (repository.startsWith("@") || repository.startsWith("alias:")) {
    const name = repository.startsWith("@") ? repository.slice(1) : repository.slice(6);
    const e = entries.find((r) => r.name === name);
    if (!e) throw new RepoError(`no repository definition for ${repository}. Please add them via 'helm repo add'`);
    return e;
  }
  const e = entries.find((r) => trimSlash(r.url) === trimSlash(repository));
  if (!e) throw new RepoError(`no repository definition for ${repository}. Please add the missing repos via 'helm repo add'`);
  return e;
}

/** Resolve the dependency's version against its repository and download the archive. */
export async function resolveDependency(dep: RemoteDependency, opts: ResolveOptions): Promise<ResolvedDependency> {
  const p = helmPaths();
  const repositoryConfig = opts.repositoriesConfig ?? p.repositoryConfig;
  const repositoryCache = opts.repositoryCache ?? p.repositoryCache;
  const common: LocateOptions = {
    repositoryConfig,
    repositoryCache,
    registryConfig: opts.registryConfig ?? p.registryConfig,
    destination: opts.destination,
    plainHttp: opts.plainHttp,
    insecureSkipTLSVerify: opts.insecureSkipTLSVerify,
  };
  if (dep.repository.startsWith("oci://")) {
    const got = await downloadChart(`${trimSlash(dep.repository)}/${dep.name}`, { ...common, version: dep.version });
    const tag = got.ref.slice(got.ref.lastIndexOf(":") + 1);
    return { path: got.path, version: tag.replace(/_/g, "+"), repository: dep.repository };
  }
  if (!/^https?:\/\//.test(dep.repository) && !dep.repository.startsWith("@") && !dep.repository.startsWith("alias:"))
    throw new RepoError(`repository "${dep.repository}" of dependency "${dep.name}" is not an http(s), oci:// or @name reference`);
  const entry = entryFor(dep.repository, loadRepoFile(repositoryConfig).repositories);
  const cached = cacheIndexFile(repositoryCache, entry.name);
  const index: IndexFile = existsSync(cached) ? parseIndex(readFileSync(cached, "utf8"), cached) : (await downloadIndexFile(entry, repositoryCache)).index;
  const cv = findChartVersion(index, dep.name, dep.version);
  if (!cv) throw new RepoError(`can't get a valid version for dependency ${dep.name}: no version of "${dep.name}" in ${entry.name} matches ${dep.version || "*"}`);
  const got = await downloadChart(`${entry.name}/${dep.name}`, { ...common, version: cv.version });
  return { path: got.path, version: cv.version, repository: dep.repository };
}
