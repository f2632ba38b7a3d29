// `repo index DIR`: build an index.yaml from the chart archives in a
// directory (and its immediate subdirectories), as helm's IndexDirectory does.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { type ChartMetadata, loadArchiveFile } from "../chart/index.js";
import { RepoError } from "./errors.js";
import { type ChartVersion, hasVersion, type IndexFile, mergeIndex, newIndex, parseIndex, serializeIndex, sortEntries } from "./index-file.js";
import { goTime, writeFileAtomic } from "./yaml-io.js";

export function sha256File(path: string): string {
  return createHash("sha256").update(readFileSync(path)).digest("hex");
}

/** url.JoinPath-like joining that keeps the base's scheme and host. */
function urlJoin(base: string, ...parts: string[]): string {
  if (base === "") return parts.filter((p) => p !== "").join("/");
  const u = new URL(base);
  u.pathname = [u.pathname.replace(/\/+$/, ""), ...parts.filter((p) => p !== "")].join("/");
  return u.href;
}

/** Chart.yaml metadata in the index's JSON shape. */
export function metadataEntry(md: ChartMetadata, urls: string[], digest: string, created = goTime()): ChartVersion {
  const deps = md.dependencies
    .filter((d) => d !== null)
    .map((d) => ({
      name: d.name,
      version: d.version,
      repository: d.repository,
      condition: d.condition || undefined,
      tags: d.tags.length ? d.tags : undefined,
      enabled: d.enabled || undefined,
      "import-values": d.importValues.length ? d.importValues : undefined,
      alias: d.alias || undefined,
    }));
  return JSON.parse(
    JSON.stringify({
      ...md,
      maintainers: md.maintainers.filter((m) => m !== null).map((m) => ({ name: m.name || undefined, email: m.email || undefined, url: m.url || undefined })),
      dependencies: deps,
      urls,
      created,
      digest,
    }),
  ) as ChartVersion;
}

function archivesIn(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (e.isFile() && e.name.endsWith(".tgz")) out.push(e.name);
    else if (e.isDirectory()) {
      for (const f of readdirSync(join(dir, e.name)).sort()) if (f.endsWith(".tgz") && statSync(join(dir, e.name, f)).isFile()) out.push(`${e.name}/${f}`);
    }
  }
  return out;
}

export function indexDirectory(dir: string, baseUrl = ""): IndexFile {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new RepoError(`could not find directory: ${dir}`);
  const index = newIndex();
  for (const rel of archivesIn(dir)) {
    const path = join(dir, rel);
    let md: ChartMetadata;
    try {
      md = loadArchiveFile(path).metadata;
    } catch {
      // helm skips archives that are not charts.
      continue;
    }
    if (hasVersion(index, md.name, md.version)) continue;
    const slash = rel.lastIndexOf("/");
    const parent = slash >= 0 ? rel.slice(0, slash) : "";
    const file = rel.slice(slash + 1);
    const url = urlJoin(baseUrl === "" ? parent : urlJoin(baseUrl, parent), file);
    (index.entries[md.name] ??= []).push(metadataEntry(md, [url], sha256File(path)));
  }
  sortEntries(index);
  return index;
}

/** The whole `repo index` command: index DIR, merge an existing index, write DIR/index.yaml. */
export function writeRepoIndex(dir: string, opts: { url?: string; merge?: string } = {}): string {
  const index = indexDirectory(dir, opts.url ?? "");
  if (opts.merge) {
    if (existsSync(opts.merge)) mergeIndex(index, parseIndex(readFileSync(opts.merge, "utf8"), opts.merge));
    else writeFileAtomic(opts.merge, serializeIndex(newIndex()), 0o644);
  }
  sortEntries(index);
  const out = join(dir, "index.yaml");
  writeFileAtomic(out, serializeIndex(index), 0o644);
  return out;
}
