// Chart references to files on disk: `repo/name` through the configured
// repositories, `--repo URL`, an http(s) archive URL, a local path, or
// oci://. Downloads are size-limited and checked against the index digest.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { downloadIndexFile, httpOptionsFor, resolveReference } from "./chartrepo.js";
import { findEntry, loadRepoFile, newEntry, type RepoEntry } from "./config.js";
import { RepoError } from "./errors.js";
import { getBytes, MAX_ARCHIVE_SIZE, MAX_INDEX_SIZE } from "./http.js";
import { type ChartVersion, findChartVersion, type IndexFile, parseIndex, type Warn } from "./index-file.js";
import { cacheIndexFile, helmPaths } from "./paths.js";
import { writeFileAtomic } from "./yaml-io.js";
import type { Verification } from "../chart/provenance.js";

export interface LocateOptions {
  version?: string;
  devel?: boolean;
  /** helm's --repo: a repository URL used without adding it. */
  repo?: string;
  username?: string;
  password?: string;
  passCredentials?: boolean;
  caFile?: string;
  certFile?: string;
  keyFile?: string;
  insecureSkipTLSVerify?: boolean;
  plainHttp?: boolean;
  repositoryConfig?: string;
  repositoryCache?: string;
  registryConfig?: string;
  /** Where downloads go; the repository cache by default (as helm install does). */
  destination?: string;
  warn?: Warn;
  /** --verify ("always": fetch ARCHIVE.prov and check it) or --prov ("later": fetch it only). */
  verify?: "always" | "later";
  /** The public keyring for --verify; helm's default when unset. */
  keyring?: string;
  /** helm's downloader output (stdout): the warning when --prov finds no .prov. Falls back to warn. */
  notice?: (msg: string) => void;
}

export interface Downloaded {
  path: string;
  /** The index entry, when the chart came from a repository. */
  chart?: ChartVersion;
  /** sha256:… of the archive. */
  digest: string;
  /** The resolved reference (OCI: host/path:tag). */
  ref: string;
  /** With verify "always": who signed it. */
  verification?: Verification;
}

function paths(opts: LocateOptions) {
  const p = helmPaths();
  return {
    repositoryConfig: opts.repositoryConfig ?? p.repositoryConfig,
    repositoryCache: opts.repositoryCache ?? p.repositoryCache,
    registryConfig: opts.registryConfig ?? p.registryConfig,
  };
}

function entryFromFlags(url: string, opts: LocateOptions): RepoEntry {
  return newEntry("", url, {
    username: opts.username ?? "",
    password: opts.password ?? "",
    pass_credentials_all: !!opts.passCredentials,
    caFile: opts.caFile ?? "",
    certFile: opts.certFile ?? "",
    keyFile: opts.keyFile ?? "",
    insecure_skip_tls_verify: !!opts.insecureSkipTLSVerify,
  });
}

/** Downloads `url` (asked for as `ref`) into `dest`, with its .prov when verifying. */
async function save(
  url: string,
  ref: string,
  entry: RepoEntry,
  dest: string,
  opts: LocateOptions,
  expected?: string,
): Promise<{ path: string; digest: string; verification?: Verification }> {
  const body = await getBytes(url, { ...httpOptionsFor(entry), maxBytes: MAX_ARCHIVE_SIZE });
  const hex = createHash("sha256").update(body).digest("hex");
  if (expected && expected.replace(/^sha256:/, "") !== hex)
    throw new RepoError(`digest mismatch for ${url}: the repository index says sha256:${expected.replace(/^sha256:/, "")}, the download is sha256:${hex}`);
  mkdirSync(dest, { recursive: true });
  const name = decodeURIComponent(basename(new URL(url).pathname)) || "chart.tgz";
  const path = join(dest, name);
  writeFileAtomic(path, body, 0o644);
  const verification = opts.verify ? await fetchProvenance(url, ref, entry, path, body, opts) : undefined;
  return { path, digest: `sha256:${hex}`, verification };
}

/** helm's ChartDownloader: ARCHIVE_URL.prov beside the archive, checked with --verify. */
async function fetchProvenance(url: string, ref: string, entry: RepoEntry, path: string, archive: Buffer, opts: LocateOptions): Promise<Verification | undefined> {
  let prov: Buffer;
  try {
    prov = await getBytes(`${url}.prov`, { ...httpOptionsFor(entry), maxBytes: MAX_INDEX_SIZE });
  } catch (err) {
    if (opts.verify === "always") throw new RepoError(`failed to fetch provenance "${url}.prov"`, { cause: err });
    const msg = `Verification not found for ${ref}: ${(err as Error).message}`;
    if (opts.notice) opts.notice(`WARNING: ${msg}`);
    else opts.warn?.(msg);
    return undefined;
  }
  return keepProvenance(path, archive, prov, opts);
}

