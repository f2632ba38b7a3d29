import { describe, expect, test } from "vitest";
import type { ChartHit, RepoRow, RepoUpdate } from "../../src/tui/engine/types.js";
import { CHART_TABS, REPO_COLUMNS, repoRows, SEARCH_COLUMNS, searchRows, VERSION_COLUMNS, versionRows } from "../../src/tui/view/repos.js";

const NOW = 1_700_000_000_000;
const repo = (over: Partial<RepoRow> = {}): RepoRow => ({ name: "demo", url: "https://charts.example.com", charts: 12, updated: NOW - 3 * 3_600_000, ...over });
const updates = (...list: RepoUpdate[]) => new Map(list.map((u) => [u.name, u]));

describe("repoRows", () => {
  test("name, URL, chart count and the cached index's age", () => {
    const rows = repoRows([repo()], new Map(), NOW);
    expect(rows).toEqual([
      {
        key: "demo",
        cells: [{ text: "demo" }, { text: "https://charts.example.com", token: "muted" }, { text: "12" }, { text: "3h ago", token: "muted" }],
      },
    ]);
    expect(rows[0]!.cells).toHaveLength(REPO_COLUMNS.length);
  });

  test("no cached index: dashes", () => {
    expect(repoRows([repo({ charts: undefined, updated: undefined })], new Map(), NOW)[0]!.cells.slice(2)).toEqual([
      { text: "-" },
      { text: "-", token: "muted" },
    ]);
    expect(repoRows([repo({ charts: 0 })], new Map(), NOW)[0]!.cells[2]).toEqual({ text: "0" });
  });

  test("a problem with the repository shows in place of the age", () => {
    expect(repoRows([repo({ problem: "index is corrupt" })], new Map(), NOW)[0]!.cells[3]).toEqual({ text: "index is corrupt", token: "status.warn" });
  });

  test("each update state: running, done, failed; other repositories untouched", () => {
    const list = [repo({ name: "a" }), repo({ name: "b", updated: NOW - 2_000 }), repo({ name: "c", problem: "unreachable" }), repo({ name: "d" }), repo({ name: "e", updated: undefined })];
    const rows = repoRows(
      list,
      updates(
        { name: "a", state: "updating" },
        { name: "b", state: "ok" },
        { name: "c", state: "failed", error: "looks like https://x is not a valid chart repository" },
        { name: "e", state: "failed" },
      ),
      NOW,
    );
    expect(rows.map((r) => r.cells[3])).toEqual([
      { text: "updating…", token: "status.warn" },
      { text: "2s ago ✓", token: "status.ok" },
      { text: "failed: looks like https://x is not a valid chart repository", token: "status.error" },
      { text: "3h ago", token: "muted" },
      { text: "failed: ", token: "status.error" },
    ]);
  });

  test("a running update hides an older problem; a finished one shows the problem again", () => {
    const r = repo({ problem: "no cached index" });
    expect(repoRows([r], updates({ name: "demo", state: "updating" }), NOW)[0]!.cells[3]).toEqual({ text: "updating…", token: "status.warn" });
    expect(repoRows([r], updates({ name: "demo", state: "ok" }), NOW)[0]!.cells[3]).toEqual({ text: "no cached index", token: "status.warn" });
  });

  test("the list's order is kept", () => {
    expect(repoRows([repo({ name: "z" }), repo({ name: "a" })], new Map(), NOW).map((r) => r.key)).toEqual(["z", "a"]);
  });
});

describe("searchRows", () => {
  const hit = (over: Partial<ChartHit> = {}): ChartHit => ({
    ref: "demo/hello-web",
    repo: "demo",
    chart: "hello-web",
    version: "0.2.0",
    appVersion: "1.0.0",
    description: "A friendly web page",
    keywords: ["web"],
    score: 0,
    ...over,
  });

  test("one row per hit; fuzzy matches (score 4 and up) have a muted description", () => {
    const rows = searchRows([hit(), hit({ ref: "demo/hello-api", score: 3 }), hit({ ref: "other/web", score: 4, description: "close enough" })]);
    expect(rows).toEqual([
      { key: "demo/hello-web", cells: [{ text: "demo/hello-web" }, { text: "0.2.0" }, { text: "1.0.0", token: "muted" }, { text: "A friendly web page", token: "text" }] },
      { key: "demo/hello-api", cells: [{ text: "demo/hello-api" }, { text: "0.2.0" }, { text: "1.0.0", token: "muted" }, { text: "A friendly web page", token: "text" }] },
      { key: "other/web", cells: [{ text: "other/web" }, { text: "0.2.0" }, { text: "1.0.0", token: "muted" }, { text: "close enough", token: "muted" }] },
    ]);
    expect(rows[0]!.cells).toHaveLength(SEARCH_COLUMNS.length);
  });

  test("no hits, no rows", () => {
    expect(searchRows([])).toEqual([]);
  });
});

describe("versionRows", () => {
  test("one row per version, keyed by it, in the order given", () => {
    const rows = versionRows([
      { version: "0.2.0", appVersion: "1.1.0", description: "Second" },
      { version: "0.1.0", appVersion: "1.0.0", description: "" },
    ]);
    expect(rows).toEqual([
      { key: "0.2.0", cells: [{ text: "0.2.0" }, { text: "1.1.0", token: "muted" }, { text: "Second", token: "muted" }] },
      { key: "0.1.0", cells: [{ text: "0.1.0" }, { text: "1.0.0", token: "muted" }, { text: "", token: "muted" }] },
    ]);
    expect(rows[0]!.cells).toHaveLength(VERSION_COLUMNS.length);
  });

  test("the chart detail tabs, in order", () => {
    expect(CHART_TABS).toEqual(["versions", "chart", "readme", "values", "schema"]);
  });
});
