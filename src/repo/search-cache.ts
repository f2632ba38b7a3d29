// Parsed repository indexes cached in a compact V8-serialised form beside
// helm's cache (invalidated by the index file's mtime and size), so searching
// a large index does not re-parse its YAML every time.
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { deserialize, serialize } from "node:v8";
import { fastCompactIndex } from "./fast-index.js";
import { parseIndex, type Warn } from "./index-file.js";
import { cacheIndexFile } from "./paths.js";

/** One chart version as search shows it. */
export interface SearchChart {
  name: string;
  version: string;
  appVersion: string;
  description: string;
  keywords: string[];
}

/** A repository's charts, each list newest first. */
export type CompactIndex = Record<string, SearchChart[]>;

interface CacheFile {
  format: 2;
  mtimeMs: number;
  size: number;
  /** Chart names, and per chart its versions as flat [version, appVersion, description, keywords joined by \v]. */
  names: string[];
  rows: string[][];
}

function pack(entries: CompactIndex): { names: string[]; rows: string[][] } {
  const names = Object.keys(entries);
  const rows = names.map((n) => (entries[n] ?? []).flatMap((c) => [c.name, c.version, c.appVersion, c.description, c.keywords.join("\v")]));
  return { names, rows };
}

function unpack(c: CacheFile): CompactIndex {
  const out: CompactIndex = {};
  c.names.forEach((n, i) => {
    const r = c.rows[i] ?? [];
    const list: SearchChart[] = [];
    for (let j = 0; j + 4 < r.length; j += 5)
      list.push({ name: r[j] as string, version: r[j + 1] as string, appVersion: r[j + 2] as string, description: r[j + 3] as string, keywords: r[j + 4] ? (r[j + 4] as string).split("\v") : [] });
    out[n] = list;
  });
  return out;
}

const memo = new Map<string, { mtimeMs: number; size: number; entries: CompactIndex }>();

function cachePath(cacheDir: string, repoName: string): string {
  return join(cacheDir, ".chartroom", `${repoName}-index.v8`);
}

/** The repository's cached index for search; throws when the index is missing or corrupt. */
export function loadCompactIndex(cacheDir: string, repoName: string, warn?: Warn): CompactIndex {
  const src = cacheIndexFile(cacheDir, repoName);
  const st = statSync(src);
  const hit = memo.get(src);
  if (hit && hit.mtimeMs === st.mtimeMs && hit.size === st.size) return hit.entries;
  const bin = cachePath(cacheDir, repoName);
  if (existsSync(bin)) {
    try {
      const c = deserialize(readFileSync(bin)) as CacheFile;
      if (c.format === 2 && c.mtimeMs === st.mtimeMs && c.size === st.size) {
        const entries = unpack(c);
        memo.set(src, { mtimeMs: st.mtimeMs, size: st.size, entries });
        return entries;
      }
    } catch {
      // A damaged cache file is rebuilt below.
    }
  }
  const text = readFileSync(src, "utf8");
  let entries = fastCompactIndex(text);
  if (!entries) {
    const index = parseIndex(text, src, warn);
    entries = {};
    for (const [name, list] of Object.entries(index.entries)) {
      entries[name] = list.map((cv) => ({
        name: cv.name,
        version: cv.version,
        appVersion: cv.appVersion ?? "",
        description: cv.description ?? "",
        keywords: cv.keywords ?? [],
      }));
    }
  }
  const c: CacheFile = { format: 2, mtimeMs: st.mtimeMs, size: st.size, ...pack(entries) };
  try {
    mkdirSync(join(cacheDir, ".chartroom"), { recursive: true });
    writeFileSync(bin, serialize(c));
  } catch {
    // A read-only cache still answers from memory.
  }
  memo.set(src, { mtimeMs: st.mtimeMs, size: st.size, entries });
  return entries;
}

/** Forget the in-process copies (benchmarks measure loading from the cache file). */
export function clearSearchMemo(): void {
  memo.clear();
}
