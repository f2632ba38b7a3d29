// YAML output byte-for-byte as helm's toYaml: sigs.k8s.io/yaml marshals to
// JSON, re-reads that with go-yaml v2 and emits it (2-space indent, sequences
// under a key not indented, keys in go-yaml order, plain scalars folded past
// column 80).
import type { Value } from "../template/value.js";
import { JsonMarshalError, JsonNumber, type JsonTree, jsonTree } from "./emit-json.js";
import { plainIsString, yamlNumberText } from "./emit-resolve.js";
import { analyzeScalar, doubleQuotedEscape, isBreak } from "./emit-scalar.js";
import { sortYamlEntries } from "./emit-sort.js";

export { JsonMarshalError, marshalJson } from "./emit-json.js";

const MAX_SIMPLE_KEY = 128;

type Style = "plain" | "single" | "double" | "literal";

/** The YAML re-read of the JSON text fails on these (encoding/json leaves them raw). */
const UNREADABLE = /[\x7f-\x84\x86-\x9f\ufffe\uffff]/;
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const NEL_RUN = /[ \t]*(?:\u0085[ \t]*)+/g;

/** A string as it comes back from go-yaml reading its JSON form. */
function reread(s: string, isKey: boolean): string {
  if (PRINTABLE_ASCII.test(s)) return s;
  s = s.replace(LONE_SURROGATE, "\ufffd"); // encoding/json replaces invalid UTF-8
  if (UNREADABLE.test(s)) throw new JsonMarshalError("yaml: control characters are not allowed");
  if (!s.includes("\u0085")) return s;
  // A raw NEL is a line break inside a quoted JSON string, so it folds.
  if (isKey) throw new JsonMarshalError("yaml: could not find expected ':'");
  return s.replace(NEL_RUN, (run) => {
    const breaks = run.split("\u0085").length - 1;
    return breaks === 1 ? " " : "\n".repeat(breaks - 1);
  });
}

function utf8Length(s: string): number {
  // A UTF-16 unit is at most 3 UTF-8 bytes, so short keys need no count.
  return s.length * 3 <= MAX_SIMPLE_KEY ? s.length : Buffer.byteLength(s, "utf8");
}

/** A scalar already rendered as go-yaml writes it (numbers, timestamps): always plain. */
export class YamlRaw {
  constructor(readonly text: string) {}
}

/** A mapping with keys in any order (the emitter sorts them). */
export class YamlMap {
  constructor(readonly entries: [string, YamlTree][]) {}
}

export type YamlTree = JsonTree | YamlRaw | YamlMap | YamlTree[];

class Emitter {
  constructor(
    /** go-yaml v3 indents a sequence under its key; v2 does not. */
    private readonly indentSequences: boolean,
    /** Strings went through JSON text first (sigs.k8s.io/yaml), with its quirks. */
    private readonly viaJson: boolean,
    /** Plain and quoted scalars fold past this column (go-yaml v2: 80; v3: never). */
    private readonly bestWidth: number,
  ) {}
  private out = "";
  private column = 0;
  private whitespace = true;
  private indention = true;

  result(): string {
    this.writeIndent(0);
    return this.out;
  }

  private put(s: string): void {
    this.out += s;
    this.column += s.length;
  }

  private putBreak(): void {
    this.out += "\n";
    this.column = 0;
  }

