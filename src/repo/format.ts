// Output shapes of the repo commands, as helm prints them: uitable tables
// (cells padded, tab-separated, truncated with "..."), json.Encoder JSON and
// sigs.k8s.io/yaml YAML.
import { toSortedYaml } from "./yaml-io.js";

function width(s: string): number {
  return [...s].length;
}

function truncate(s: string, max: number): string {
  const chars = [...s];
  return chars.length <= max ? s : `${chars.slice(0, max - 3).join("")}...`;
}

export function uiTable(rows: string[][], maxColWidth: number): string {
  const cells = rows.map((r) => r.map((c) => truncate(c, maxColWidth)));
  const widths: number[] = [];
  for (const r of cells) for (const [i, c] of r.entries()) widths[i] = Math.max(widths[i] ?? 0, width(c));
  return cells.map((r) => `${r.map((c, i) => c + " ".repeat((widths[i] ?? 0) - width(c))).join("\t")}\n`).join("");
}

export function jsonLine(v: unknown): string {
  return `${JSON.stringify(v).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)}\n`;
}

export type Format = "table" | "json" | "yaml";

export function encode(format: "json" | "yaml", v: unknown): string {
  return format === "json" ? jsonLine(v) : toSortedYaml(v);
}
