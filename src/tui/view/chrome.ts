// View models of the frame around the panes: layout, header, pane bar and
// status bar. Pure functions of plain data, so they are tested without a
// terminal and the components only map segments to <Text>.
import type { Hint } from "../keymap.js";
import type { TokenName } from "../theme.js";
import { PANES, type PaneId } from "./panes.js";

export const MIN_COLUMNS = 40;
export const MIN_ROWS = 10;
/** Header, pane bar and status bar each take one line. */
const CHROME_ROWS = 3;

export interface Layout {
  width: number;
  /** One line short of the terminal: Ink repaints the whole screen on every frame once output fills it. */
  height: number;
  bodyHeight: number;
  tooSmall: boolean;
}

export function layout(columns: number, rows: number): Layout {
  const width = Math.max(1, columns);
  const height = Math.max(1, rows - 1);
  return { width, height, bodyHeight: Math.max(0, height - CHROME_ROWS), tooSmall: columns < MIN_COLUMNS || rows < MIN_ROWS };
}

export interface Segment {
  text: string;
  token: TokenName;
  bold?: boolean;
}

/** "running" once the embedded sandbox serves the cluster the header names. */
export type SandboxState = "off" | "running";

export interface SessionInfo {
  context?: string;
  namespace: string;
  /** Why the kube target may be unusable, shown instead of pretending to be connected. */
  problem?: string;
  sandbox: SandboxState;
  readonly: boolean;
}

/** The header line: app name, kube context and namespace, then notices, cut to fit the width. */
export function headerSegments(info: SessionInfo, width: number): Segment[] {
  const segs: Segment[] = [
    { text: "chartroom", token: "header", bold: true },
    { text: "  ctx ", token: "muted" },
    info.context ? { text: info.context, token: "accent", bold: true } : { text: "(none)", token: "status.warn" },
    { text: "  ns ", token: "muted" },
    { text: info.namespace, token: "accent", bold: true },
  ];
  if (info.sandbox === "running") segs.push({ text: "  sandbox", token: "status.ok", bold: true });
  if (info.readonly) segs.push({ text: "  read-only", token: "status.info" });
  if (info.problem) {
    segs.push({ text: `  ${info.problem}`, token: "status.warn" });
  }
  return fitSegments(segs, width);
}

/** Cuts segments to `width` characters, ending a cut one with an ellipsis. */
export function fitSegments(segs: Segment[], width: number): Segment[] {
  const out: Segment[] = [];
  let used = 0;
  for (const seg of segs) {
    const room = width - used;
    if (room <= 0) break;
    if (seg.text.length <= room) {
      out.push(seg);
      used += seg.text.length;
    } else {
      out.push({ ...seg, text: room > 1 ? `${seg.text.slice(0, room - 1)}…` : "…" });
      break;
    }
  }
  return out;
}

/** The status bar's offer when the kube target is unusable: the sandbox needs a restart, so it is named, not bound to a key. */
export function sandboxOffer(info: SessionInfo): string | undefined {
  if (info.sandbox === "running" || !(info.problem || !info.context)) return undefined;
  return "no cluster: :sandbox starts a local one";
}

export interface Tab {
  id: PaneId;
  label: string;
  active: boolean;
}

/** Pane bar tabs "1 Repositories"; in a narrow terminal titles shorten, then only numbers remain. */
export function paneTabs(active: PaneId, width: number): Tab[] {
  const forms = [(t: string) => t, (t: string) => t.slice(0, 4), () => ""];
  for (const form of forms) {
    const tabs = PANES.map((p, i) => ({ id: p.id, label: `${i + 1}${form(p.title) ? ` ${form(p.title)}` : ""}`, active: p.id === active }));
    if (tabsWidth(tabs) <= width) return tabs;
  }
  return PANES.map((p, i) => ({ id: p.id, label: String(i + 1), active: p.id === active }));
}

/** Each tab is drawn with a space either side and separated by one space. */
export function tabsWidth(tabs: Tab[]): number {
  return tabs.reduce((n, t) => n + t.label.length + 2, 0) + Math.max(0, tabs.length - 1);
}

export const HINT_GAP = 2;

/** The hints that fit in `width`, in order; a hint that does not fit is skipped, not cut. */
export function fitHints(all: Hint[], width: number): Hint[] {
  const out: Hint[] = [];
  let used = 0;
  for (const h of all) {
    const w = h.keys.length + 1 + h.text.length + (out.length ? HINT_GAP : 0);
    if (used + w > width) continue;
    out.push(h);
    used += w;
  }
  return out;
}