  private writeIndent(indent: number): void {
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) this.putBreak();
    if (this.column < indent) this.put(" ".repeat(indent - this.column));
    this.whitespace = true;
    this.indention = true;
  }

  private indicator(text: string, needWs: boolean, isWs: boolean, isIndention: boolean): void {
    if (needWs && !this.whitespace) this.put(" ");
    this.put(text);
    this.whitespace = isWs;
    this.indention = this.indention && isIndention;
  }

  /** Emits a node whose parent sits at `indent` (-1 for the document root). */
  node(t: YamlTree, indent: number, inMapping: boolean): void {
    if (t === null) this.scalar("null", "plain", indent, false);
    else if (typeof t === "boolean") this.scalar(t ? "true" : "false", "plain", indent, false);
    else if (typeof t === "string") this.stringScalar(this.viaJson ? reread(t, false) : t, indent, false);
    else if (t instanceof JsonNumber) this.scalar(yamlNumberText(t.text), "plain", indent, false);
    else if (t instanceof YamlRaw) this.scalar(t.text, "plain", indent, false);
    else if (Array.isArray(t)) this.sequence(t, indent, inMapping);
    else this.mapping(t, indent);
  }

  private sequence(items: YamlTree[], indent: number, inMapping: boolean): void {
    if (items.length === 0) {
      this.indicator("[", true, true, false);
      this.indicator("]", false, false, false);
      return;
    }
    // A sequence that is a mapping value starts at the key's column ("key:\n- a").
    const indentless = inMapping && !this.indention && !this.indentSequences;
    const inner = indent < 0 ? 0 : indentless ? indent : indent + 2;
    for (const item of items) {
      this.writeIndent(inner);
      this.indicator("-", true, false, true);
      this.node(item, inner, false);
    }
  }

  private mapping(obj: { entries: [string, YamlTree][] }, indent: number): void {
    if (obj.entries.length === 0) {
      this.indicator("{", true, true, false);
      this.indicator("}", false, false, false);
      return;
    }
    const inner = indent < 0 ? 0 : indent + 2;
    const entries = this.viaJson ? obj.entries.map(([k, v]): [string, YamlTree] => [reread(k, true), v]) : obj.entries.slice();
    for (const [key, value] of sortYamlEntries(entries)) {
      this.writeIndent(inner);
      const info = analyzeScalar(key);
      if (!info.multiline && utf8Length(key) <= MAX_SIMPLE_KEY) {
        this.stringScalar(key, inner, true);
        this.indicator(":", false, false, false);
      } else {
        this.indicator("?", true, false, true);
        this.stringScalar(key, inner, false);
        this.writeIndent(inner);
        this.indicator(":", true, false, true);
      }
      this.node(value, inner, true);
    }
  }

  private stringScalar(s: string, indent: number, simpleKey: boolean): void {
    const info = analyzeScalar(s, !this.viaJson);
    let style: Style = s.includes("\n") ? "literal" : plainIsString(s) ? "plain" : "double";
    if (simpleKey && info.multiline) style = "double";
    if (style === "plain" && (!info.blockPlainOk || (s.length === 0 && simpleKey))) style = "single";
    if (style === "single" && !info.singleOk) style = "double";
    if (style === "literal" && (!info.blockOk || simpleKey)) style = "double";
    this.scalar(s, style, indent, simpleKey);
  }

  private scalar(s: string, style: Style, parentIndent: number, simpleKey: boolean): void {
    const indent = parentIndent < 0 ? 2 : parentIndent + 2;
    const breaks = !simpleKey;
    if (style === "plain") this.plain(s, indent, breaks);
    else if (style === "single") this.single(s, indent, breaks);
    else if (style === "double") this.double(s, indent, breaks);
    else this.literal(s, indent);
  }

  private plain(s: string, indent: number, allowBreaks: boolean): void {
    if (!this.whitespace) this.put(" ");
    if (!allowBreaks || this.column + s.length <= this.bestWidth || !s.includes(" ")) {
      this.put(s);
    } else {
      let spaces = false;
      for (let i = 0; i < s.length; ) {
        const ch = s.codePointAt(i)! > 0xffff ? s.slice(i, i + 2) : s[i]!;
        if (ch === " ") {
          if (!spaces && this.column > this.bestWidth && s[i + 1] !== " ") this.writeIndent(indent);
          else this.put(" ");
          spaces = true;
        } else {
          this.out += ch;
          this.column++;
          spaces = false;
        }
        i += ch.length;
      }
    }
    this.whitespace = false;
    this.indention = false;
  }

  private single(s: string, indent: number, allowBreaks: boolean): void {
    this.indicator("'", true, false, false);
    let spaces = false;
    let breaks = false;
    const n = s.length;
    for (let i = 0; i < n; ) {
      const cp = s.codePointAt(i)!;
      const w = cp > 0xffff ? 2 : 1;
      if (cp === 0x20) {
        if (allowBreaks && !spaces && this.column > this.bestWidth && i > 0 && i < n - 1 && s[i + 1] !== " ") {
          this.writeIndent(indent);
        } else this.put(" ");
        spaces = true;
      } else if (isBreak(cp)) {
        if (!breaks && cp === 0x0a) this.putBreak();
        if (cp === 0x0a) this.putBreak();
        else {
          this.out += s[i];
          this.column = 0;
        }
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent(indent);
        this.out += cp === 0x27 ? "''" : s.slice(i, i + w);
        this.column += cp === 0x27 ? 2 : 1;
        this.indention = false;
        spaces = false;
        breaks = false;
      }
      i += w;
    }
    this.indicator("'", false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private double(s: string, indent: number, allowBreaks: boolean): void {
    this.indicator('"', true, false, false);
    const bom = s.charCodeAt(0) === 0xfeff;
    let spaces = false;
    const n = s.length;
    for (let i = 0; i < n; ) {
      const cp = s.codePointAt(i)!;
      const w = cp > 0xffff ? 2 : 1;
      const esc = doubleQuotedEscape(cp, bom);
      if (esc !== undefined) {
        this.put(esc);
        spaces = false;
      } else if (cp === 0x20) {
        if (allowBreaks && !spaces && this.column > this.bestWidth && i > 0 && i < n - 1) {
          this.writeIndent(indent);
          if (s[i + 1] === " ") this.put("\\");
        } else this.put(" ");
        spaces = true;
      } else {
        this.out += s.slice(i, i + w);
        this.column++;
        spaces = false;
      }
      i += w;
    }
    this.indicator('"', false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private literal(s: string, indent: number): void {
    this.indicator("|", true, false, false);
    const first = s.charCodeAt(0);
    if (first === 0x20 || isBreak(first)) this.indicator("2", false, false, false);
    const last = s.charCodeAt(s.length - 1);
    let chomp = "";
    if (!isBreak(last)) chomp = "-";
    else if (s.length === 1 || isBreak(s.charCodeAt(s.length - 2))) chomp = "+";
    if (chomp) this.indicator(chomp, false, false, false);
    this.putBreak();
    this.indention = true;
    this.whitespace = true;
    let breaks = true;
    const n = s.length;
    for (let i = 0; i < n; ) {
      const cp = s.codePointAt(i)!;
      const w = cp > 0xffff ? 2 : 1;
      if (isBreak(cp)) {
        if (cp === 0x0a) this.putBreak();
        else {
          this.out += s[i];
          this.column = 0;
        }
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent(indent);
        // Copy the rest of the line in one step; only its length matters from here.
        let end = s.indexOf("\n", i);
        if (end < 0) end = n;
        const line = s.slice(i, end);
        if (!/[\r\u0085\u2028\u2029]/.test(line)) {
          this.out += line;
          this.column += [...line].length;
          this.indention = false;
          breaks = false;
          i = end;
          continue;
        }
        this.out += s.slice(i, i + w);
        this.column++;
        this.indention = false;
        breaks = false;
      }
      i += w;
    }
  }
}

/** sigs.k8s.io/yaml.Marshal: the YAML document, ending in a newline. Throws JsonMarshalError. */
export function marshalYaml(value: Value): string {
  const e = new Emitter(false, true, 80);
  e.node(jsonTree(value, false), -1, false);
  return e.result();
}

/** Emits an already-converted tree; `indentSequences` selects go-yaml v3's layout. */
export function emitYamlTree(tree: YamlTree, indentSequences: boolean): string {
  const e = new Emitter(indentSequences, false, indentSequences ? Number.POSITIVE_INFINITY : 80);
  e.node(tree, -1, false);
  return e.result();
}

/** helm's toYaml: marshalYaml without its final newline, or "" when marshalling fails. */
export function toYaml(value: Value): string {
  let doc: string;
  try {
    doc = marshalYaml(value);
  } catch {
    return "";
  }
  return doc.endsWith("\n") ? doc.slice(0, -1) : doc;
}
