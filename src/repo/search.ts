// `search repo`: helm's literal and regexp matching over "name, repo/name,
// description, keywords" (scored by the field matched), extended with fuse.js
// fuzzy matches ranked after every literal match.
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
  chart: SearchChart;
}

function buildLines(opts: SearchOptions, all: boolean): Line[] {
  const file = loadRepoFile(opts.repositoryConfig);
  if (file.repositories.length === 0) throw new RepoError("no repositories configured");
  const lines: Line[] = [];
  for (const repo of file.repositories) {
    let entries: ReturnType<typeof loadCompactIndex>;
    try {
      entries = loadCompactIndex(opts.repositoryCache, repo.name, opts.warn);
    } catch (err) {
      opts.warn?.(`Repo "${repo.name}" is corrupt or missing. Try 'helm repo update'.`);
      opts.warn?.((err as Error).message);
      continue;
    }
    for (const [chartName, list] of Object.entries(entries)) {
      if (list.length === 0) continue;
      const full = `${repo.name}/${chartName}`;
      for (const c of all ? list : list.slice(0, 1))
        lines.push({ name: full, text: `${c.name}\v${full}\v${c.description}\v${c.keywords.join(" ")}`, chart: c });
    }
  }
  return lines;
}

/** The index of the \v-separated field a match starts in. */
function fieldOf(pos: number, line: string): number {
  let field = 0;
  for (let i = line.indexOf("\v"); i !== -1 && i < pos; i = line.indexOf("\v", i + 1)) field++;
  return field;
}

function fuzzyMatches(lines: Line[], keyword: string, taken: Set<Line>): SearchResult[] {
  const rest = lines.filter((l) => !taken.has(l));
  const fuse = new Fuse(rest, {
    keys: ["chart.name", "chart.description", "chart.keywords"],
    threshold: 0.3,
    ignoreLocation: true,
    minMatchCharLength: Math.min(3, keyword.length),
  });
  return fuse.search(keyword).map((r) => ({ name: r.item.name, score: FUZZY_SCORE, chart: r.item.chart }));
}

/** helm's scoreSorter: score, then name, then version newest first. */
function compareResults(a: SearchResult, b: SearchResult): number {
  if (a.score !== b.score) return a.score - b.score;
  if (a.name !== b.name) return a.name < b.name ? -1 : 1;
  const va = normalizeVersion(a.chart.version);
  const vb = normalizeVersion(b.chart.version);
  return va && vb ? semver.rcompare(va, vb) : 0;
}

export function searchRepos(opts: SearchOptions): SearchResult[] {
  const constraint = opts.version ? opts.version : opts.devel ? DEVEL_CONSTRAINT : ">0.0.0";
  // helm fills in the default constraint before indexing, so every version is always indexed.
  const lines = buildLines(opts, true);
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
    const taken = new Set<Line>();
    results = [];
    for (const l of lines) {
      const lower = l.text.toLowerCase();
      const pos = lower.indexOf(term);
      if (pos === -1) continue;
      taken.add(l);
      results.push({ name: l.name, score: fieldOf(pos, lower), chart: l.chart });
    }
    if (opts.fuzzy !== false) results.push(...fuzzyMatches(lines, keyword, taken));
  }
  results.sort(compareResults);
  if (!validConstraint(constraint))
    throw new RepoError(`an invalid version/constraint format: improper constraint: ${constraint}`);
  const seen = new Set<string>();
  const out: SearchResult[] = [];
  for (const r of results) {
    if (!opts.versions && seen.has(r.name)) continue;
    if (normalizeVersion(r.chart.version) === undefined) continue;
    if (satisfies(constraint, r.chart.version)) {
      out.push(r);
      seen.add(r.name);
    }
  }
  return out;
}

function validConstraint(c: string): boolean {
  return c.split(/\|\||,|\s+/).every((t) => t.trim() === "" || /^(!=|>=|=<|<=|=>|~>|[=<>~^])?\s*v?[0-9xX*]+(\.[0-9xX*]+){0,2}(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/.test(t.trim()) || t.trim() === "-");
}
