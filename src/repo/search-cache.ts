// Parsed repository indexes cached in a compact V8-serialised form beside
// helm's cache (invalidated by the index file's mtime and size), so searching
// a large index does not re-parse its YAML every time.
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { deserialize, serialize } from "node:v8";
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
  format: 1;
  mtimeMs: number;
  size: number;
  entries: CompactIndex;
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
      if (c.format === 1 && c.mtimeMs === st.mtimeMs && c.size === st.size) {
        memo.set(src, c);
        return c.entries;
      }
    } catch {
      // A damaged cache file is rebuilt below.
    }
  }
  const index = parseIndex(readFileSync(src, "utf8"), src, warn);
  const entries: CompactIndex = {};
  for (const [name, list] of Object.entries(index.entries)) {
    entries[name] = list.map((cv) => ({
      name: cv.name,
      version: cv.version,
      appVersion: cv.appVersion ?? "",
      description: cv.description ?? "",
      keywords: cv.keywords ?? [],
    }));
  }
  const c: CacheFile = { format: 1, mtimeMs: st.mtimeMs, size: st.size, entries };
  try {
    mkdirSync(join(cacheDir, ".chartroom"), { recursive: true });
    writeFileSync(bin, serialize(c));
  } catch {
    // A read-only cache still answers from memory.
  }
  memo.set(src, c);
  return entries;
}
