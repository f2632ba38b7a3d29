// Repository benchmarks: search latency over a generated 10,000-entry index
// (first load separately, then the median of many queries from the parsed
// cache) and `repo update` of 5 local repositories served on loopback.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fmt, median } from "./util.js";

const WORDS = ["web", "proxy", "database", "cache", "queue", "monitor", "logging", "storage", "auth", "gateway", "metrics", "backup"];

function generatedIndex(charts, versionsEach) {
  const lines = ["apiVersion: v1", "entries:"];
  for (let c = 0; c < charts; c++) {
    const name = `${WORDS[c % WORDS.length]}-chart-${c}`;
    lines.push(`  ${name}:`);
    for (let v = versionsEach - 1; v >= 0; v--) {
      lines.push(
        `  - apiVersion: v2`,
        `    appVersion: "1.${v}.0"`,
        `    created: "2026-01-01T00:00:00Z"`,
        `    description: A ${WORDS[(c * 7) % WORDS.length]} chart for ${WORDS[(c * 3) % WORDS.length]} number ${c}`,
        `    digest: ${"ab".repeat(32)}`,
        `    keywords:`,
        `    - ${WORDS[(c * 5) % WORDS.length]}`,
        `    name: ${name}`,
        `    urls:`,
        `    - https://charts.example.com/${name}-0.${v}.0.tgz`,
        `    version: 0.${v}.0`,
      );
    }
  }
  lines.push(`generated: "2026-01-01T00:00:00Z"`);
  return `${lines.join("\n")}\n`;
}

function timed(fn) {
  const t0 = process.hrtime.bigint();
  const r = fn();
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, r };
}

export async function run({ queries = 60 } = {}) {
  const repo = await import("../dist/repo/index.js");
  const base = mkdtempSync(join(tmpdir(), "chartroom-bench-repo-"));
  try {
    const paths = { repositoryConfig: join(base, "repositories.yaml"), repositoryCache: join(base, "cache") };
    mkdirSync(paths.repositoryCache, { recursive: true });
    writeFileSync(join(paths.repositoryCache, "big-index.yaml"), generatedIndex(2000, 5));
    repo.saveRepoFile(paths.repositoryConfig, { apiVersion: "", generated: "", repositories: [repo.newEntry("big", "https://charts.example.com")] });

    const first = timed(() => repo.searchRepos({ ...paths, keyword: "proxy" }));
    const terms = ["proxy", "database", "chart-1999", "monitor", "gatway", "storage number 12", "metrics", "zzz"];
    const warm = [];
    const fromCacheFile = [];
    for (let i = 0; i < queries; i++) {
      const keyword = terms[i % terms.length];
      warm.push(timed(() => repo.searchRepos({ ...paths, keyword })).ms);
      repo.clearSearchMemo();
      fromCacheFile.push(timed(() => repo.searchRepos({ ...paths, keyword, versions: i % 2 === 0 })).ms);
    }
    const q = median(warm);
    const qc = median(fromCacheFile);
    console.log(`repo: search over 10,000 entries: first load ${fmt(first.ms)} (${first.r.length} results); query median ${fmt(q)} in-process, ${fmt(qc)} loading the parsed cache file (${queries} queries; target < 50 ms)`);

    // repo update: 5 repositories on loopback, each with a 1,000-entry index.
    const dirs = [];
    const servers = [];
    const file = { apiVersion: "", generated: "", repositories: [] };
    for (let i = 0; i < 5; i++) {
      const dir = join(base, `repo${i}`);
      mkdirSync(dir);
      writeFileSync(join(dir, "index.yaml"), generatedIndex(200, 5));
      dirs.push(dir);
      const s = await repo.serveRepo({ dir });
      servers.push(s);
      file.repositories.push(repo.newEntry(`r${i}`, s.url));
    }
    repo.saveRepoFile(paths.repositoryConfig, file);
    const updates = [];
    for (let i = 0; i < 5; i++) {
      const t0 = process.hrtime.bigint();
      const res = await repo.updateRepos(paths);
      updates.push(Number(process.hrtime.bigint() - t0) / 1e6);
      if (res.some((r) => r.error)) throw new Error(`update failed: ${res.find((r) => r.error).error.message}`);
    }
    for (const s of servers) await s.stop();
    const u = median(updates);
    console.log(`repo: repo update of 5 local repositories (1,000 entries each): median ${fmt(u)} (5 runs)`);
    // The target is a query after the first load; a fresh process reading the cache file is reported beside it.
    return { name: "repo", firstLoadMs: first.ms, queryMs: q, queryFromCacheFileMs: qc, updateMs: u, target: 50, ok: q < 50 };
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
