// .helmignore, with helm's own (not git's) semantics: Go filepath.Match
// globs, no "**", a trailing "/" matches directories only, a leading "/"
// anchors at the chart root, a pattern without "/" matches the base name.
// Negation is helm's quirk: "!pat" ignores every path that pat does NOT match.
import { ChartLoadError } from "./model.js";

export const HELM_IGNORE = ".helmignore";

interface Pattern {
  raw: string;
  negate: boolean;
  mustDir: boolean;
  match: (path: string) => boolean;
}

/** Thrown for a malformed glob, with Go's wording. */
export class BadPatternError extends ChartLoadError {
  constructor() {
    super("syntax error in pattern");
  }
}

/** Go's path/filepath.Match on "/"-separated names; throws BadPatternError like Go. */
export function goMatch(pattern: string, name: string): boolean {
  validatePattern(pattern);
  return matchAt(pattern, 0, name, 0);
}

/** One class character (getEsc): "-" and "]" must be escaped. */
function classChar(p: string, i: number): { ch: string; next: number } {
  let c = p[i];
  if (c === undefined || c === "-" || c === "]") throw new BadPatternError();
  if (c === "\\") {
    i++;
    c = p[i];
    if (c === undefined) throw new BadPatternError();
  }
  return { ch: c, next: i + 1 };
}

/** Parses "[...]" at p[pi]; returns whether ch is in it and where the class ends. */
function matchClass(p: string, pi: number, ch: string): { ok: boolean; next: number } {
  let i = pi + 1;
  let negated = false;
  if (p[i] === "^") {
    negated = true;
    i++;
  }
  let matched = false;
  let count = 0;
  for (;;) {
    if (p[i] === "]" && count > 0) {
      i++;
      break;
    }
    const lo = classChar(p, i);
    let hi = lo;
    i = lo.next;
    if (p[i] === "-") {
      hi = classChar(p, i + 1);
      i = hi.next;
    }
    if (lo.ch <= ch && ch <= hi.ch) matched = true;
    count++;
  }
  return { ok: matched !== negated, next: i };
}

/** Go reports a malformed pattern whether or not the name matched. */
function validatePattern(p: string): void {
  for (let i = 0; i < p.length; i++) {
    if (p[i] === "\\") {
      if (i + 1 >= p.length) throw new BadPatternError();
      i++;
    } else if (p[i] === "[") {
      i = matchClass(p, i, "\u0000").next - 1;
    }
  }
}

function matchAt(p: string, pi: number, s: string, si: number): boolean {
  while (pi < p.length) {
    const c = p[pi];
    if (c === "*") {
      while (p[pi] === "*") pi++;
      for (let k = si; k <= s.length; k++) {
        if (k > si && s[k - 1] === "/") break;
        if (matchAt(p, pi, s, k)) return true;
      }
      return false;
    }
    if (si >= s.length) return false;
    const ch = s[si] as string;
    if (c === "?") {
      if (ch === "/") return false;
      pi++;
    } else if (c === "[") {
      const r = matchClass(p, pi, ch);
      if (!r.ok || ch === "/") return false;
      pi = r.next;
    } else if (c === "\\") {
      if (p[pi + 1] !== ch) return false;
      pi += 2;
    } else {
      if (c !== ch) return false;
      pi++;
    }
    si++;
  }
  return si === s.length;
}

export class IgnoreRules {
  private patterns: Pattern[] = [];

  /** Parse .helmignore text (one rule per line, "#" comments). */
  static parse(text: string): IgnoreRules {
    const r = new IgnoreRules();
    const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    for (const line of src.split(/\r?\n/)) r.addRule(line);
    return r;
  }

  /** helm always ignores dotfiles directly in templates/. */
  addDefaults(): void {
    this.addRule("templates/.?*");
  }

  addRule(line: string): void {
    let rule = line.trim();
    if (rule === "" || rule.startsWith("#")) return;
    if (rule.includes("**")) throw new ChartLoadError("double-star (**) syntax is not supported");
    goMatch(rule, "abc");
    const raw = rule;
    let negate = false;
    let mustDir = false;
    if (rule.startsWith("!")) {
      negate = true;
      rule = rule.slice(1);
    }
    if (rule.endsWith("/")) {
      mustDir = true;
      rule = rule.slice(0, -1);
    }
    let match: (path: string) => boolean;
    if (rule.startsWith("/")) {
      const anchored = rule.slice(1);
      match = (n) => safeMatch(anchored, n);
    } else if (rule.includes("/")) {
      const r = rule;
      match = (n) => safeMatch(r, n);
    } else {
      const r = rule;
      match = (n) => safeMatch(r, n.slice(n.lastIndexOf("/") + 1));
    }
    this.patterns.push({ raw, negate, mustDir, match });
  }

  /** Is this chart-relative path ignored? */
  ignores(path: string, isDir: boolean): boolean {
    if (path === "" || path === "." || path === "./") return false;
    for (const p of this.patterns) {
      if (p.negate) {
        if (p.mustDir && !isDir) return true;
        if (!p.match(path)) return true;
        continue;
      }
      if (p.mustDir && !isDir) continue;
      if (p.match(path)) return true;
    }
    return false;
  }
}

function safeMatch(pattern: string, name: string): boolean {
  try {
    return goMatch(pattern, name);
  } catch {
    return false;
  }
}
