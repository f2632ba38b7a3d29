// A fast reading of a rendered document's head (apiVersion, kind,
// metadata.name and .annotations) for the common shape of Kubernetes YAML:
// block mappings and sequences of plain, quoted and block scalars. It proves
// the document valid only within that conservative subset; anything else
// (flow collections, anchors, tags, multi-line plain or quoted scalars, tabs,
// duplicate keys, values that are not plain strings where the head needs
// strings) gets `undefined`, and the caller parses the document in full, so
// errors and edge cases keep helm's exact behaviour. Full parsing of every
// rendered document was most of `template`'s time on large charts.
import { resolveScalar } from "../yaml/parse-resolve.js";
import type { ManifestHead } from "./manifests.js";

interface Context {
  indent: number;
  kind: "map" | "seq";
  keys?: Set<string>;
  /** Key path from the document root, for the head fields. */
  path: string;
}

/** A scalar's text as decoded, or `undefined` when it is outside the subset. */
type Scalar = { kind: "plain" | "quoted"; value: string } | { kind: "block" } | { kind: "empty" } | { kind: "flow" };

const KEY = /^[A-Za-z0-9_$][A-Za-z0-9_./$-]*$/;
const ESCAPES: Record<string, string> = { '"': '"', "\\": "\\", "/": "/", n: "\n", t: "\t", r: "\r", "0": "\0", " ": " ", b: "\b", f: "\f", v: "\v", a: "\x07", e: "\x1b" };

/** Tabs, CR and YAML 1.1's other line breaks (NEL, LS, PS), and what YAML does not allow printed: all left to the full parser. */
const OUTSIDE = /[\t\r\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]|\p{Cs}/u;