/** Writes ARCHIVE.prov beside a download and, with --verify, checks the archive against it. */
export async function keepProvenance(path: string, archive: Buffer, prov: Buffer, opts: LocateOptions): Promise<Verification | undefined> {
  writeFileAtomic(`${path}.prov`, prov, 0o644);
  if (opts.verify !== "always") return undefined;
  const { defaultKeyring, verifyProvenance } = await import("../chart/provenance.js");
  return verifyProvenance(archive, prov.toString("utf8"), basename(path), opts.keyring ?? defaultKeyring());
}

function pick(index: IndexFile, name: string, repoName: string, opts: LocateOptions): ChartVersion {
  const cv = findChartVersion(index, name, opts.version ?? "", opts.devel);
  if (cv) {
    if (cv.urls.length === 0) throw new RepoError(`chart "${name}" version "${cv.version}" has no downloadable URLs`);
    return cv;
  }
  // helm's commands turn --devel without --version into this constraint before looking.
  const constraint = opts.version || (opts.devel ? ">0.0.0-0" : "");
  const what = index.entries[name] ? `no chart version found for ${name}-${constraint}` : "no chart name found";
  throw new RepoError(`chart "${name}" matching ${constraint} not found in ${repoName} index. (try 'helm repo update'): ${what}`);
}

/** --repo URL: helm's FindChartInAuthAndTLSAndPassRepoURL words a miss differently. */
function pickFromUrl(index: IndexFile, name: string, opts: LocateOptions): ChartVersion {
  const constraint = opts.version || (opts.devel ? ">0.0.0-0" : "");
  const what = `chart ${JSON.stringify(name)}${constraint ? ` version ${JSON.stringify(constraint)}` : ""}`;
  const cv = findChartVersion(index, name, opts.version ?? "", opts.devel);
  if (!cv) throw new RepoError(`${what} not found in ${opts.repo} repository`);
  if (cv.urls.length === 0) throw new RepoError(`${what} has no downloadable URLs`);
  return cv;
}

/** Download a chart reference to opts.destination (or the cache); local paths are not copied. */
export async function downloadChart(ref: string, opts: LocateOptions = {}): Promise<Downloaded> {
  const p = paths(opts);
  const dest = opts.destination ?? p.repositoryCache;
  if (ref.startsWith("oci://")) {
    const { pullOciChart } = await import("./oci-pull.js");
    return pullOciChart(ref, { ...opts, ...p, destination: dest });
  }
  if (opts.repo) {
    const entry = entryFromFlags(opts.repo, opts);
    const indexUrl = resolveReference(opts.repo, "index.yaml");
    let index: IndexFile;
    try {
      index = parseIndex((await getBytes(indexUrl, { ...httpOptionsFor(entry), maxBytes: MAX_INDEX_SIZE })).toString("utf8"), indexUrl, opts.warn);
    } catch (err) {
      throw new RepoError(`looks like "${opts.repo}" is not a valid chart repository or cannot be reached: ${(err as Error).message}`, { cause: err });
    }
    const cv = pickFromUrl(index, ref, opts);
    const url = resolveReference(opts.repo, cv.urls[0] as string);
    const r = await save(url, url, entry, dest, opts, cv.digest);
    return { ...r, chart: cv, ref };
  }
  if (/^https?:\/\//.test(ref)) {
    const r = await save(ref, ref, entryFromFlags(ref, opts), dest, opts);
    return { ...r, ref };
  }
  const slash = ref.indexOf("/");
  if (slash <= 0) throw new RepoError(`non-absolute URLs should be in form of repo_name/path_to_chart, got: ${ref}`);
  const repoName = ref.slice(0, slash);
  const chartName = ref.slice(slash + 1);
  const entry = findEntry(loadRepoFile(p.repositoryConfig), repoName);
  if (!entry) throw new RepoError(`repo ${repoName} not found`);
  const cached = cacheIndexFile(p.repositoryCache, repoName);
  const index = existsSync(cached)
    ? parseIndex(readFileSync(cached, "utf8"), cached, opts.warn)
    : (await downloadIndexFile(entry, p.repositoryCache, opts.warn)).index;
  const cv = pick(index, chartName, repoName, opts);
  const r = await save(resolveReference(entry.url, cv.urls[0] as string), ref, entry, dest, opts, cv.digest);
  return { ...r, chart: cv, ref };
}

/**
 * helm's LocateChart: a local directory or archive is used as is; anything
 * else is downloaded into the repository cache. Returns the local path.
 */
export async function locateChart(ref: string, opts: LocateOptions = {}): Promise<string> {
  // helm tries the file system first, even with --repo.
  const local = resolve(ref);
  if (existsSync(local)) {
    if (opts.verify === "always") {
      const { defaultKeyring, verifyChart } = await import("../chart/provenance.js");
      await verifyChart(local, opts.keyring ?? defaultKeyring());
    }
    return local;
  }
  if (ref.startsWith("/") || ref.startsWith(".")) throw new RepoError(`path "${ref}" not found`);
  return (await downloadChart(ref, opts)).path;
}
