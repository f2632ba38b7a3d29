// The template lexer, after Go's text/template/parse/lex.go: the same items,
// trim-marker and comment rules, and error texts. Unlike Go it lexes the whole
// input up front (stopping at the first error item): the parser only ever
// consumes items in order, so the result is the same and the loop is simpler.

import { goQuote as quote } from "./literals.js";

export enum T {
  Error,
  Bool,
  Char,
  CharConstant,
  Comment,
  Complex,
  Assign,
  Declare,
  EOF,
  Field,
  Identifier,
  LeftDelim,
  LeftParen,
  Number,
  Pipe,
  RawString,
  RightDelim,
  RightParen,
  Space,
  String,
  Text,
  Variable,
  // Keywords follow; item.toString prints them as <word>.
  Keyword,
  Block,
  Break,
  Continue,
  Dot,
  Define,
  Else,
  End,
  If,
  Nil,
  Range,
  Template,
  With,
}

const keywords: Record<string, T> = {
  ".": T.Dot,
  block: T.Block,
  break: T.Break,
  continue: T.Continue,
  define: T.Define,
  else: T.Else,
  end: T.End,
  if: T.If,
  range: T.Range,
  nil: T.Nil,
  template: T.Template,
  with: T.With,
};

export interface Item {
  typ: T;
  /** Offset (UTF-16 index) of the item in the input. */
  pos: number;
  val: string;
  line: number;
}

/** How Go's item.String() shows a token in "unexpected X" messages. */
export function itemString(i: Item): string {
  if (i.typ === T.EOF) return "EOF";
  if (i.typ === T.Error) return i.val;
  if (i.typ > T.Keyword) return `<${i.val}>`;
  if (i.val.length > 10) return goQuotePrefix(i.val, 10) + "...";
  return quote(i.val);
}

function goQuotePrefix(s: string, runes: number): string {
  return quote([...s].slice(0, runes).join(""));
}

const LEFT = "{{";
const RIGHT = "}}";

function isSpace(c: string): boolean {
  return c === " " || c === "\t" || c === "\r" || c === "\n";
}

const alnumRe = /^[\p{L}\p{Nd}_]$/u;

export function isAlphaNumeric(c: string): boolean {
  if (c === "") return false;
  const n = c.charCodeAt(0);
  if (n < 0x80) return c === "_" || (n >= 48 && n <= 57) || (n >= 65 && n <= 90) || (n >= 97 && n <= 122);
  return alnumRe.test(c);
}

function hasLeftTrim(s: string, at: number): boolean {
  return s[at] === "-" && isSpace(s[at + 1] ?? "");
}

function hasRightTrim(s: string, at: number): boolean {
  return isSpace(s[at] ?? "") && s[at + 1] === "-";
}

