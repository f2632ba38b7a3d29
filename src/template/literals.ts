// The parts of Go's strconv the template parser needs: quoting for error
// messages and AST printing, unquoting of string/char literals, and the
// integer/float syntax of Go number literals (base prefixes, underscores).

const utf8 = new TextEncoder();
const utf8Decoder = new TextDecoder();

/** Go's strconv.Quote: double-quoted with Go escapes; non-printable runes escaped. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    switch (ch) {
      case '"':
        out += '\\"';
        continue;
      case "\\":
        out += "\\\\";
        continue;
      case "\n":
        out += "\\n";
        continue;
      case "\t":
        out += "\\t";
        continue;
      case "\r":
        out += "\\r";
        continue;
      case "\x07":
        out += "\\a";
        continue;
      case "\b":
        out += "\\b";
        continue;
      case "\f":
        out += "\\f";
        continue;
      case "\v":
        out += "\\v";
        continue;
    }
    if (c < 0x20 || c === 0x7f) out += "\\x" + c.toString(16).padStart(2, "0");
    else if (c === 0xfffd && ch !== "\ufffd") out += "\\ufffd";
    else if (c >= 0x80 && !isPrintRune(c)) {
      out += c > 0xffff ? "\\U" + c.toString(16).padStart(8, "0") : "\\u" + c.toString(16).padStart(4, "0");
    } else out += ch;
  }
  return out + '"';
}

const nonPrint = /[\p{C}\p{Zl}\p{Zp}]|[\p{Zs}]/u;

function isPrintRune(c: number): boolean {
  if (c === 0x20) return true;
  return !nonPrint.test(String.fromCodePoint(c));
}

export class LiteralSyntaxError extends Error {
  constructor() {
    super("invalid syntax");
  }
}

/** Go's strconv.Unquote for "..." `...` and '...' literals. */
export function goUnquote(lit: string): string {
  const q = lit[0];
  if (lit.length < 2 || lit[lit.length - 1] !== q) throw new LiteralSyntaxError();
  const body = lit.slice(1, -1);
  if (q === "`") {
    if (body.includes("`")) throw new LiteralSyntaxError();
    return body.includes("\r") ? body.replaceAll("\r", "") : body;
  }
  if (q !== '"' && q !== "'") throw new LiteralSyntaxError();
  if (!body.includes("\\")) {
    if (body.includes("\n") || body.includes(q)) throw new LiteralSyntaxError();
    if (q === "'" && [...body].length !== 1) throw new LiteralSyntaxError();
    return body;
  }
  // Escapes like \xff produce raw bytes, so decode through a byte buffer.
  const bytes: number[] = [];
  let runes = 0;
  for (let i = 0; i < body.length; ) {
    const ch = body[i];
    if (ch === q || ch === "\n") throw new LiteralSyntaxError();
    runes++;
    if (ch !== "\\") {
      const cp = body.codePointAt(i)!;
      const s = String.fromCodePoint(cp);
      for (const b of utf8.encode(s)) bytes.push(b);
      i += s.length;
      continue;
    }
    const e = body[i + 1];
    i += 2;
    switch (e) {
      case "a":
        bytes.push(7);
        break;
      case "b":
        bytes.push(8);
        break;
      case "f":
        bytes.push(12);
        break;
      case "n":
        bytes.push(10);
        break;
      case "r":
        bytes.push(13);
        break;
      case "t":
        bytes.push(9);
        break;
      case "v":
        bytes.push(11);
        break;
      case "\\":
        bytes.push(92);
        break;
      case "'":
      case '"':
        if (e !== q) throw new LiteralSyntaxError();
        bytes.push(e.charCodeAt(0));
        break;
      case "x":
      case "u":
      case "U": {
        const n = e === "x" ? 2 : e === "u" ? 4 : 8;
        const hex = body.slice(i, i + n);
        if (hex.length !== n || !/^[0-9a-fA-F]+$/.test(hex)) throw new LiteralSyntaxError();
        i += n;
        const v = Number.parseInt(hex, 16);
        if (e === "x") {
          if (q === "'") pushRune(bytes, v);
          else bytes.push(v);
        } else {
          if (v > 0x10ffff || (v >= 0xd800 && v < 0xe000)) throw new LiteralSyntaxError();
          pushRune(bytes, v);
        }
        break;
      }
      default: {
        if (e >= "0" && e <= "7") {
          const oct = body.slice(i - 1, i + 2);
          if (!/^[0-7]{3}$/.test(oct)) throw new LiteralSyntaxError();
          const v = Number.parseInt(oct, 8);
          if (v > 255) throw new LiteralSyntaxError();
          i += 2;
          bytes.push(v);
          break;
        }
        throw new LiteralSyntaxError();
      }
    }
  }
  if (q === "'" && runes !== 1) throw new LiteralSyntaxError();
  return utf8Decoder.decode(new Uint8Array(bytes));
}

