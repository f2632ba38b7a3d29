// View models of the Repositories and Search panes.
import type { ChartHit, ChartVersionRow, RepoRow, RepoUpdate } from "../engine/types.js";
import { age, type Column, type Row } from "./table.js";

export const REPO_COLUMNS: Column[] = [
  { title: "NAME", min: 4, max: 24 },
  { title: "URL", min: 10, flex: true },
  { title: "CHARTS", align: "right" },
  { title: "UPDATED", min: 7 },
];

/** Rows of the repository list; a running or finished update shows in the UPDATED column. */
export function repoRows(repos: readonly RepoRow[], updates: ReadonlyMap<string, RepoUpdate>, now: number): Row[] {
  return repos.map((r) => {
    const u = updates.get(r.name);
    const updated =
      u?.state === "updating"
        ? { text: "updating…", token: "status.warn" as const }
        : u?.state === "failed"
          ? { text: `failed: ${u.error ?? ""}`, token: "status.error" as const }
          : r.problem
            ? { text: r.problem, token: "status.warn" as const }
            : { text: r.updated ? `${age(Math.max(0, now - r.updated))} ago${u?.state === "ok" ? " ✓" : ""}` : "-", token: u?.state === "ok" ? ("status.ok" as const) : ("muted" as const) };
    return {
      key: r.name,
      cells: [{ text: r.name }, { text: r.url, token: "muted" }, { text: r.charts === undefined ? "-" : String(r.charts) }, updated],
    };
  });
}

export const SEARCH_COLUMNS: Column[] = [
  { title: "NAME", min: 8, max: 34 },
  { title: "VERSION", min: 7, max: 16 },
  { title: "APP VERSION", min: 3, max: 14 },
  { title: "DESCRIPTION", flex: true },
];

export function searchRows(hits: readonly ChartHit[]): Row[] {
  return hits.map((h) => ({
    key: h.ref,
    cells: [{ text: h.ref }, { text: h.version }, { text: h.appVersion, token: "muted" }, { text: h.description, token: h.score >= 4 ? "muted" : "text" }],
  }));
}

export const VERSION_COLUMNS: Column[] = [
  { title: "VERSION", min: 7, max: 20 },
  { title: "APP VERSION", min: 3, max: 16 },
  { title: "DESCRIPTION", flex: true },
];

export function versionRows(versions: readonly ChartVersionRow[]): Row[] {
  return versions.map((v) => ({ key: v.version, cells: [{ text: v.version }, { text: v.appVersion, token: "muted" }, { text: v.description, token: "muted" }] }));
}

export const CHART_TABS = ["versions", "chart", "readme", "values", "schema"] as const;
export type ChartTab = (typeof CHART_TABS)[number];
