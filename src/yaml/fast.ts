// A one-pass reader for the YAML that values files and Kubernetes manifests
// are nearly always written in: block mappings and sequences, plain, quoted
// and literal (`|`) scalars, comments, `{}`/`[]` and one-line flow sequences
// of simple scalars. It yields exactly what the full parser (parse.ts, go-yaml
// v2 semantics) yields for such text, and gives up (`undefined`) on anything
// else: anchors, tags, folded scalars, multi-line quoted scalars, tabs,
// duplicate keys, keys that are not plain words. The full parser then reads
// the text, errors included, so behaviour never depends on which path ran.
import { type GoMap, newMap, type Value } from "../template/value.js";
import { resolvedValue, resolveScalar } from "./parse-resolve.js";

/** Tabs, CR and YAML 1.1's other line breaks (NEL, LS, PS), and what YAML does not allow printed: all left to the full parser. */
const OUTSIDE = /[\t\r\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]|\p{Cs}/u;
const KEY = /^[A-Za-z0-9_$][A-Za-z0-9_./$-]*$/;
const ESCAPES: Record<string, string> = { '"': '"', "\\": "\\", "/": "/", n: "\n", t: "\t", r: "\r", "0": "\0", " ": " ", b: "\b", f: "\f", v: "\v", a: "\x07", e: "\x1b" };
/** libyaml refuses implicit keys longer than this. */
const MAX_KEY = 1000;

class OutsideSubset extends Error {}

function outside(): never {
  throw new OutsideSubset();
}

interface Block {
  indent: number;
  kind: "map" | "seq";
  value: GoMap | Value[];
}

/** A value still being read: a nested block may open under it, or lines may continue it. */
interface Open {
  /** Where the value goes. */
  set(v: Value): void;
  /** Indent of the line that owns it (the key's or the dash's column). */
  indent: number;
  /** `key:` at this indent may be followed by an unindented "- " list. */
  seqAtSameIndent: boolean;
}

/**
 * The first document of `text` as go-yaml decodes it (ints as GoInt), or
 * undefined when the text is outside the subset. `null` is a real result (an
 * empty document).
 */
export function fastYaml(text: string): { value: Value } | undefined {
  if (OUTSIDE.test(text)) return undefined;
  try {
    return { value: read(text) };
  } catch (err) {
    if (err instanceof OutsideSubset) return undefined;
    throw err;
  }
}

