// The help overlay as lines: a title per section, then "keys  description"
// rows with the keys padded to one width, and a blank line between sections.
import type { HelpSection } from "../keymap.js";

export type HelpLine = { kind: "title"; text: string } | { kind: "row"; keys: string; text: string };

export function helpLines(sections: readonly HelpSection[], width: number): HelpLine[] {
  const keyWidth = Math.min(12, Math.max(0, ...sections.flatMap((s) => s.rows.map((r) => r.keys.length))) + 2);
  const out: HelpLine[] = [];
  for (const s of sections) {
    if (out.length > 0) out.push({ kind: "row", keys: "", text: "" });
    out.push({ kind: "title", text: s.title });
    for (const r of s.rows) out.push({ kind: "row", keys: r.keys.padEnd(keyWidth), text: r.description.slice(0, Math.max(0, width - keyWidth)) });
  }
  return out;
}
