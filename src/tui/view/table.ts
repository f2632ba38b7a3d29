// Tables as k9s draws them: columns sized to their content within the width,
// flexible columns taking what is left, a selection kept in view, and a live
// filter. Pure functions; the Table component only paints their output.
import type { TokenName } from "../theme.js";

export interface Column {
  title: string;
  /** Never narrower than this. */
  min?: number;
  /** Never wider than this (before flex growth). */
  max?: number;
  /** Takes the width left over; several flex columns share it. */
  flex?: boolean;
  align?: "left" | "right";
}

export interface Cell {
  text: string;
  token?: TokenName;
}

export interface Row {
  key: string;
  cells: Cell[];
}

/** Widths for each column: content width capped by max, flex columns growing into what is left. */
export function columnWidths(columns: readonly Column[], rows: readonly Row[], width: number, gap = 2): number[] {
  const natural = columns.map((c, i) => {
    let w = c.title.length;
    for (const r of rows) w = Math.max(w, [...(r.cells[i]?.text ?? "")].length);
    return Math.max(c.min ?? 1, Math.min(w, c.max ?? w));
  });
  const total = () => natural.reduce((a, b) => a + b, 0) + gap * (columns.length - 1);
  // Too wide: shrink the widest non-min columns, flex ones first.
  let over = total() - width;
  const order = columns.map((_c, i) => i).sort((a, b) => Number(Boolean(columns[b]!.flex)) - Number(Boolean(columns[a]!.flex)) || natural[b]! - natural[a]!);
  for (const i of order) {
    if (over <= 0) break;
    const floor = columns[i]!.min ?? Math.min(natural[i]!, columns[i]!.title.length);
    const cut = Math.min(over, natural[i]! - floor);
    natural[i]! -= cut;
    over -= cut;
  }
  // Room left: flex columns share it.
  const flex = columns.map((c, i) => (c.flex ? i : -1)).filter((i) => i >= 0);
  let spare = width - total();
  for (let j = 0; spare > 0 && j < flex.length; j++) {
    const share = Math.ceil(spare / (flex.length - j));
    natural[flex[j]!]! += share;
    spare -= share;
  }
  return natural;
}

/** Cuts or pads text to exactly `w` characters; a cut ends with an ellipsis. */
export function fitCell(text: string, w: number, align: "left" | "right" = "left"): string {
  const chars = [...text];
  if (chars.length > w) return w <= 1 ? chars.slice(0, w).join("") : `${chars.slice(0, w - 1).join("")}…`;
  const pad = " ".repeat(w - chars.length);
  return align === "right" ? pad + text : text + pad;
}

/** The first row to draw so that `selected` stays visible in `height` rows, moving as little as possible. */
export function scrollTop(prevTop: number, selected: number, height: number, count: number): number {
  if (height <= 0 || count <= height) return 0;
  let top = Math.min(prevTop, count - height);
  if (selected < top) top = selected;
  if (selected >= top + height) top = selected - height + 1;
  return Math.max(0, top);
}

export function clampIndex(i: number, count: number): number {
  return count === 0 ? 0 : Math.min(Math.max(0, i), count - 1);
}

/** Case-insensitive substring filter over every cell; a filter that is not valid text matches nothing. */
export function filterRows<T extends Row>(rows: readonly T[], filter: string): T[] {
  const f = filter.trim().toLowerCase();
  if (!f) return rows.slice();
  return rows.filter((r) => r.cells.some((c) => c.text.toLowerCase().includes(f)));
}

/** k9s-style age: 42s, 5m, 3h, 2d, from milliseconds. */
export function age(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return "-";
  const s = Math.floor(ms / 1000);
  if (s < 120) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 120) return `${m}m`;
  const h = Math.floor(m / 60);
  if (h < 48) return `${h}h`;
  return `${Math.floor(h / 24)}d`;
}
