// A chart repository over HTTP: fetch its index into helm's cache, and the
// add/update/remove operations on repositories.yaml that build on it.
import { existsSync, rmSync } from "node:fs";
import { type RepoEntry, findEntry, loadRepoFile, newEntry, saveRepoFile, sameEntry } from "./config.js";
import { RepoError } from "./errors.js";
import { type HttpOptions, MAX_INDEX_SIZE, getBytes } from "./http.js";
import { type IndexFile, parseIndex, type Warn } from "./index-file.js";
import { cacheChartsFile, cacheIndexFile } from "./paths.js";
import { writeFileAtomic } from "./yaml-io.js";

export function httpOptionsFor(entry: RepoEntry): HttpOptions {
  return {
    username: entry.username,
    password: entry.password,
    passCredentials: entry.pass_credentials_all,
    caFile: entry.caFile,
    certFile: entry.certFile,
    keyFile: entry.keyFile,
    insecureSkipTLSVerify: entry.insecure_skip_tls_verify,
  };
}

/** helm's ResolveReferenceURL: a relative chart URL against the repository URL (as a directory). */
export function resolveReference(base: string, ref: string): string {
  const u = new URL(base);
  if (!u.pathname.endsWith("/")) u.pathname += "/";
  const resolved = new URL(ref, u);
  // Query parameters of the repository URL (signed URLs) carry over to relative references.
  if (resolved.search === "" && u.search !== "" && resolved.host === u.host) resolved.search = u.search;
  return resolved.href;
}

/** Download and validate a repository's index; write NAME-index.yaml and NAME-charts.txt. */
export async function downloadIndexFile(entry: RepoEntry, cacheDir: string, warn?: Warn): Promise<{ path: string; index: IndexFile }> {
  let url: string;
  try {
    url = resolveReference(entry.url, "index.yaml");
  } catch {
    throw new RepoError(`invalid chart URL format: ${entry.url}`);
  }
  const body = await getBytes(url, { ...httpOptionsFor(entry), maxBytes: MAX_INDEX_SIZE });
  const index = parseIndex(body.toString("utf8"), url, warn);
  const names = Object.keys(index.entries);
  writeFileAtomic(cacheChartsFile(cacheDir, entry.name), names.join("\n"), 0o644);
  const path = cacheIndexFile(cacheDir, entry.name);
  writeFileAtomic(path, body, 0o644);
  return { path, index };
}

export interface AddOptions {
  repositoryConfig: string;
  repositoryCache: string;
  forceUpdate?: boolean;
  /** helm's --no-update: ignored as in helm 3 (kept for compatibility). */
  noUpdate?: boolean;
  entry: Partial<RepoEntry>;
  warn?: Warn;
}

/** `repo add`: returns the line helm prints. */
export async function addRepo(name: string, url: string, opts: AddOptions): Promise<string> {
  if (name.includes("/")) throw new RepoError(`repository name (${name}) contains '/', please specify a different name without '/'`);
  const file = loadRepoFile(opts.repositoryConfig);
  const entry = newEntry(name, url, opts.entry);
  const existing = findEntry(file, name);
  if (existing && !opts.forceUpdate) {
    if (sameEntry(existing, entry)) return `"${name}" already exists with the same configuration, skipping`;
    throw new RepoError(`repository name (${name}) already exists, please specify a different name`);
  }
  try {
    await downloadIndexFile(entry, opts.repositoryCache, opts.warn);
  } catch (err) {
    throw new RepoError(`looks like "${url}" is not a valid chart repository or cannot be reached: ${(err as Error).message}`, { cause: err });
  }
  file.repositories = file.repositories.filter((r) => r.name !== name);
  file.repositories.push(entry);
  saveRepoFile(opts.repositoryConfig, file);
  return `"${name}" has been added to your repositories`;
}

export interface UpdateResult {
  name: string;
  url: string;
  error?: Error;
}

/**
 * `repo update`: every repository at once; each result is reported as it
 * arrives so one slow or failing repository neither blocks nor stops the rest.
 */
export async function updateRepos(
  opts: { repositoryConfig: string; repositoryCache: string; names?: string[]; warn?: Warn; onStart?: () => void },
  onResult: (r: UpdateResult) => void = () => {},
): Promise<UpdateResult[]> {
  const file = loadRepoFile(opts.repositoryConfig);
  if (file.repositories.length === 0) throw new RepoError("no repositories found. You must add one before updating");
  const names = opts.names ?? [];
  for (const n of names)
    if (!findEntry(file, n)) throw new RepoError(`no repositories found matching '${n}'.  Nothing will be updated`);
  const chosen = names.length ? file.repositories.filter((r) => names.includes(r.name)) : file.repositories;
  opts.onStart?.();
  return Promise.all(
    chosen.map(async (entry) => {
      const r: UpdateResult = { name: entry.name, url: entry.url };
      try {
        await downloadIndexFile(entry, opts.repositoryCache, opts.warn);
      } catch (err) {
        r.error = err as Error;
      }
      onResult(r);
      return r;
    }),
  );
}

/** `repo remove`: drops the entries and their cache files; returns helm's lines. */
export function removeRepos(names: string[], opts: { repositoryConfig: string; repositoryCache: string }): string[] {
  const file = loadRepoFile(opts.repositoryConfig);
  if (file.repositories.length === 0) throw new RepoError("no repositories configured");
  const lines: string[] = [];
  for (const name of names) {
    if (!findEntry(file, name)) throw new RepoError(`no repo named "${name}" found`);
    file.repositories = file.repositories.filter((r) => r.name !== name);
    saveRepoFile(opts.repositoryConfig, file);
    for (const p of [cacheIndexFile(opts.repositoryCache, name), cacheChartsFile(opts.repositoryCache, name)])
      if (existsSync(p)) rmSync(p);
    lines.push(`"${name}" has been removed from your repositories`);
  }
  return lines;
}
