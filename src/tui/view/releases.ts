// View models of the Releases pane: the list, the detail tabs, resources and
// the history timeline. Pure functions of the engine's rows.
import type { ReleaseDetail, ReleaseRow, ResourceRow } from "../engine/types.js";
import type { TokenName } from "../theme.js";
import { age, type Column, type Row } from "./table.js";

/** How often a visible release list or detail reloads. */
export const RELEASES_POLL_MS = 3000;

export function statusToken(status: string): TokenName {
  if (status === "deployed") return "status.ok";
  if (status === "failed") return "status.error";
  if (status.startsWith("pending") || status === "uninstalling") return "status.warn";
  if (status === "superseded" || status === "uninstalled") return "muted";
  return "text";
}

export const RELEASE_COLUMNS: Column[] = [
  { title: "NAME", min: 4, max: 30 },
  { title: "NAMESPACE", min: 4, max: 20 },
  { title: "REV", align: "right" },
  { title: "STATUS", min: 6 },
  { title: "CHART", min: 5, max: 30, flex: true },
  { title: "APP VERSION", min: 3, max: 14 },
  { title: "AGE", align: "right" },
];

export function releaseKey(r: Pick<ReleaseRow, "name" | "namespace">): string {
  return `${r.namespace}/${r.name}`;
}

export function releaseRows(releases: readonly ReleaseRow[], now: number): Row[] {
  return [...releases]
    .sort((a, b) => (a.namespace === b.namespace ? (a.name < b.name ? -1 : 1) : a.namespace < b.namespace ? -1 : 1))
    .map((r) => ({
      key: releaseKey(r),
      cells: [
        { text: r.name, token: "text" },
        { text: r.namespace, token: "muted" },
        { text: String(r.revision) },
        { text: r.status, token: statusToken(r.status) },
        { text: r.chart },
        { text: r.appVersion, token: "muted" },
        { text: r.updated ? age(Math.max(0, now - r.updated)) : "-", token: "muted" },
      ],
    }));
}

export const DETAIL_TABS = ["status", "resources", "notes", "manifest", "values", "hooks", "history"] as const;
export type DetailTab = (typeof DETAIL_TABS)[number];

export const RESOURCE_COLUMNS: Column[] = [
  { title: "KIND", min: 4, max: 24 },
  { title: "NAME", min: 4, max: 40 },
  { title: "READY", min: 5 },
  { title: "REASON", flex: true },
];

export function resourceRows(resources: readonly ResourceRow[]): Row[] {
  return resources.map((r) => {
    const prefix = `${r.kind.toLowerCase()}/${r.name} `;
    const reason = r.reason.startsWith(prefix) ? r.reason.slice(prefix.length) : r.reason;
    return {
      key: `${r.kind}/${r.namespace ?? ""}/${r.name}`,
      cells: [{ text: r.kind }, { text: r.name }, { text: r.ready ? "Ready" : "NotReady", token: r.ready ? "status.ok" : "status.warn" }, { text: reason, token: "muted" }],
    };
  });
}

/** The Status tab: helm status's header lines. */
export function statusLines(d: ReleaseDetail, now: number): { label: string; value: string; token?: TokenName }[] {
  const r = d.row;
  const ready = d.resources.filter((x) => x.ready).length;
  return [
    { label: "NAME", value: r.name },
    { label: "NAMESPACE", value: r.namespace },
    { label: "STATUS", value: r.status, token: statusToken(r.status) },
    { label: "REVISION", value: String(r.revision) },
    { label: "CHART", value: r.chart },
    { label: "APP VERSION", value: r.appVersion || "-" },
    { label: "LAST DEPLOYED", value: r.updated ? `${new Date(r.updated).toISOString().replace("T", " ").replace(/\.\d+Z$/, " UTC")} (${age(Math.max(0, now - r.updated))} ago)` : "-" },
    { label: "DESCRIPTION", value: r.description || "-" },
    { label: "RESOURCES", value: `${ready}/${d.resources.length} ready`, token: ready === d.resources.length ? "status.ok" : "status.warn" },
  ];
}

export const HISTORY_COLUMNS: Column[] = [
  { title: "", min: 1 },
  { title: "REV", align: "right" },
  { title: "STATUS", min: 6 },
  { title: "CHART", min: 5, max: 30 },
  { title: "APP VERSION", min: 3, max: 14 },
  { title: "AGE", align: "right" },
  { title: "DESCRIPTION", flex: true },
];

/** The timeline, newest first; `marked` revisions (chosen for a diff) carry a ◆. */
export function historyRows(revisions: readonly ReleaseRow[], marked: readonly number[], now: number): Row[] {
  return [...revisions]
    .sort((a, b) => b.revision - a.revision)
    .map((r, i, all) => ({
      key: String(r.revision),
      cells: [
        { text: marked.includes(r.revision) ? "◆" : i === all.length - 1 ? "└" : i === 0 ? "┌" : "│", token: marked.includes(r.revision) ? "accent" : "muted" },
        { text: String(r.revision) },
        { text: r.status, token: statusToken(r.status) },
        { text: r.chart },
        { text: r.appVersion, token: "muted" },
        { text: r.updated ? age(Math.max(0, now - r.updated)) : "-", token: "muted" },
        { text: r.description, token: "muted" },
      ],
    }));
}

/** Which two revisions a diff compares: the marked pair, else the selected one against the one before it. */
export function diffPair(marked: readonly number[], selected: number, revisions: readonly number[]): [number, number] | undefined {
  if (marked.length === 2) return [Math.min(marked[0]!, marked[1]!), Math.max(marked[0]!, marked[1]!)];
  const older = revisions.filter((r) => r < selected).sort((a, b) => b - a)[0];
  return older === undefined ? undefined : [older, selected];
}
