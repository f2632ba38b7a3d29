// `search repo`: helm's literal and regexp matching over "name, repo/name,
// description, keywords" (scored by the field matched), extended with fuse.js
// fuzzy matches on names and keywords, ranked after every literal match.
import Fuse from "fuse.js";
import { RE2JS } from "re2js";
import semver from "semver";
import { normalizeVersion } from "../chart/semver.js";
import { loadRepoFile } from "./config.js";
import { RepoError } from "./errors.js";
import { DEVEL_CONSTRAINT, satisfies, type Warn } from "./index-file.js";
import { loadCompactIndex, type SearchChart } from "./search-cache.js";

export const SEARCH_MAX_SCORE = 25;
const FUZZY_SCORE = 4;

export interface SearchResult {
  /** repo/chart */
  name: string;
  score: number;
  chart: SearchChart;
}

export interface SearchOptions {
  repositoryConfig: string;
  repositoryCache: string;
  keyword?: string;
  regexp?: boolean;
  versions?: boolean;
  version?: string;
  devel?: boolean;
  /** Add fuse.js fuzzy matches after helm's literal ones (default true; never with --regexp). */
  fuzzy?: boolean;
  warn?: Warn;
}

interface Line {
  name: string;
  text: string;
  lower: string;
  chart: SearchChart;
}

interface RepoLines {
  lines: Line[];
  /** Each chart's newest version with the letter pairs of its name and keywords, for fuzzy search. */
  newest?: { line: Line; grams: Set<string> }[];
}

function bigrams(text: string): Set<string> {
  const t = text.toLowerCase();
  const out = new Set<string>();
  for (let i = 0; i + 1 < t.length; i++) out.add(t.slice(i, i + 2));
  return out;
}

const linesMemo = new WeakMap<object, RepoLines>();

function repoLines(repoName: string, entries: ReturnType<typeof loadCompactIndex>): RepoLines {
  const hit = linesMemo.get(entries);
  if (hit) return hit;
  const lines: Line[] = [];
  for (const [chartName, list] of Object.entries(entries)) {
    const full = `${repoName}/${chartName}`;
    for (const c of list) {
      const text = `${c.name}\v${full}\v${c.description}\v${c.keywords.join(" ")}`;
      lines.push({ name: full, text, lower: text.toLowerCase(), chart: c });
    }
  }
  const r: RepoLines = { lines };
  linesMemo.set(entries, r);
  return r;
}

/**
 * Fuzzy candidates: charts sharing enough letter pairs with the keyword. Only
 * those go through fuse.js, so a query costs a set scan, not a bitap search
 * over every chart.
 */
function fuzzyCandidates(r: RepoLines, keyword: string): Line[] {
  r.newest ??= r.lines
    .filter((l, i) => i === 0 || r.lines[i - 1]?.name !== l.name)
    .map((line) => ({ line, grams: bigrams(`${line.chart.name} ${line.chart.keywords.join(" ")}`) }));
  const want = [...bigrams(keyword)];
  const need = Math.max(1, Math.ceil(want.length * 0.4));
  const out: Line[] = [];
  for (const c of r.newest) {
    let shared = 0;
    for (const g of want) if (c.grams.has(g)) shared++;
    if (shared >= need) out.push(c.line);
  }
  return out;
}

function buildLines(opts: SearchOptions): RepoLines[] {
  const file = loadRepoFile(opts.repositoryConfig);
  if (file.repositories.length === 0) throw new RepoError("no repositories configured");
  const out: RepoLines[] = [];
  for (const repo of file.repositories) {
    try {
      out.push(repoLines(repo.name, loadCompactIndex(opts.repositoryCache, repo.name, opts.warn)));
    } catch (err) {
      opts.warn?.(`Repo "${repo.name}" is corrupt or missing. Try 'helm repo update'.`);
      opts.warn?.((err as Error).message);
    }
  }
  return out;
}

/** The index of the \v-separated field a match starts in. */
function fieldOf(pos: number, line: string): number {
  let field = 0;
  for (let i = line.indexOf("\v"); i !== -1 && i < pos; i = line.indexOf("\v", i + 1)) field++;
  return field;
}

