// Sprig's regex functions with Go RE2 semantics. The plain variants call
// regexp.MustCompile and so panic on a bad pattern (except regexMatch, which
// returns false); the must* variants return Go's compile error.
import { canBackquote, quoteGo } from "../template/strconv.js";
import { type FuncDef, type FuncMap, setElemType } from "../template/value.js";
import { quoteMeta, Regexp } from "./regex-go.js";
import { goError, goPanic, intArg } from "./types-go.js";

const S = "string";
const I = "int";

/** regexp.MustCompile: panics with the pattern quoted as Go's regexp does. */
function mustCompile(expr: string): Regexp {
  try {
    return Regexp.compile(expr);
  } catch (e) {
    const q = canBackquote(expr) ? "`" + expr + "`" : quoteGo(expr);
    goPanic(`regexp: Compile(${q}): ${(e as Error).message}`);
  }
}

/** regexp.Compile for the must* variants: the error is returned to the template. */
function compile(expr: string): Regexp {
  try {
    return Regexp.compile(expr);
  } catch (e) {
    goError((e as Error).message);
  }
}

const strs = (a: string[]) => setElemType(a, "string");

/** A plain/must pair over the same operation. */
function pair(params: string[], op: (re: Regexp, ...rest: any[]) => unknown): [FuncDef, FuncDef] {
  return [
    { params, fn: (expr: string, ...rest: any[]) => op(mustCompile(expr), ...rest) as any },
    { params, fn: (expr: string, ...rest: any[]) => op(compile(expr), ...rest) as any },
  ];
}

const [regexFindAll, mustRegexFindAll] = pair([S, S, I], (re, s: string, n) =>
  strs(re.findAllString(s, intArg(n))),
);
const [regexFind, mustRegexFind] = pair([S, S], (re, s: string) => re.findString(s));
const [regexReplaceAll, mustRegexReplaceAll] = pair([S, S, S], (re, s: string, repl: string) =>
  re.replaceAll(s, repl, false),
);
const [regexReplaceAllLiteral, mustRegexReplaceAllLiteral] = pair([S, S, S], (re, s: string, repl: string) =>
  re.replaceAll(s, repl, true),
);
const [regexSplit, mustRegexSplit] = pair([S, S, I], (re, s: string, n) => strs(re.split(s, intArg(n))));

export const regexFuncs: FuncMap = {
  regexMatch: {
    params: [S, S],
    fn: (expr: string, s: string) => {
      try {
        return Regexp.compile(expr).matchString(s);
      } catch {
        return false;
      }
    },
  },
  mustRegexMatch: { params: [S, S], fn: (expr: string, s: string) => compile(expr).matchString(s) },
  regexFindAll,
  mustRegexFindAll,
  regexFind,
  mustRegexFind,
  regexReplaceAll,
  mustRegexReplaceAll,
  regexReplaceAllLiteral,
  mustRegexReplaceAllLiteral,
  regexSplit,
  mustRegexSplit,
  regexQuoteMeta: { params: [S], fn: quoteMeta },
};