export function fastHead(doc: string): ManifestHead | undefined {
  if (OUTSIDE.test(doc)) return undefined;
  const head: ManifestHead = {};
  const stack: Context[] = [];
  /** The line before opened a nested block at this path, deeper than `indent`. */
  let pending: { indent: number; path: string; seqAllowedAt: boolean } | undefined;
  /** Inside a block scalar: lines indented more than `parent` belong to it. */
  let block: { parent: number; content?: number } | undefined;
  /** After a plain scalar: more indented lines continue it (a folded multi-line plain scalar). */
  let plain: { parent: number } | undefined;
  let topKind: "map" | undefined;

  const lines = doc.split("\n");
  for (const line of lines) {
    let indent = 0;
    while (indent < line.length && line.charCodeAt(indent) === 32) indent++;
    const empty = indent === line.length;
    if (block) {
      if (empty) {
        // A blank line with spaces before the block's first content line is a YAML error when longer than that indent.
        if (block.content === undefined && indent > 0) return undefined;
        continue;
      }
      if (block.content === undefined) {
        if (indent > block.parent) {
          block.content = indent;
          continue;
        }
      } else if (indent >= block.content) continue;
      else if (indent > block.parent) return undefined;
      block = undefined;
    }
    if (empty) continue;
    if (line.charCodeAt(indent) === 35 /* # */) {
      plain = undefined;
      continue;
    }
    if (plain) {
      if (indent > plain.parent) {
        const text = line.slice(indent);
        if (!continuesPlain(text)) return undefined;
        continue;
      }
      plain = undefined;
    }
    // An empty flow collection on its own line is the value of the key above it.
    const own = /^(\{\s*\}|\[\s*\])(\s+#.*)?$/.exec(line.slice(indent));
    if (pending && indent > pending.indent && own) {
      if (!emptyFlow(head, pending.path, own[1]!.startsWith("{"))) return undefined;
      pending = undefined;
      continue;
    }
    if (indent === 0 && (line.startsWith("---") || line.startsWith("...") || line.startsWith("%"))) return undefined;

    let rest = line.slice(indent);
    let isSeq = false;
    let col = indent;
    if (rest === "-" || rest.startsWith("- ")) {
      isSeq = true;
      let skip = 1;
      while (skip < rest.length && rest.charCodeAt(skip) === 32) skip++;
      col = indent + skip;
      rest = rest.slice(skip);
      if (rest.startsWith("- ") || rest === "-") return undefined;
    }

    // Place the entry: close deeper blocks, then it must continue the block at this indent or open the pending one.
    while (stack.length > 0 && stack[stack.length - 1]!.indent > indent) stack.pop();
    let top = stack[stack.length - 1];
    const kind = isSeq ? "seq" : "map";
    if (pending && (indent > pending.indent || (isSeq && pending.seqAllowedAt && indent === pending.indent))) {
      if (top && top.indent === indent && !(isSeq && top.kind === "map")) return undefined;
      // A map or list where the head needs a string, or a list for metadata: the full reading decides.
      if (isHeadString(pending.path) || pending.path.startsWith("metadata.annotations.")) return undefined;
      if ((pending.path === "metadata" || pending.path === "metadata.annotations") && isSeq) return undefined;
      top = { indent, kind, keys: kind === "map" ? new Set() : undefined, path: pending.path };
      stack.push(top);
    } else if (!top) {
      if (stack.length === 0 && topKind === undefined && indent === 0 && !isSeq) {
        topKind = "map";
        top = { indent: 0, kind: "map", keys: new Set(), path: "" };
        stack.push(top);
      } else return undefined;
    } else if (top.indent !== indent || top.kind !== kind) {
      // An indentless sequence ends where its parent mapping continues.
      if (!isSeq && top.kind === "seq" && top.indent === indent) {
        stack.pop();
        top = stack[stack.length - 1];
        if (!top || top.indent !== indent || top.kind !== "map") return undefined;
      } else return undefined;
    }
    pending = undefined;

    let path = top.path;
    let owner = top;
    if (isSeq) {
      path = `${top.path}[]`;
      if (rest === "") {
        pending = { indent, path, seqAllowedAt: false };
        continue;
      }
      const entry = splitKey(rest);
      if (entry === null) return undefined;
      if (entry === undefined) {
        const v = scalar(rest);
        if (!v || v.kind === "empty") return undefined;
        if (v.kind === "block") block = { parent: indent };
        if (v.kind === "plain") plain = { parent: indent };
        continue;
      }
      // "- key: value" opens a mapping at the key's column.
      owner = { indent: col, kind: "map", keys: new Set(), path };
      stack.push(owner);
      rest = `${entry.key}:${entry.value === "" ? "" : ` ${entry.value}`}`;
    }

    const entry = splitKey(rest);
    if (!entry) return undefined;
    if (owner.keys!.has(entry.key)) return undefined;
    owner.keys!.add(entry.key);
    const keyPath = owner.path ? `${owner.path}.${entry.key}` : entry.key;
    const v = scalar(entry.value);
    if (!v) return undefined;
    if (v.kind === "empty") {
      pending = { indent: owner.indent, path: keyPath, seqAllowedAt: true };
      if (isHeadString(keyPath) || keyPath.startsWith("metadata.annotations")) {
        // An empty value is null; a nested block under a string field is not a string.
        if (!record(head, keyPath, null)) return undefined;
      }
      continue;
    }
    if (v.kind === "block") {
      if (isHeadString(keyPath) || keyPath.startsWith("metadata.annotations.")) return undefined;
      block = { parent: owner.indent };
      continue;
    }
    if (v.kind === "flow") {
      if (!emptyFlow(head, keyPath, entry.value.startsWith("{") && /^\{\s*\}/.test(entry.value))) return undefined;
      continue;
    }
    if (keyPath === "metadata" || keyPath === "metadata.annotations") return undefined;
    if (isHeadString(keyPath) || keyPath.startsWith("metadata.annotations.")) {
      if (!record(head, keyPath, v)) return undefined;
      // A head field's value must be all on its line.
      if (v.kind === "plain") plain = { parent: Number.POSITIVE_INFINITY };
    } else if (v.kind === "plain") plain = { parent: owner.indent };
  }
  if (block && block.content === undefined && lines.length > 0) {
    // A block scalar with no content line is fine; nothing to check.
  }
  // Nested blocks announced but never opened are nulls: fine.
  return head;
}

/** An empty `{}` (map) or a flow sequence as a value: fine anywhere but where the head needs a string or a map. */
function emptyFlow(head: ManifestHead, path: string, emptyMap: boolean): boolean {
  if (isHeadString(path) || path.startsWith("metadata.annotations.")) return false;
  if (path === "metadata") return emptyMap;
  if (path === "metadata.annotations") {
    if (!emptyMap) return false;
    head.annotations ??= {};
  }
  return true;
}

function isHeadString(path: string): boolean {
  return path === "apiVersion" || path === "kind" || path === "metadata.name";
}

/** Stores a head field; false when its value is not what the head accepts as is (then the full parse decides). */
function record(head: ManifestHead, path: string, v: Scalar | null): boolean {
  let text: string | null;
  if (v === null) text = null;
  else if (v.kind === "quoted") text = v.value;
  else if (v.kind === "plain") {
    const r = resolveScalar(v.value, undefined);
    if (r.kind === "null") text = null;
    else if (r.kind !== "str") return false;
    else text = v.value;
  } else return false;
  if (path.startsWith("metadata.annotations.")) {
    head.annotations ??= {};
    head.annotations[path.slice("metadata.annotations.".length)] = text ?? "";
    return true;
  }
  if (path === "metadata.annotations") return text === null;
  // A null or missing field stays unset, as the full reading leaves it.
  if (text === null) return true;
  if (path === "apiVersion") head.apiVersion = text;
  else if (path === "kind") head.kind = text;
  else head.name = text;
  return true;
}

/** "key: value" -> {key, value}; undefined when the text is not a key line; null when it is one outside the subset. */
function splitKey(text: string): { key: string; value: string } | null | undefined {
  let key: string;
  let after: number;
  if (text.startsWith('"')) {
    const end = text.indexOf('"', 1);
    if (end < 0) return null;
    key = text.slice(1, end);
    if (key.includes("\\")) return null;
    after = end + 1;
    if (text[after] !== ":") return text.indexOf(": ") >= 0 ? null : undefined;
  } else {
    const m = /^([^\s:]+):(?: |$)/.exec(text);
    if (!m) return text.includes(": ") || text.endsWith(":") ? null : undefined;
    key = m[1]!;
    if (!KEY.test(key) || resolveScalar(key, undefined).kind !== "str") return null;
    after = key.length;
  }
  const value = text.slice(after + 1).trim();
  return { key, value };
}

/** A value in the subset, or undefined when it is outside it. */
function scalar(text: string): Scalar | undefined {
  if (text === "") return { kind: "empty" };
  const c = text[0]!;
  if (c === "#") return { kind: "empty" };
  if (c === "|" || c === ">") return /^[|>][+-]?(\s+#.*)?$/.test(text) ? { kind: "block" } : undefined;
  if (c === '"') return doubleQuoted(text);
  if (c === "'") {
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
    if (i >= text.length || !trailerOk(text.slice(i + 1))) return undefined;
    return { kind: "quoted", value };
  }
  if (c === "{" || c === "[") return flowLine(text);
  if ("[]{},&*!%@`".includes(c)) return undefined;
  if ((c === "-" || c === "?" || c === ":") && (text.length === 1 || text[1] === " ")) return undefined;
  let end = text.length;
  const hash = text.indexOf(" #");
  if (hash >= 0) end = hash;
  const value = text.slice(0, end).trimEnd();
  if (value.includes(": ") || value.endsWith(":")) return undefined;
  return { kind: "plain", value };
}

function doubleQuoted(text: string): Scalar | undefined {
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
    if (e === undefined) return undefined;
    if (e in ESCAPES) value += ESCAPES[e];
    else if (e === "x" || e === "u" || e === "U") {
      const n = e === "x" ? 2 : e === "u" ? 4 : 8;
      const hex = text.slice(i + 1, i + 1 + n);
      if (!new RegExp(`^[0-9A-Fa-f]{${n}}$`).test(hex)) return undefined;
      const cp = Number.parseInt(hex, 16);
      if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return undefined;
      value += String.fromCodePoint(cp);
      i += n;
    } else return undefined;
  }
  if (i >= text.length || !trailerOk(text.slice(i + 1))) return undefined;
  return { kind: "quoted", value };
}

/** A line of a multi-line plain scalar: plain text that cannot be read as anything else. */
function continuesPlain(text: string): boolean {
  if ("-?:,[]{}#&*!|>'\"%@`".includes(text[0]!)) return false;
  return !text.includes(": ") && !text.includes(" #") && !text.endsWith(":");
}

const FLOW_ITEM = /^(?:"(?:[^"\\]|\\["\\/nt])*"|'(?:[^']|'')*'|(?:[A-Za-z0-9_./=+]|-[A-Za-z0-9])[A-Za-z0-9_./*=+ -]*)$/;

/** `{}`, `[]`, or a one-line flow sequence of simple scalars: `["a", 'b', c]`. */
function flowLine(text: string): Scalar | undefined {
  let body = text;
  const close = text[0] === "{" ? "}" : "]";
  const end = text.lastIndexOf(close);
  if (end < 0 || !trailerOk(text.slice(end + 1))) return undefined;
  body = text.slice(1, end).trim();
  if (body === "") return { kind: "flow" };
  if (close === "}") return undefined;
  for (const raw of splitFlowItems(body)) {
    const item = raw.trim();
    if (!FLOW_ITEM.test(item) || item.endsWith(":")) return undefined;
  }
  return { kind: "flow" };
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
      items.push(cur);
      cur = "";
    } else cur += ch;
  }
  if (quote) return ["\u0000"];
  if (cur.trim() !== "" || items.length === 0) items.push(cur);
  return items;
}

/** After a quoted scalar: nothing, or blanks and a comment. */
function trailerOk(rest: string): boolean {
  return rest.trim() === "" || /^\s+#/.test(rest);
}
