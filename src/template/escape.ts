// The escapers behind text/template's html, js and urlquery builtins, and the
// way those builtins turn their arguments into one string.

import { sprint } from "./fmt.js";
import { isPrint } from "./unicode.js";
import { GoObject, type Value } from "./value.js";

const HTML_SPECIAL = /["'&<>\0]/;
const HTML_ALL = /["'&<>\0]/g;

function htmlReplace(c: string): string {
  switch (c) {
    case '"':
      return "&#34;";
    case "'":
      return "&#39;";
    case "&":
      return "&amp;";
    case "<":
      return "&lt;";
    case ">":
      return "&gt;";
  }
  return "\ufffd";
}

/** template.HTMLEscapeString: NUL becomes U+FFFD. */
export function htmlEscape(s: string): string {
  return HTML_SPECIAL.test(s) ? s.replace(HTML_ALL, htmlReplace) : s;
}

const JS_PLAIN = /^[\x20\x21\x23-\x25\x28-\x3b\x3f-\x5b\x5d-\x7f]*$/;
const UHEX = "0123456789ABCDEF";

/** template.JSEscapeString (Go 1.23): \u00XX for controls and <>&=, \uXXXX for unprintable runes. */
export function jsEscape(s: string): string {
  if (JS_PLAIN.test(s)) return s;
  let out = "";
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) {
      switch (ch) {
        case "\\":
          out += "\\\\";
          continue;
        case "'":
          out += "\\'";
          continue;
        case '"':
          out += '\\"';
          continue;
        case "<":
          out += "\\u003C";
          continue;
        case ">":
          out += "\\u003E";
          continue;
        case "&":
          out += "\\u0026";
          continue;
        case "=":
          out += "\\u003D";
          continue;
      }
      out += cp < 0x20 ? "\\u00" + UHEX[cp >> 4] + UHEX[cp & 15] : ch;
    } else if (isPrint(cp)) {
      out += ch;
    } else {
      // A lone surrogate is invalid UTF-8, which Go decodes as U+FFFD (printable).
      if (cp >= 0xd800 && cp <= 0xdfff) out += "\ufffd";
      else out += "\\u" + cp.toString(16).toUpperCase().padStart(4, "0");
    }
  }
  return out;
}

const QUERY_PLAIN = /^[A-Za-z0-9\-_.~]*$/;
const encoder = new TextEncoder();

/** url.QueryEscape: space is '+', everything but A-Z a-z 0-9 - _ . ~ is %XX. */
export function urlQueryEscape(s: string): string {
  if (QUERY_PLAIN.test(s)) return s;
  let out = "";
  for (const b of encoder.encode(s)) {
    if (
      (b >= 0x41 && b <= 0x5a) ||
      (b >= 0x61 && b <= 0x7a) ||
      (b >= 0x30 && b <= 0x39) ||
      b === 0x2d ||
      b === 0x5f ||
      b === 0x2e ||
      b === 0x7e
    ) {
      out += String.fromCharCode(b);
    } else if (b === 0x20) out += "+";
    else out += "%" + UHEX[b >> 4] + UHEX[b & 15];
  }
  return out;
}

/** A pointer to a struct without String/Error methods prints as the struct itself. */
class Indirect extends GoObject {
  constructor(private readonly target: GoObject) {
    super();
  }
  override goType(): string {
    return this.target.goType().replace(/^\*/, "");
  }
  override goKind(): string {
    return "struct";
  }
  override field(name: string): Value | undefined {
    return this.target.field(name);
  }
  override hasField(name: string): boolean {
    return this.target.hasField(name);
  }
  override fieldNames(): string[] {
    return this.target.fieldNames();
  }
}

/**
 * How html, js and urlquery join their arguments (Go's evalArgs): a single
 * string is used as-is; otherwise each argument is made printable the way
 * `{{ .x }}` does (nil is "<no value>", pointers are followed) and the list
 * goes through fmt.Sprint.
 */
export function evalArgs(args: Value[]): string {
  if (args.length === 1 && typeof args[0] === "string") return args[0];
  const printable = args.map((a): Value => {
    if (a === null || a === undefined) return "<no value>";
    if (a instanceof GoObject && a.goKind() === "ptr" && !a.goString && !a.goError) return new Indirect(a);
    return a;
  });
  return sprint(printable);
}