/** Fuzzy matches (by chart) that helm's substring search missed, with every version of each. */
function fuzzyMatches(repos: RepoLines[], keyword: string, taken: Set<string>): SearchResult[] {
  const out: SearchResult[] = [];
  for (const r of repos) {
    const fuse = new Fuse(fuzzyCandidates(r, keyword), {
      // Descriptions are matched by helm's substring search; fuzzy-matching their long text would
      // dominate query time, so typos are caught in names and keywords.
      keys: ["chart.name", "chart.keywords"],
      threshold: 0.3,
      ignoreLocation: true,
    });
    const names = new Set(fuse.search(keyword).map((m) => m.item.name));
    for (const l of r.lines) if (names.has(l.name) && !taken.has(`${l.name}\v${l.chart.version}`)) out.push({ name: l.name, score: FUZZY_SCORE, chart: l.chart });
  }
  return out;
}

const normalized = new Map<string, string | undefined>();

function norm(v: string): string | undefined {
  if (!normalized.has(v)) normalized.set(v, normalizeVersion(v));
  return normalized.get(v);
}

const parsed = new Map<string, semver.SemVer | undefined>();

function parsedVersion(v: string): semver.SemVer | undefined {
  if (!parsed.has(v)) {
    const n = norm(v);
    parsed.set(v, n === undefined ? undefined : new semver.SemVer(n));
  }
  return parsed.get(v);
}

/** The constraint check, with the default ">0.0.0" (any release) answered without parsing a range. */
function accepts(constraint: string, version: string): boolean {
  const v = norm(version);
  if (v === undefined) return false;
  if (constraint === ">0.0.0") return !v.includes("-") && v !== "0.0.0";
  return satisfies(constraint, version);
}

/** helm's scoreSorter: score, then name, then version newest first. */
function compareResults(a: SearchResult, b: SearchResult): number {
  if (a.score !== b.score) return a.score - b.score;
  if (a.name !== b.name) return a.name < b.name ? -1 : 1;
  const va = parsedVersion(a.chart.version);
  const vb = parsedVersion(b.chart.version);
  return va && vb ? vb.compare(va) : 0;
}

export function searchRepos(opts: SearchOptions): SearchResult[] {
  const constraint = opts.version ? opts.version : opts.devel ? DEVEL_CONSTRAINT : ">0.0.0";
  // helm fills in the default constraint before indexing, so every version is always indexed.
  const repos = buildLines(opts);
  const lines = repos.flatMap((r) => r.lines);
  let results: SearchResult[];
  const keyword = opts.keyword ?? "";
  if (keyword === "") {
    results = lines.map((l) => ({ name: l.name, score: 0, chart: l.chart }));
  } else if (opts.regexp) {
    let re: RE2JS;
    try {
      re = RE2JS.compile(keyword);
    } catch (err) {
      throw new RepoError(`error parsing regexp: ${(err as Error).message}`);
    }
    results = [];
    for (const l of lines) {
      const m = re.matcher(l.text);
      if (!m.find()) continue;
      const score = fieldOf(m.start(), l.text);
      if (score < SEARCH_MAX_SCORE) results.push({ name: l.name, score, chart: l.chart });
    }
  } else {
    const term = keyword.toLowerCase();
    const taken = new Set<string>();
    results = [];
    for (const l of lines) {
      const pos = l.lower.indexOf(term);
      if (pos === -1) continue;
      taken.add(`${l.name}\v${l.chart.version}`);
      results.push({ name: l.name, score: fieldOf(pos, l.lower), chart: l.chart });
    }
    if (opts.fuzzy !== false) results.push(...fuzzyMatches(repos, keyword, taken));
  }
  results.sort(compareResults);
  if (!validConstraint(constraint))
    throw new RepoError(`an invalid version/constraint format: improper constraint: ${constraint}`);
  const seen = new Set<string>();
  const out: SearchResult[] = [];
  for (const r of results) {
    if (!opts.versions && seen.has(r.name)) continue;
    if (accepts(constraint, r.chart.version)) {
      out.push(r);
      seen.add(r.name);
    }
  }
  return out;
}

function validConstraint(c: string): boolean {
  return c.split(/\|\||,|\s+/).every((t) => t.trim() === "" || /^(!=|>=|=<|<=|=>|~>|[=<>~^])?\s*v?[0-9xX*]+(\.[0-9xX*]+){0,2}(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/.test(t.trim()) || t.trim() === "-");
}
