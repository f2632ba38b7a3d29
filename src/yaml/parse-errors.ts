// Maps the errors of the `yaml` package onto go-yaml v2's wording and line
// numbering, so that messages read exactly as helm prints them.
//
// go-yaml reports "yaml: line N: MSG". For parser errors N is the 0-based line
// of the problem mark; scanner errors add one. When the mark is on the first
// line (0) the "line N: " part is left out altogether.
import { type Document, isCollection, type Node, visit, type YAMLError } from "yaml";

export class YamlSyntaxError extends Error {
  override name = "YamlSyntaxError";
}

function lineOf(text: string, offset: number): number {
  let n = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

function scanner(line0: number, msg: string): string {
  return line0 !== 0 ? `yaml: line ${line0 + 1}: ${msg}` : `yaml: ${msg}`;
}

function parser(line0: number, msg: string): string {
  return line0 !== 0 ? `yaml: line ${line0}: ${msg}` : `yaml: ${msg}`;
}

function lineText(text: string, line0: number): string {
  return text.split(/\r?\n/)[line0] ?? "";
}

/** Inside a block sequence at this line? Decides go-yaml's two indentation messages. */
function inBlockSequence(text: string, line0: number): boolean {
  const lines = text.split(/\r?\n/);
  const indent = (lines[line0] ?? "").search(/\S|$/);
  for (let i = line0 - 1; i >= 0; i--) {
    const l = lines[i] ?? "";
    if (/^\s*(#.*)?$/.test(l)) continue;
    const ind = l.search(/\S/);
    if (ind > indent) continue;
    return ind === indent && /^\s*-(\s|$)/.test(l);
  }
  return false;
}

const NOT_PRINTABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u0084\u0086-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** go-yaml rejects control characters before parsing anything around them. */
export function checkPrintable(text: string): void {
  if (NOT_PRINTABLE.test(text)) throw new YamlSyntaxError("yaml: control characters are not allowed");
}

/** The go-yaml message for the first error the `yaml` package reported. */
export function goYamlMessage(text: string, errors: readonly YAMLError[]): string {
  const codes = errors.map((e) => e.code);
  const first = errors[0] as YAMLError;
  const pos = first.pos[0];
  const line0 = lineOf(text, pos);
  const msg = first.message;
  switch (first.code) {
    case "TAB_AS_INDENT":
    case "BAD_SCALAR_START":
      return scanner(line0, "found character that cannot start any token");
    case "BAD_DQ_ESCAPE":
      return scanner(line0, "found unknown escape character");
    case "BLOCK_AS_IMPLICIT_KEY": {
      if (/block sequence/.test(msg)) return parser(line0, "did not find expected key");
      // A plain scalar running onto later lines: go-yaml stops at the ':' that ends it.
      const multiline = errors.find((e) => e.code === "MULTILINE_IMPLICIT_KEY");
      if (multiline) return scanner(lineOf(text, multiline.pos[1]), "mapping values are not allowed in this context");
      return scanner(line0, "mapping values are not allowed in this context");
    }
    case "KEY_OVER_1024_CHARS":
      return scanner(line0, "mapping values are not allowed in this context");
    case "MULTILINE_IMPLICIT_KEY":
      if (errors.some((e) => e.code === "UNEXPECTED_TOKEN" && /block-seq-ind/.test(e.message)))
        return parser(line0, "did not find expected key");
      return scanner(lineOf(text, first.pos[1] - 1), "mapping values are not allowed in this context");
    case "MISSING_CHAR":
      if (/directives-end/.test(msg)) {
        // Reported at the stream end, which go-yaml moves to a fresh line.
        const end = lineOf(text, text.length) + (text === "" || text.endsWith("\n") ? 0 : 1);
        return parser(end, "did not find expected <document start>");
      }
      if (/closing/.test(msg)) {
        // A quoted scalar running into a document marker: go-yaml stops at the marker.
        const marker = /^(?:---|\.\.\.)(?=[ \t\r\n]|$)/m.exec(text.slice(pos));
        if (/quote/.test(msg) && marker) return scanner(lineOf(text, pos + marker.index), "found unexpected document indicator");
        return scanner(lineOf(text, text.length), "found unexpected end of stream");
      }
      if (/map values/.test(msg)) return scanner(line0 + 1, "could not find expected ':'");
      if (/flow sequence|\]/.test(msg)) return parser(line0, "did not find expected ',' or ']'");
      if (/flow map|\}/.test(msg)) return parser(line0, "did not find expected ',' or '}'");
      return parser(line0, "did not find expected node content");
    case "BAD_INDENT":
      if (/Flow (sequence|map)/.test(msg)) {
        // At a wrong closing bracket go-yaml stops there; otherwise at the next
        // value indicator (a ':' before a blank), else at the end.
        const colon = /:(?=[ \t\r\n]|$)/.exec(text.slice(pos));
        const at = /[\]}]/.test(text[pos] ?? "") ? line0 : colon ? lineOf(text, pos + colon.index) : lineOf(text, text.length);
        const want = /Flow sequence/.test(msg) ? "']'" : "'}'";
        return parser(at, `did not find expected ',' or ${want}`);
      }
      if (/Block scalar/.test(msg) && text[pos] === "\t")
        return scanner(line0, "found a tab character where an indentation space is expected");
      if (inBlockSequence(text, line0)) return parser(line0, "did not find expected '-' indicator");
      return parser(line0, "did not find expected key");
    case "UNEXPECTED_TOKEN":
      if (/block-seq-ind on same line/.test(msg)) return scanner(line0, "block sequence entries are not allowed in this context");
      if (/at node end/.test(msg) && /^\s*-/.test(lineText(text, line0 - 1)))
        return parser(line0, "did not find expected '-' indicator");
      if (/in flow (sequence|collection|map)|Unexpected ,/.test(msg)) return parser(line0, "did not find expected node content");
      if (codes.includes("MISSING_CHAR")) return parser(line0, "did not find expected key");
      return parser(line0, "did not find expected key");
    case "DUPLICATE_KEY":
      return parser(line0, "did not find expected key");
    case "BAD_ALIAS":
      return parser(line0, "did not find expected node content");
    default:
      return parser(line0, "did not find expected node content");
  }
}