function read(text: string): Value {
  const lines = text.split("\n");
  // The text after the last line break is not a line of its own.
  const finalBreak = lines.length > 1 && lines[lines.length - 1] === "";
  if (finalBreak) lines.pop();
  const stack: Block[] = [];
  let root: Value = null;
  let pending: Open | undefined;
  /** Literal block scalar being collected. */
  let literal: { parent: number; indent?: number; lines: string[]; chomp: "" | "-" | "+"; set(v: string): void } | undefined;
  /** Multi-line plain scalar being collected. */
  let plain: { parent: number; parts: string[]; blanks: number; set(v: Value): void } | undefined;

  const endLiteral = () => {
    if (!literal) return;
    literal.set(literalValue(literal.lines, literal.chomp));
    literal = undefined;
  };
  const endPlain = () => {
    if (!plain) return;
    plain.set(plainValue(plain.parts.join("")));
    plain = undefined;
  };

  for (let li = 0; li < lines.length; li++) {
    const line = lines[li]!;
    let indent = 0;
    while (indent < line.length && line.charCodeAt(indent) === 32) indent++;
    const empty = indent === line.length;

    if (literal) {
      if (literal.indent === undefined) {
        if (empty) {
          // Blank lines before the first content line: spaces on them are an error in some cases; leave those to the full parser.
          if (indent > 0) outside();
          literal.lines.push("");
          continue;
        }
        if (indent > literal.parent) {
          literal.indent = indent;
          literal.lines.push(line.slice(indent));
          continue;
        }
      } else {
        if (empty) {
          if (indent > literal.indent) literal.lines.push(line.slice(literal.indent));
          else literal.lines.push("");
          continue;
        }
        if (indent >= literal.indent) {
          literal.lines.push(line.slice(literal.indent));
          continue;
        }
        if (indent > literal.parent) outside();
      }
      endLiteral();
    }

    if (empty) {
      if (plain) plain.blanks++;
      continue;
    }
    if (line.charCodeAt(indent) === 35 /* # */) {
      endPlain();
      continue;
    }
    if (plain) {
      if (indent > plain.parent) {
        const t = line.slice(indent).trimEnd();
        if (!continuesPlain(t)) outside();
        plain.parts.push(plain.blanks > 0 ? "\n".repeat(plain.blanks) : " ", t);
        plain.blanks = 0;
        continue;
      }
      endPlain();
    }
    if (indent === 0 && (line.startsWith("---") || line.startsWith("...") || line.startsWith("%"))) outside();

    let rest = line.slice(indent);
    // An empty flow collection on its own line is the value of the key above it.
    const own = /^(\{\s*\}|\[\s*\])(\s+#.*)?$/.exec(rest);
    if (own && pending && indent > pending.indent) {
      pending.set(own[1]!.startsWith("{") ? newMap() : []);
      pending = undefined;
      continue;
    }

    let isSeq = false;
    let col = indent;
    if (rest === "-" || rest.startsWith("- ")) {
      isSeq = true;
      let skip = 1;
      while (skip < rest.length && rest.charCodeAt(skip) === 32) skip++;
      col = indent + skip;
      rest = rest.slice(skip);
      if (rest.startsWith("- ") || rest === "-") outside();
    }

    // Place the entry: close deeper blocks; continue the block at this indent or open the pending one.
    while (stack.length > 0 && stack[stack.length - 1]!.indent > indent) stack.pop();
    let top = stack[stack.length - 1];
    const kind = isSeq ? "seq" : "map";
    if (pending && (indent > pending.indent || (isSeq && pending.seqAtSameIndent && indent === pending.indent))) {
      if (top && top.indent === indent && !(isSeq && top.kind === "map")) outside();
      top = { indent, kind, value: isSeq ? [] : newMap() };
      pending.set(top.value as Value);
      stack.push(top);
    } else if (!top) {
      if (stack.length > 0 || root !== null || indent !== 0 || isSeq) outside();
      top = { indent: 0, kind: "map", value: newMap() };
      root = top.value as Value;
      stack.push(top);
    } else if (top.indent !== indent || top.kind !== kind) {
      // An unindented list under a key ends where its mapping continues.
      if (!isSeq && top.kind === "seq" && top.indent === indent) {
        stack.pop();
        top = stack[stack.length - 1];
        if (!top || top.indent !== indent || top.kind !== "map") outside();
      } else outside();
    }
    pending = undefined;

    let owner = top;
    if (isSeq) {
      const list = top.value as Value[];
      const at = list.length;
      list.push(null);
      const set = (v: Value) => {
        list[at] = v;
      };
      if (rest === "") {
        pending = { set, indent, seqAtSameIndent: false };
        continue;
      }
      const entry = splitKey(rest);
      if (entry === undefined) {
        const v = scalar(rest);
        if (v.kind === "empty") outside();
        if (v.kind === "literal") literal = { parent: indent, lines: [], chomp: v.chomp, set };
        else if (v.kind === "plain") plain = { parent: indent, parts: [v.text], blanks: 0, set };
        else set(v.value);
        continue;
      }
      // "- key: value" opens a mapping at the key's column.
      const map = newMap();
      set(map);
      owner = { indent: col, kind: "map", value: map };
      stack.push(owner);
    }

    const entry = splitKey(rest);
    if (!entry) outside();
    const map = owner.value as GoMap;
    if (Object.hasOwn(map, entry.key)) outside();
    map[entry.key] = null;
    const set = (v: Value) => {
      map[entry.key] = v;
    };
    const v = scalar(entry.value);
    if (v.kind === "empty") pending = { set, indent: owner.indent, seqAtSameIndent: true };
    else if (v.kind === "literal") literal = { parent: owner.indent, lines: [], chomp: v.chomp, set };
    else if (v.kind === "plain") plain = { parent: owner.indent, parts: [v.text], blanks: 0, set };
    else set(v.value);
  }
  if (literal && !finalBreak) {
    // go-yaml ends the text with a line break of its own; a blank last line without one is no line.
    if (literal.indent === undefined) outside();
    const last = lines[lines.length - 1]!;
    if (last.trim() === "" && last.length <= literal.indent) literal.lines.pop();
  }
  endLiteral();
  endPlain();
  return root;
}

/** The text of a literal block scalar: its lines, then the chomping of its trailing line breaks. */
function literalValue(lines: string[], chomp: "" | "-" | "+"): string {
  let end = lines.length;
  while (end > 0 && lines[end - 1] === "") end--;
  const body = lines.slice(0, end).join("\n");
  if (end === 0) return chomp === "+" ? "\n".repeat(lines.length) : "";
  if (chomp === "-") return body;
  if (chomp === "+") return `${body}\n${"\n".repeat(lines.length - end)}`;
  return `${body}\n`;
}

function plainValue(text: string): Value {
  return resolvedValue(resolveScalar(text, undefined));
}

/** A line of a multi-line plain scalar: plain text that cannot be read as anything else. */
function continuesPlain(text: string): boolean {
  if ("-?:,[]{}#&*!|>'\"%@`".includes(text[0]!)) return false;
  return !text.includes(": ") && !text.includes(" #") && !text.endsWith(":");
}

/** "key: value" -> {key, value}; undefined when the text is not a key line. Outside the subset throws. */
function splitKey(text: string): { key: string; value: string } | undefined {
  let key: string;
  let after: number;
  if (text.startsWith('"')) {
    const end = text.indexOf('"', 1);
    if (end < 0) outside();
    key = text.slice(1, end);
    if (key.includes("\\")) outside();
    after = end + 1;
    if (text[after] !== ":" || (after + 1 < text.length && text[after + 1] !== " ")) {
      if (text.includes(": ")) outside();
      return undefined;
    }
  } else {
    const m = /^([^\s:]+):(?: |$)/.exec(text);
    if (!m) {
      if (text.includes(": ") || text.endsWith(":")) outside();
      return undefined;
    }
    key = m[1]!;
    if (!KEY.test(key) || resolveScalar(key, undefined).kind !== "str") outside();
    after = key.length;
  }
  if (key.length > MAX_KEY) outside();
  return { key, value: text.slice(after + 1).trim() };
}

type Scalar = { kind: "value"; value: Value } | { kind: "plain"; text: string } | { kind: "literal"; chomp: "" | "-" | "+" } | { kind: "empty" };

function scalar(text: string): Scalar {
  if (text === "") return { kind: "empty" };
  const c = text[0]!;
  if (c === "#") return { kind: "empty" };
  if (c === "|") {
    const m = /^\|([+-]?)(\s+#.*)?$/.exec(text);
    if (!m) outside();
    return { kind: "literal", chomp: m[1] as "" | "-" | "+" };
  }
  if (c === '"') return { kind: "value", value: doubleQuoted(text, true) };
  if (c === "'") return { kind: "value", value: singleQuoted(text, true) };
  if (c === "{" || c === "[") return { kind: "value", value: flowLine(text) };
  if (">[]{},&*!%@`".includes(c)) outside();
  if ((c === "-" || c === "?" || c === ":") && (text.length === 1 || text[1] === " ")) outside();
  let end = text.length;
  const hash = text.indexOf(" #");
  if (hash >= 0) end = hash;
  const value = text.slice(0, end).trimEnd();
  if (value.includes(": ") || value.endsWith(":")) outside();
  return { kind: "plain", text: value };
}

/** After a quoted scalar: nothing, or blanks and a comment. */
function trailerOk(rest: string): boolean {
  return rest.trim() === "" || /^\s+#/.test(rest);
}

function doubleQuoted(text: string, whole: boolean): string {
  let value = "";
  let i = 1;
  for (; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '"') break;
    if (ch !== "\\") {
      value += ch;
      continue;
    }
    const e = text[++i];
    if (e === undefined) outside();
    if (e in ESCAPES) value += ESCAPES[e];
    else if (e === "x" || e === "u" || e === "U") {
      const n = e === "x" ? 2 : e === "u" ? 4 : 8;
      const hex = text.slice(i + 1, i + 1 + n);
      if (hex.length !== n || !/^[0-9A-Fa-f]+$/.test(hex)) outside();
      const cp = Number.parseInt(hex, 16);
      if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) outside();
      value += String.fromCodePoint(cp);
      i += n;
    } else outside();
  }
  if (i >= text.length || (whole && !trailerOk(text.slice(i + 1)))) outside();
  if (!whole && i !== text.length - 1) outside();
  return value;
}

