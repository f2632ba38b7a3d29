// View model of the Values pane: the text of a values file checked as helm
// checks it (YAML first, then values.schema.json), each problem placed on the
// line of the key it names, and the lines cut into highlighted segments.
import { isMap, isPair, isScalar, isSeq, LineCounter, type Node, parseDocument } from "yaml";
import type { GoMap } from "../../template/value.js";
import { mergeMaps, validateAgainstSingleSchema } from "../../values/index.js";
import { parseYamlMap } from "../../yaml/parse.js";
import type { Segment } from "./chrome.js";
import { highlightYamlLine } from "./highlight.js";

export interface ValuesIssue {
  /** 1-based line the problem is shown on; undefined when no line can be named. */
  line?: number;
  /** Dotted key path from helm's message ("service.port"), when it names one. */
  key?: string;
  message: string;
}

export interface ValuesCheck {
  /** The parsed values, or undefined when the YAML does not parse. */
  values?: GoMap;
  issues: ValuesIssue[];
}

/**
 * helm's order: a values file that does not parse is never checked against the schema.
 * `defaults` are the chart's values the text is laid over (a release's or an
 * upgrade's user values): the schema judges what helm would render with.
 */
export function checkValues(text: string, schema?: string, defaults?: GoMap): ValuesCheck {
  let values: GoMap;
  try {
    values = parseYamlMap(text);
  } catch (err) {
    const message = (err as Error).message;
    return { issues: [{ line: yamlErrorLine(text, message), message }] };
  }
  if (!schema) return { values, issues: [] };
  const issues = validateAgainstSingleSchema(defaults ? mergeMaps(defaults, values) : values, schema).map((raw): ValuesIssue => {
    const m = /^- ([^:]+): (.*)$/s.exec(raw);
    if (!m) return { message: raw.replace(/^- /, "") };
    const key = m[1]!;
    return { key, line: keyLine(text, key === "(root)" ? [] : key.split(".")), message: `${key}: ${m[2]}` };
  });
  return { values, issues };
}

/** go-yaml names a line ("yaml: line 3: ..."); otherwise the parser of the yaml package places it. */
function yamlErrorLine(text: string, message: string): number | undefined {
  const named = /\bline (\d+)\b/.exec(message);
  if (named) return Number(named[1]);
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false });
  const first = doc.errors[0];
  return first ? lc.linePos(first.pos[0]).line : undefined;
}

/** The 1-based line of the key at `path` (array indexes as numbers in the path), or of its nearest present parent. */
export function keyLine(text: string, path: readonly string[]): number | undefined {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc });
  let node: unknown = doc.contents;
  let line: number | undefined;
  for (const part of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === part);
      if (!pair) break;
      const keyNode = pair.key as Node;
      if (keyNode.range) line = lc.linePos(keyNode.range[0]).line;
      node = pair.value;
    } else if (isSeq(node) && /^\d+$/.test(part)) {
      const item = node.items[Number(part)] as Node | undefined;
      if (!item) break;
      if (item.range) line = lc.linePos(item.range[0]).line;
      node = item;
    } else break;
  }
  if (path.length === 0) return 1;
  return line;
}

export interface ValuesRow {
  number: number;
  segments: Segment[];
  /** Messages of the problems placed on this line. */
  issues: string[];
  cursor: boolean;
}

/** Rows for every line of `text`, the problems attached to their lines, the cursor line marked. */
export function valuesRows(text: string, issues: readonly ValuesIssue[], cursor?: number): ValuesRow[] {
  const lines = text.split("\n");
  if (lines.length > 1 && lines[lines.length - 1] === "") lines.pop();
  return lines.map((line, i) => ({
    number: i + 1,
    segments: highlightYamlLine(line),
    issues: issues.filter((p) => p.line === i + 1).map((p) => p.message),
    cursor: cursor === i,
  }));
}

export { highlightYamlLine } from "./highlight.js";
