// Go's regexp package behaviour on top of re2js (same RE2 syntax and error
// texts): FindAll/Split/ReplaceAll as Go defines them, and Go's own `$name`
// template expansion, which differs from JavaScript's ("$1x" names group "1x").
import { RE2JS, RE2JSSyntaxException } from "re2js";

const cache = new Map<string, Regexp | Error>();

export class Regexp {
  private readonly names: (string | undefined)[];
  private constructor(
    private readonly re: RE2JS,
    aliases: Map<string, string>,
    readonly expr: string,
  ) {
    this.names = [];
    const named = re.namedGroups();
    for (const name of Object.keys(named)) this.names[named[name]] = aliases.get(name) ?? name;
  }

  /** regexp.Compile; the error text is Go's ("error parsing regexp: ..."). */
  static compile(expr: string): Regexp {
    let r = cache.get(expr);
    if (!r) {
      try {
        r = new Regexp(...compileGo(expr), expr);
      } catch (e) {
        if (!(e instanceof RE2JSSyntaxException)) throw e;
        // Go quotes the empty rest of the pattern here; re2js leaves it out.
        const msg = e.message.endsWith("trailing backslash at end of expression") ? e.message + ": ``" : e.message;
        r = new Error(msg);
      }
      if (cache.size > 500) cache.clear();
      cache.set(expr, r);
    }
    if (r instanceof Error) throw r;
    return r;
  }

  matchString(s: string): boolean {
    return this.re.re2().findIndex(s) !== null;
  }

  findString(s: string): string {
    const m: number[] | null = this.re.re2().findIndex(s);
    return m ? s.slice(m[0], m[1]) : "";
  }

  /** Match positions (UTF-16 offsets) with Go's rules for empty matches. */
  findAllIndex(s: string, n: number): number[][] {
    if (n === 0) return [];
    return this.re.re2().findAllSubmatchIndex(s, n) ?? [];
  }

  findAllString(s: string, n: number): string[] {
    return this.findAllIndex(s, n).map((m) => s.slice(m[0], m[1]));
  }

  split(s: string, n: number): string[] {
    if (n === 0) return [];
    if (this.expr.length > 0 && s.length === 0) return [""];
    const out: string[] = [];
    let beg = 0;
    let end = 0;
    for (const m of this.findAllIndex(s, n)) {
      if (n > 0 && out.length === n - 1) break;
      end = m[0];
      if (m[1] !== 0) out.push(s.slice(beg, end));
      beg = m[1];
    }
    if (end !== s.length) out.push(s.slice(beg));
    return out;
  }

  replaceAll(s: string, repl: string, literal: boolean): string {
    let out = "";
    let last = 0;
    for (const m of this.findAllIndex(s, -1)) {
      out += s.slice(last, m[0]);
      out += literal ? repl : this.expand(repl, s, m);
      last = m[1];
    }
    return out + s.slice(last);
  }

  /** Regexp.Expand: $n, ${n}, $name, ${name}; $$ is a dollar; a malformed $ stays. */
  private expand(template: string, src: string, m: number[]): string {
    let out = "";
    let t = template;
    for (;;) {
      const i = t.indexOf("$");
      if (i < 0) break;
      out += t.slice(0, i);
      t = t.slice(i + 1);
      if (t.startsWith("$")) {
        out += "$";
        t = t.slice(1);
        continue;
      }
      const ref = extractRef(t);
      if (!ref) {
        out += "$";
        continue;
      }
      t = ref.rest;
      if (ref.num >= 0) {
        if (2 * ref.num + 1 < m.length && m[2 * ref.num] >= 0) out += src.slice(m[2 * ref.num], m[2 * ref.num + 1]);
      } else {
        for (let g = 0; g < this.names.length; g++) {
          if (this.names[g] === ref.name && 2 * g + 1 < m.length && m[2 * g] >= 0) {
            out += src.slice(m[2 * g], m[2 * g + 1]);
            break;
          }
        }
      }
    }
    return out + t;
  }
}

/** Go (1.23) accepts a capture name used twice; re2js does not, so later uses get stand-in names. */
function compileGo(expr: string): [RE2JS, Map<string, string>] {
  const aliases = new Map<string, string>();
  try {
    return [RE2JS.compile(expr), aliases];
  } catch (e) {
    if (!(e instanceof RE2JSSyntaxException) || !e.message.includes("duplicate capture group name")) throw e;
  }
  const seen = new Set<string>();
  let out = "";
  let inClass = false;
  for (let i = 0; i < expr.length; i++) {
    const c = expr[i];
    if (c === "\\") {
      out += expr.slice(i, i + 2);
      i++;
      continue;
    }
    if (inClass) {
      if (c === "]") inClass = false;
      out += c;
      continue;
    }
    if (c === "[") {
      inClass = true;
      out += c;
      if (expr[i + 1] === "^") out += expr[++i];
      if (expr[i + 1] === "]") out += expr[++i];
      continue;
    }
    const m = /^\(\?P?<([A-Za-z0-9_]+)>/.exec(expr.slice(i));
    if (m) {
      let name = m[1];
      if (seen.has(name)) {
        const alias = `${name}_dup${aliases.size}_`;
        aliases.set(alias, name);
        name = alias;
      }
      seen.add(m[1]);
      out += m[0].replace(/<[^>]*>$/, `<${name}>`);
      i += m[0].length - 1;
      continue;
    }
    out += c;
  }
  return [RE2JS.compile(out), aliases];
}

const nameRune = /[\p{L}\p{Nd}_]/u;

function extractRef(s: string): { name: string; num: number; rest: string } | undefined {
  if (s === "") return undefined;
  const brace = s[0] === "{";
  if (brace) s = s.slice(1);
  let name = "";
  for (const c of s) {
    if (!nameRune.test(c)) break;
    name += c;
  }
  if (name === "") return undefined;
  let rest = s.slice(name.length);
  if (brace) {
    if (!rest.startsWith("}")) return undefined;
    rest = rest.slice(1);
  }
  let num = -1;
  if (/^[0-9]+$/.test(name) && !(name.length > 1 && name[0] === "0")) {
    // Go stops reading a group number once it reaches 1e8.
    num = 0;
    for (const d of name) {
      if (num >= 1e8) {
        num = -1;
        break;
      }
      num = num * 10 + Number(d);
    }
  }
  return { name, num, rest };
}

const special = /[\\.+*?()|[\]{}^$]/g;

/** regexp.QuoteMeta. */
export function quoteMeta(s: string): string {
  return s.replace(special, "\\$&");
}