function singleQuoted(text: string, whole: boolean): string {
  let value = "";
  let i = 1;
  for (; i < text.length; i++) {
    if (text[i] === "'") {
      if (text[i + 1] === "'") {
        value += "'";
        i++;
        continue;
      }
      break;
    }
    value += text[i];
  }
  if (i >= text.length || (whole && !trailerOk(text.slice(i + 1)))) outside();
  if (!whole && i !== text.length - 1) outside();
  return value;
}

const FLOW_PLAIN = /^(?:[A-Za-z0-9_./=+]|-[A-Za-z0-9])[A-Za-z0-9_./*=+ -]*$/;

/** `{}`, `[]`, or a one-line flow sequence of simple scalars: `["a", 'b', c]`. */
function flowLine(text: string): Value {
  const close = text[0] === "{" ? "}" : "]";
  const end = text.lastIndexOf(close);
  if (end < 0 || !trailerOk(text.slice(end + 1))) outside();
  const body = text.slice(1, end).trim();
  if (body === "") return close === "}" ? newMap() : [];
  if (close === "}") outside();
  return splitFlowItems(body).map((raw) => {
    const item = raw.trim();
    if (item.startsWith('"')) return doubleQuoted(item, false);
    if (item.startsWith("'")) return singleQuoted(item, false);
    if (!FLOW_PLAIN.test(item)) outside();
    return plainValue(item);
  });
}

/** Splits on commas outside quotes; a trailing comma is allowed, an empty item is not. */
function splitFlowItems(body: string): string[] {
  const items: string[] = [];
  let cur = "";
  let quote: string | undefined;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (quote) {
      cur += ch;
      if (ch === "\\" && quote === '"') cur += body[++i] ?? "";
      else if (ch === quote) quote = undefined;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      cur += ch;
    } else if (ch === ",") {
      if (cur.trim() === "") outside();
      items.push(cur);
      cur = "";
    } else cur += ch;
  }
  if (quote) outside();
  if (cur.trim() !== "") items.push(cur);
  else if (items.length === 0) outside();
  return items;
}