function pushRune(bytes: number[], cp: number): void {
  for (const b of utf8.encode(String.fromCodePoint(cp))) bytes.push(b);
}

/**
 * A Go character literal's rune value (strconv.UnquoteChar on its body), or
 * undefined when more than one character sits between the quotes.
 */
export function unquoteChar(lit: string): number | undefined {
  if (lit.length < 3 || lit[0] !== "'") throw new LiteralSyntaxError();
  let end: number;
  if (lit[1] !== "\\") end = 1 + String.fromCodePoint(lit.codePointAt(1)!).length;
  else if ("xuU".includes(lit[2])) end = 3 + (lit[2] === "x" ? 2 : lit[2] === "u" ? 4 : 8);
  else if (lit[2] >= "0" && lit[2] <= "7") end = 5;
  else end = 3;
  const rune = goUnquote(lit.slice(0, end) + "'").codePointAt(0)!;
  return lit.slice(end) === "'" ? rune : undefined;
}

const INT64_MAX = (1n << 63n) - 1n;
const UINT64_MAX = (1n << 64n) - 1n;

/** strconv.ParseInt/ParseUint with base 0: the exact value, or undefined on bad syntax. */
export function parseGoInteger(text: string): bigint | undefined {
  let s = text;
  let neg = false;
  if (s[0] === "+" || s[0] === "-") {
    neg = s[0] === "-";
    s = s.slice(1);
  }
  let base = 10;
  let prefixed = false;
  if (s.length > 1 && s[0] === "0") {
    const p = s[1].toLowerCase();
    if (p === "x" || p === "o" || p === "b") {
      base = p === "x" ? 16 : p === "o" ? 8 : 2;
      s = s.slice(2);
      prefixed = true;
    } else {
      base = 8;
      s = s.slice(1);
      prefixed = true;
    }
  }
  // Base-0 literal syntax: an underscore must sit between digits (or after a prefix).
  if (s.includes("_")) {
    if (s.startsWith("_") && !prefixed) return undefined;
    if (s.endsWith("_") || s.includes("__")) return undefined;
    s = s.replaceAll("_", "");
  }
  if (s === "") return base === 8 && !/[oO]/.test(text) ? 0n : undefined;
  const digits = base === 16 ? /^[0-9a-fA-F]+$/ : base === 8 ? /^[0-7]+$/ : base === 2 ? /^[01]+$/ : /^[0-9]+$/;
  if (!digits.test(s)) return undefined;
  const prefix = base === 16 ? "0x" : base === 8 ? "0o" : base === 2 ? "0b" : "";
  const v = BigInt(prefix + s);
  return neg ? -v : v;
}

export function fitsInt64(v: bigint): boolean {
  return v >= -INT64_MAX - 1n && v <= INT64_MAX;
}

export function fitsUint64(v: bigint): boolean {
  return v >= 0n && v <= UINT64_MAX;
}

/** strconv.ParseFloat(text, 64): decimal and hex floats, with underscores. */
export function parseGoFloat(text: string): number | undefined {
  let s = text;
  if (s.includes("_")) s = s.replaceAll("_", "");
  let neg = false;
  if (s[0] === "+" || s[0] === "-") {
    neg = s[0] === "-";
    s = s.slice(1);
  }
  let v: number;
  if (/^0[xX]/.test(s)) {
    const m = /^0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?[pP]([+-]?[0-9]+)$/.exec(s);
    if (!m || (m[1] === "" && (m[2] ?? "") === "")) return undefined;
    const mant = m[1] + (m[2] ?? "");
    v = Number(BigInt("0x" + (mant || "0"))) * 2 ** (Number(m[3]) - 4 * (m[2] ?? "").length);
  } else {
    if (!/^([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$/.test(s)) return undefined;
    v = Number(s);
  }
  return neg ? -v : v;
}