/** A parser error at a source offset, numbered as go-yaml numbers it. */
export function goParserMessage(text: string, offset: number, msg: string): string {
  return parser(lineOf(text, offset), msg);
}

/** A scanner error at a source offset, numbered as go-yaml numbers it. */
export function goScannerMessage(text: string, offset: number, msg: string): string {
  return scanner(lineOf(text, offset), msg);
}

function columnOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf("\n", offset - 1) + 1);
}

const TAB_LINE = /^[ ]*\t[ \t]*\r?$/gm;

/**
 * A line of only blanks that has a tab. The `yaml` package reads it as an
 * empty line; go-yaml's scanner, at the start of a block-context line, does
 * not skip the tab: it is "found character that cannot start any token",
 * or, inside a plain scalar running on, "found a tab character that violates
 * indentation" when the tab is left of the scalar's block. Quoted scalars,
 * block scalars and flow collections keep their own rules (the `yaml`
 * package already reports a tab that breaks a block scalar's indentation).
 */
export function checkBlankLineTabs(text: string, doc: Document): void {
  if (!text.includes("\t")) return;
  const lines: { offset: number; column: number }[] = [];
  const end = doc.range?.[2] ?? text.length;
  for (const m of text.matchAll(TAB_LINE)) {
    if (m.index >= end) break;
    lines.push({ offset: m.index, column: m[0].indexOf("\t") });
  }
  if (lines.length === 0) return;
  const plain: { start: number; end: number; indent: number }[] = [];
  const kept: [number, number][] = [];
  visit(doc, {
    Scalar(_key, node, path) {
      const [start, valueEnd] = node.range ?? [0, 0];
      if (node.type !== "PLAIN") {
        kept.push([start, valueEnd]);
        return;
      }
      const parent = [...path].reverse().find((p): p is Node => isCollection(p as Node)) as Node | undefined;
      const indent = parent?.range ? columnOf(text, parent.range[0]) : -1;
      plain.push({ start, end: valueEnd, indent });
    },
    Collection(_key, node) {
      if (node.flow && node.range) kept.push([node.range[0], node.range[2]]);
    },
  });
  for (const line of lines) {
    if (kept.some(([a, b]) => line.offset > a && line.offset < b)) continue;
    // The plain scalar this line continues: the last one ending before it with only blanks between.
    let last: (typeof plain)[number] | undefined;
    for (const p of plain) if (p.end <= line.offset && (!last || p.end > last.end)) last = p;
    const within = plain.find((p) => line.offset > p.start && line.offset < p.end);
    const cont = within ?? (last && /^[ \t\r\n]*$/.test(text.slice(last.end, line.offset)) ? last : undefined);
    if (cont) {
      if (line.column < cont.indent + 1) throw new YamlSyntaxError(goScannerMessage(text, line.offset, "found a tab character that violates indentation"));
      continue;
    }
    throw new YamlSyntaxError(goScannerMessage(text, line.offset, "found character that cannot start any token"));
  }
}