/** Lexes `input` into items, ending with EOF or an Error item. */
export function lex(input: string, breakOK = true, continueOK = true): Item[] {
  const items: Item[] = [];
  let start = 0;
  let pos = 0;
  let line = 1;
  let lineAt = 0; // the offset `line` was counted up to
  let parenDepth = 0;

  const lineOf = (p: number): number => {
    for (let i = lineAt; i < p; i++) if (input.charCodeAt(i) === 10) line++;
    lineAt = p;
    return line;
  };
  const emit = (typ: T, from = start, to = pos): void => {
    items.push({ typ, pos: from, val: input.slice(from, to), line: lineOf(from) });
    start = pos;
  };
  const fail = (msg: string): Item[] => {
    items.push({ typ: T.Error, pos: start, val: msg, line: lineOf(start) });
    return items;
  };
  // 0: no right delimiter here; 1: "}}"; 2: " -}}".
  const atRightDelim = (): 0 | 1 | 2 => {
    if (input.charCodeAt(pos) === 125 && input.charCodeAt(pos + 1) === 125) return 1;
    if (hasRightTrim(input, pos) && input.startsWith(RIGHT, pos + 2)) return 2;
    return 0;
  };
  const skipLeadingSpace = (): void => {
    while (pos < input.length && isSpace(input[pos])) pos++;
  };
  const atTerminator = (): boolean => {
    const c = input[pos] ?? "";
    if (c === "" || isSpace(c) || ".,|:)(".includes(c)) return true;
    return input.startsWith(RIGHT, pos);
  };
  const nextRune = (): string => {
    if (pos >= input.length) return "";
    const code = input.charCodeAt(pos);
    // ASCII (nearly all of a template) without building a new string.
    if (code < 0x80) return input[pos++]!;
    const s = String.fromCodePoint(input.codePointAt(pos)!);
    pos += s.length;
    return s;
  };
  const isAsciiWord = (code: number): boolean => code === 95 || (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  /** Letters, digits and _ (whole runes, as Go reads them). */
  const scanWord = (): void => {
    for (;;) {
      const code = input.charCodeAt(pos);
      if (isAsciiWord(code)) pos++;
      else if (code >= 0x80 && isAlphaNumeric(String.fromCodePoint(input.codePointAt(pos)!))) nextRune();
      else return;
    }
  };
  const accept = (set: string): boolean => {
    if (pos < input.length && set.includes(input[pos])) {
      pos++;
      return true;
    }
    return false;
  };
  const acceptRun = (set: string): void => {
    while (pos < input.length && set.includes(input[pos])) pos++;
  };
  const scanNumber = (): boolean => {
    accept("+-");
    let digits = "0123456789_";
    if (accept("0")) {
      if (accept("xX")) digits = "0123456789abcdefABCDEF_";
      else if (accept("oO")) digits = "01234567_";
      else if (accept("bB")) digits = "01_";
    }
    acceptRun(digits);
    if (accept(".")) acceptRun(digits);
    if (digits.length === 11 && accept("eE")) {
      accept("+-");
      acceptRun("0123456789_");
    }
    if (digits.length === 23 && accept("pP")) {
      accept("+-");
      acceptRun("0123456789_");
    }
    accept("i");
    if (isAlphaNumeric(input[pos] ?? "")) {
      nextRune();
      return false;
    }
    return true;
  };
  const badChar = (): string => {
    const cp = input.codePointAt(pos) ?? 0;
    return `bad character ${unicodeFmt(cp)}`;
  };

  for (;;) {
    // Text up to the next action.
    const x = input.indexOf(LEFT, pos);
    if (x < 0) {
      pos = input.length;
      if (pos > start) emit(T.Text);
      emit(T.EOF);
      return items;
    }
    pos = x;
    const trim = hasLeftTrim(input, x + 2);
    if (x > start) {
      let end = x;
      if (trim) while (end > start && isSpace(input[end - 1])) end--;
      if (end > start) emit(T.Text, start, end);
    }
    start = x;
    // Left delimiter, or a comment.
    pos = x + 2;
    const afterMarker = trim ? 2 : 0;
    if (input.startsWith("/*", pos + afterMarker)) {
      pos += afterMarker;
      start = pos;
      const close = input.indexOf("*/", pos + 2);
      if (close < 0) return fail("unclosed comment");
      pos = close + 2;
      const delim = atRightDelim();
      const trimAfter = delim === 2;
      if (!delim) return fail("comment ends before closing delimiter");
      pos += (trimAfter ? 2 : 0) + RIGHT.length;
      if (trimAfter) skipLeadingSpace();
      start = pos;
      continue;
    }
    emit(T.LeftDelim);
    pos += afterMarker;
    start = pos;
    parenDepth = 0;
    // Inside the action.
    for (;;) {
      const delim = atRightDelim();
      if (delim) {
        const trimAfter = delim === 2;
        if (parenDepth !== 0) return fail("unclosed left paren");
        if (trimAfter) pos += 2;
        start = pos;
        pos += RIGHT.length;
        emit(T.RightDelim);
        if (trimAfter) skipLeadingSpace();
        start = pos;
        break;
      }
      const r = nextRune();
      if (r === "") return fail("unclosed action");
      if (isSpace(r)) {
        pos--;
        let n = 0;
        while (pos < input.length && isSpace(input[pos])) {
          pos++;
          n++;
        }
        if (hasRightTrim(input, pos - 1) && input.startsWith(RIGHT, pos + 1)) {
          pos--;
          if (n === 1) continue;
        }
        emit(T.Space);
        continue;
      }
      switch (r) {
        case "=":
          emit(T.Assign);
          continue;
        case ":":
          if (nextRune() !== "=") return fail("expected :=");
          emit(T.Declare);
          continue;
        case "|":
          emit(T.Pipe);
          continue;
        case '"': {
          for (;;) {
            const c = nextRune();
            if (c === "\\") {
              const d = nextRune();
              if (d !== "" && d !== "\n") continue;
              return fail("unterminated quoted string");
            }
            if (c === "" || c === "\n") return fail("unterminated quoted string");
            if (c === '"') break;
          }
          emit(T.String);
          continue;
        }
        case "`": {
          const close = input.indexOf("`", pos);
          if (close < 0) return fail("unterminated raw quoted string");
          pos = close + 1;
          emit(T.RawString);
          continue;
        }
        case "'": {
          for (;;) {
            const c = nextRune();
            if (c === "\\") {
              const d = nextRune();
              if (d !== "" && d !== "\n") continue;
              return fail("unterminated character constant");
            }
            if (c === "" || c === "\n") return fail("unterminated character constant");
            if (c === "'") break;
          }
          emit(T.CharConstant);
          continue;
        }
        case "$":
        case ".": {
          const c = input[pos] ?? "";
          if (r === "." && c >= "0" && c <= "9") break; // a number like .5
          if (atTerminator()) {
            emit(r === "$" ? T.Variable : T.Dot);
            continue;
          }
          scanWord();
          if (!atTerminator()) return fail(badChar());
          emit(r === "$" ? T.Variable : T.Field);
          continue;
        }
        case "(":
          parenDepth++;
          emit(T.LeftParen);
          continue;
        case ")":
          parenDepth--;
          if (parenDepth < 0) return fail("unexpected right paren");
          emit(T.RightParen);
          continue;
      }
      if (r === "." || r === "+" || r === "-" || (r >= "0" && r <= "9")) {
        pos -= 1;
        if (!scanNumber()) return fail(`bad number syntax: ${quote(input.slice(start, pos))}`);
        const sign = input[pos];
        if (sign === "+" || sign === "-") {
          if (!scanNumber() || input[pos - 1] !== "i") return fail(`bad number syntax: ${quote(input.slice(start, pos))}`);
          emit(T.Complex);
        } else emit(T.Number);
        continue;
      }
      if (isAlphaNumeric(r)) {
        scanWord();
        if (!atTerminator()) return fail(badChar());
        const word = input.slice(start, pos);
        const kw = keywords[word];
        if (kw !== undefined && kw > T.Keyword) {
          if ((kw === T.Break && !breakOK) || (kw === T.Continue && !continueOK)) emit(T.Identifier);
          else emit(kw);
        } else if (word === "true" || word === "false") emit(T.Bool);
        else emit(T.Identifier);
        continue;
      }
      const cp = r.codePointAt(0)!;
      if (cp < 0x7f && cp >= 0x20) {
        emit(T.Char);
        continue;
      }
      return fail(`unrecognized character in action: ${unicodeFmt(cp)}`);
    }
  }
}

/** Go's %#U: U+0023 '#'. */
function unicodeFmt(cp: number): string {
  const hex = "U+" + cp.toString(16).toUpperCase().padStart(4, "0");
  const ch = String.fromCodePoint(cp);
  return cp >= 0x20 && cp !== 0x7f ? `${hex} '${ch}'` : hex;
}
