// Sprig's string functions (strings.go and the string entries of functions.go).
// Argument order follows Sprig, which puts the subject last for pipelines.
import { formatAny } from "../template/fmt.js";
import { compareGoStrings, kindOf } from "../template/reflect.js";
import { quoteGo } from "../template/strconv.js";
import { type FuncDef, type FuncMap, newMap, setElemType, setMapValueType, type Value } from "../template/value.js";
import { kebabCase, pascalCase, shuffle, snakeCase } from "./strings-case.js";
import { strslice, strval } from "./strings-strval.js";
import {
  abbreviateFull,
  deleteWhiteSpace,
  initials,
  lower,
  repeat,
  sliceBytes,
  swapCase,
  title,
  untitle,
  upper,
  wrapCustom,
} from "./strings-text.js";
import { byteLen, replaceAll, splitGo, trimCutset, trimSpace } from "./strings-unicode.js";
import { intArg, isListKind } from "./types-go.js";

const S = "string";
const I = "int";
const ANY = "interface {}";

const def = (params: string[], fn: FuncDef["fn"], variadic?: string): FuncDef =>
  variadic ? { params, variadic, fn } : { params, fn };

/** String -> string functions. */
const str1 = (fn: (s: string) => string) => def([S], fn);

function trunc(c: number, s: string): string {
  const len = byteLen(s);
  if (c < 0 && len + c > 0) return sliceBytes(s, len + c);
  if (c >= 0 && len > c) return sliceBytes(s, 0, c);
  return s;
}

function substr(start: number, end: number, s: string): string {
  if (start < 0) return sliceBytes(s, 0, end);
  if (end < 0 || end > byteLen(s)) return sliceBytes(s, start);
  return sliceBytes(s, start, end);
}

function indent(spaces: number, s: string): string {
  const pad = repeat(" ", spaces);
  return pad + s.split("\n").join("\n" + pad);
}

/** split/splitn: a map[string]string with keys _0, _1, ... */
function partsMap(parts: string[]): Value {
  const m = newMap();
  parts.forEach((p, i) => {
    m["_" + i] = p;
  });
  return setMapValueType(m, "string");
}

const notNil = (v: Value) => v !== null && v !== undefined;

function sortAlpha(v: Value): string[] {
  if (!notNil(v) || !isListKind(kindOf(v))) return setElemType([strval(v)], "string");
  // A []string argument is sorted in place, as sort.Strings does in Go.
  return strslice(v).sort(compareGoStrings);
}

export const stringsFuncs: FuncMap = {
  hello: def([], () => "Hello!"),
  abbrev: def([I, S], (w, s: string) => (intArg(w) < 4 ? s : abbreviateFull(s, 0, intArg(w)))),
  abbrevboth: def([I, I, S], (l, r, s: string) => {
    const left = intArg(l);
    const right = intArg(r);
    return right < 4 || (left > 0 && right < 7) ? s : abbreviateFull(s, left, right);
  }),
  trunc: def([I, S], (c, s: string) => trunc(intArg(c), s)),
  trim: str1(trimSpace),
  upper: str1(upper),
  lower: str1(lower),
  title: str1(title),
  untitle: str1(untitle),
  substr: def([I, I, S], (a, b, s: string) => substr(intArg(a), intArg(b), s)),
  repeat: def([I, S], (n, s: string) => repeat(s, intArg(n))),
  trimall: def([S, S], (cut: string, s: string) => trimCutset(s, cut)),
  trimAll: def([S, S], (cut: string, s: string) => trimCutset(s, cut)),
  trimSuffix: def([S, S], (suf: string, s: string) => (suf !== "" && s.endsWith(suf) ? s.slice(0, -suf.length) : s)),
  trimPrefix: def([S, S], (pre: string, s: string) => (s.startsWith(pre) ? s.slice(pre.length) : s)),
  nospace: str1(deleteWhiteSpace),
  initials: str1(initials),
  swapcase: str1(swapCase),
  shuffle: str1(shuffle),
  snakecase: str1(snakeCase),
  camelcase: str1(pascalCase),
  kebabcase: str1(kebabCase),
  wrap: def([I, S], (n, s: string) => wrapCustom(s, intArg(n), "", false)),
  wrapWith: def([I, S, S], (n, sep: string, s: string) => wrapCustom(s, intArg(n), sep, true)),
  contains: def([S, S], (sub: string, s: string) => s.includes(sub)),
  hasPrefix: def([S, S], (pre: string, s: string) => s.startsWith(pre)),
  hasSuffix: def([S, S], (suf: string, s: string) => s.endsWith(suf)),
  quote: def([], (...xs: Value[]) => xs.filter(notNil).map((x) => quoteGo(strval(x))).join(" "), ANY),
  squote: def([], (...xs: Value[]) => xs.filter(notNil).map((x) => `'${formatAny(x)}'`).join(" "), ANY),
  cat: def([], (...xs: Value[]) => xs.filter(notNil).map(formatAny).join(" "), ANY),
  indent: def([I, S], (n, s: string) => indent(intArg(n), s)),
  nindent: def([I, S], (n, s: string) => "\n" + indent(intArg(n), s)),
  replace: def([S, S, S], (old: string, repl: string, s: string) => replaceAll(s, old, repl)),
  plural: def([S, S, I], (one: string, many: string, n) => (intArg(n) === 1 ? one : many)),
  toString: def([ANY], strval),
  toStrings: def([ANY], strslice),
  join: def([S, ANY], (sep: string, v: Value) => strslice(v).join(sep)),
  split: def([S, S], (sep: string, s: string) => partsMap(splitGo(s, sep))),
  splitList: def([S, S], (sep: string, s: string) => setElemType(splitGo(s, sep), "string")),
  splitn: def([S, I, S], (sep: string, n, s: string) => partsMap(splitGo(s, sep, intArg(n)))),
  sortAlpha: def([ANY], sortAlpha),
};
