// A fast reader for the block-style index.yaml that helm (go-yaml) writes,
// extracting only what search needs. Anything outside that narrow shape
// (flow collections, anchors, block scalars, comments) returns undefined and
// the caller falls back to the full YAML parser.
import { normalizeVersion } from "../chart/semver.js";
import { compareVersionsDesc } from "./index-file.js";
import type { CompactIndex, SearchChart } from "./search-cache.js";

const WANTED = new Set(["name", "version", "appVersion", "description"]);

function scalar(raw: string): string | undefined {
  const s = raw.trim();
  if (s === "" || s === "~" || s === "null") return "";
  const c = s[0] as string;
  if (c === '"') {
    try {
      const v = JSON.parse(s) as unknown;
      return typeof v === "string" ? v : undefined;
    } catch {
      return undefined;
    }
  }
  if (c === "'") return s.length > 1 && s.endsWith("'") ? s.slice(1, -1).replace(/''/g, "'") : undefined;
  if ("[{&*!|>%@`#".includes(c) || s.includes(" #")) return undefined;
  return s;
}

export function fastCompactIndex(text: string): CompactIndex | undefined {
  const lines = text.split("\n");
  const out: CompactIndex = {};
  let sawApi = false;
  let inEntries = false;
  let chart: SearchChart[] | undefined;
  let item: SearchChart | undefined;
  let key = "";
  const finish = () => {
    if (item && chart && item.name !== "" && normalizeVersion(item.version) !== undefined) chart.push(item);
    item = undefined;
  };
  for (const line of lines) {
    if (line.trim() === "" || line.trimStart().startsWith("#")) {
      if (line.trimStart().startsWith("#")) return undefined;
      continue;
    }
    const indent = line.length - line.trimStart().length;
    if (line.includes("\t")) return undefined;
    if (indent === 0) {
      finish();
      inEntries = line === "entries:";
      if (!inEntries && line.startsWith("entries:")) return undefined;
      if (line.startsWith("apiVersion:")) sawApi = scalar(line.slice(11)) !== "";
      else if (!inEntries && !/^[A-Za-z]+:( .*)?$/.test(line)) return undefined;
      continue;
    }
    if (!inEntries) continue;
    if (indent === 2 && !line.startsWith("  - ")) {
      finish();
      const m = /^ {2}([^\s:'"][^:]*):$/.exec(line);
      if (!m) return undefined;
      chart = out[m[1] as string] = [];
      continue;
    }
    let body: string;
    if (indent === 2) {
      finish();
      item = { name: "", version: "", appVersion: "", description: "", keywords: [] };
      body = line.slice(4);
    } else if (indent === 4 && item) {
      if (line.startsWith("    - ")) {
        if (key !== "keywords") continue;
        const v = scalar(line.slice(6));
        if (v === undefined) return undefined;
        item.keywords.push(v);
        continue;
      }
      body = line.slice(4);
    } else if (indent > 4 && item) {
      // A wrapped plain scalar continues the value; anything nested under other keys is skipped.
      if (WANTED.has(key) && !line.trimStart().startsWith("- ") && !/^\s*[\w.-]+:( |$)/.test(line)) {
        (item as unknown as Record<string, string>)[key] += ` ${line.trim()}`;
      }
      continue;
    } else return undefined;
    const m = /^([\w.-]+):(?: (.*))?$/.exec(body);
    if (!m) return undefined;
    key = m[1] as string;
    if (!WANTED.has(key)) continue;
    const v = scalar(m[2] ?? "");
    if (v === undefined) return undefined;
    (item as unknown as Record<string, string>)[key] = v;
  }
  finish();
  if (!sawApi) return undefined;
  for (const list of Object.values(out)) list.sort((a, b) => compareVersionsDesc(a as never, b as never));
  return out;
}
