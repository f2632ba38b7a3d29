// YAML lines as theme segments, for every view that shows YAML. Kept apart
// from the values checks so the views that only show text load nothing more.
import type { Segment } from "./chrome.js";

const KEY_LINE = /^(\s*(?:-\s+)*)((?:"[^"]*"|'[^']*'|[^\s#'"][^:#]*?)\s*:)(\s|$)(.*)$/;

/** One line of YAML as theme segments: comments muted, keys accented, scalars by kind. */
export function highlightYamlLine(line: string): Segment[] {
  const out: Segment[] = [];
  if (/^\s*#/.test(line) || /^---\s*$/.test(line)) return [{ text: line, token: "muted" }];
  const key = KEY_LINE.exec(line);
  let rest = line;
  if (key) {
    out.push({ text: key[1]!, token: "muted" });
    out.push({ text: key[2]!, token: "accent" });
    rest = key[3]! + key[4]!;
  } else {
    const dash = /^(\s*-\s*)(.*)$/.exec(line);
    if (dash) {
      out.push({ text: dash[1]!, token: "muted" });
      rest = dash[2]!;
    }
  }
  const comment = commentStart(rest);
  const value = comment < 0 ? rest : rest.slice(0, comment);
  if (value) out.push({ text: value, token: scalarToken(value.trim()) });
  if (comment >= 0) out.push({ text: rest.slice(comment), token: "muted" });
  return out.filter((s) => s.text !== "");
}

/** A `#` starts a comment only after whitespace and outside quotes, as YAML says. */
function commentStart(s: string): number {
  let quote: string | undefined;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === "#" && (i === 0 || /\s/.test(s[i - 1]!))) return i;
  }
  return -1;
}

function scalarToken(v: string): Segment["token"] {
  if (v === "") return "text";
  if (/^(true|false|yes|no|on|off|null|~)$/i.test(v) || /^[-+]?(\d[\d_]*)(\.\d*)?([eE][-+]?\d+)?$/.test(v)) return "status.info";
  if (/^["']/.test(v)) return "status.ok";
  if (/^[|>&*!]/.test(v)) return "key";
  return "text";
}
