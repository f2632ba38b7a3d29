// encoding/json's Unmarshal into interface{}: numbers are float64, objects
// map[string]interface{}; syntax errors use Go's scanner wording so that
// fromJson's "Error" entry reads as it does under helm.
import { quoteRuneGo } from "../template/strconv.js";
import { newMap, type Value } from "../template/value.js";

export class GoJsonError extends Error {
  override name = "GoJsonError";
}

/** How Go's scanner quotes an offending character. */
function quoteChar(c: string): string {
  if (c === "'") return "'\\''";
  if (c === '"') return "'\"'";
  return quoteRuneGo(c.codePointAt(0)!);
}

class Parser {
  i = 0;
  constructor(readonly s: string) {}

  /** The first type error; Go keeps decoding after one and reports it at the end. */
  typeError: GoJsonError | undefined;

  fail(context: string): never {
    if (this.i >= this.s.length) {
      // At the end Go's scanner is fed one space: mid-token states reject it.
      if (/^in (literal|numeric|exponent|string escape|\\u)|^after decimal/.test(context)) {
        throw new GoJsonError(`invalid character ' ' ${context}`);
      }
      throw new GoJsonError("unexpected end of JSON input");
    }
    const ch = String.fromCodePoint(this.s.codePointAt(this.i)!);
    throw new GoJsonError(`invalid character ${quoteChar(ch)} ${context}`);
  }

  ws(): void {
    const s = this.s;
    while (this.i < s.length) {
      const c = s.charCodeAt(this.i);
      if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) break;
      this.i++;
    }
  }

  value(): Value {
    this.ws();
    const c = this.s[this.i];
    if (c === "{") return this.object();
    if (c === "[") return this.array();
    if (c === '"') return this.string();
    if (c === "-" || (c !== undefined && c >= "0" && c <= "9")) return this.number();
    if (c === "t") return this.literal("true", true);
    if (c === "f") return this.literal("false", false);
    if (c === "n") return this.literal("null", null);
    this.fail("looking for beginning of value");
  }

  literal(word: string, v: Value): Value {
    for (let k = 0; k < word.length; k++, this.i++) {
      if (this.s[this.i] !== word[k]) this.fail(`in literal ${word} (expecting ${quoteChar(word[k]!)})`);
    }
    return v;
  }

  object(): Value {
    const m = newMap();
    this.i++;
    this.ws();
    if (this.s[this.i] === "}") {
      this.i++;
      return m;
    }
    for (;;) {
      this.ws();
      if (this.s[this.i] !== '"') this.fail("looking for beginning of object key string");
      const k = this.string();
      this.ws();
      if (this.s[this.i] !== ":") this.fail("after object key");
      this.i++;
      m[k] = this.value();
      this.ws();
      const c = this.s[this.i];
      this.i++;
      if (c === "}") return m;
      if (c !== ",") {
        this.i--;
        this.fail("after object key:value pair");
      }
    }
  }

  array(): Value {
    const a: Value[] = [];
    this.i++;
    this.ws();
    if (this.s[this.i] === "]") {
      this.i++;
      return a;
    }
    for (;;) {
      a.push(this.value());
      this.ws();
      const c = this.s[this.i];
      this.i++;
      if (c === "]") return a;
      if (c !== ",") {
        this.i--;
        this.fail("after array element");
      }
    }
  }

  string(): string {
    const s = this.s;
    this.i++;
    let out = "";
    let start = this.i;
    for (;;) {
      if (this.i >= s.length) this.fail("");
      const c = s.charCodeAt(this.i);
      if (c === 0x22) break;
      if (c < 0x20) this.fail("in string literal");
      if (c !== 0x5c) {
        this.i++;
        continue;
      }
      out += s.slice(start, this.i);
      this.i++;
      const e = s[this.i];
      const simple: Record<string, string> = { '"': '"', "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" };
      if (e !== undefined && simple[e] !== undefined) {
        out += simple[e];
        this.i++;
      } else if (e === "u") {
        this.i++;
        let code = 0;
        for (let k = 0; k < 4; k++, this.i++) {
          const h = s[this.i];
          if (h === undefined || !/[0-9a-fA-F]/.test(h)) this.fail("in \\u hexadecimal character escape");
          code = code * 16 + Number.parseInt(h, 16);
        }
        out += String.fromCharCode(code);
      } else this.fail("in string escape code");
      start = this.i;
    }
    out += s.slice(start, this.i);
    this.i++;
    // Unpaired surrogates from \u escapes become U+FFFD, as Go decodes them.
    return out.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd");
  }

  number(): number | null {
    const s = this.s;
    const start = this.i;
    if (s[this.i] === "-") this.i++;
    const digit = () => this.i < s.length && s[this.i]! >= "0" && s[this.i]! <= "9";
    if (s[this.i] === "0") this.i++;
    else if (digit()) while (digit()) this.i++;
    else this.fail("in numeric literal");
    if (s[this.i] === ".") {
      this.i++;
      if (!digit()) this.fail("after decimal point in numeric literal");
      while (digit()) this.i++;
    }
    if (s[this.i] === "e" || s[this.i] === "E") {
      this.i++;
      if (s[this.i] === "+" || s[this.i] === "-") this.i++;
      if (!digit()) this.fail("in exponent of numeric literal");
      while (digit()) this.i++;
    }
    const text = s.slice(start, this.i);
    const v = Number(text);
    if (!Number.isFinite(v)) {
      this.typeError ??= new GoJsonError(`json: cannot unmarshal number ${text} into Go value of type float64`);
      return null;
    }
    return v;
  }
}

/**
 * json.Unmarshal(text, &interface{}): the decoded value plus the first type
 * error, which Go reports after decoding everything else. Syntax errors throw
 * GoJsonError with Go's message.
 */
export function decodeJson(text: string): { value: Value; typeError?: GoJsonError } {
  const p = new Parser(text);
  p.ws();
  if (p.i >= text.length) throw new GoJsonError("unexpected end of JSON input");
  const value = p.value();
  p.ws();
  if (p.i < text.length) p.fail("after top-level value");
  return { value, typeError: p.typeError };
}

/** json.Unmarshal into interface{}; any error throws. */
export function unmarshalJson(text: string): Value {
  const { value, typeError } = decodeJson(text);
  if (typeError) throw typeError;
  return value;
}

/** The JSON type name encoding/json uses in "cannot unmarshal X into ...". */
export function jsonTypeName(v: Value): string {
  if (typeof v === "string") return "string";
  if (typeof v === "number") return "number";
  if (typeof v === "boolean") return "bool";
  if (Array.isArray(v)) return "array";
  return "object";
}
