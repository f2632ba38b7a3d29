// .Files: helm's engine.files, a map[string][]byte of the chart's non-template
// files with helper methods. It stays a real map so `range .Files.Glob` works.
import { toYaml } from "../yaml/emit.js";
import { goStringFromBytes } from "../template/gostring.js";
import { type GoMap, newMap, setElemType, setMapValueType, type Value, withMethods } from "../template/value.js";

export interface NamedFile {
  name: string;
  data: Uint8Array;
}

export function makeFiles(from: Iterable<NamedFile> | GoMap): GoMap {
  const m = newMap();
  if (Symbol.iterator in Object(from)) {
    for (const f of from as Iterable<NamedFile>) m[f.name] = f.data;
  } else {
    Object.assign(m, from);
  }
  setMapValueType(m, "[]uint8");
  return withMethods(m, "engine.files", {
    GetBytes: { params: ["string"], fn: (name: string) => getBytes(m, name) },
    Get: { params: ["string"], fn: (name: string) => goStringFromBytes(getBytes(m, name)) },
    Glob: { params: ["string"], fn: (pattern: string) => glob(m, pattern) },
    AsConfig: { params: [], fn: () => asYaml(m, goStringFromBytes) },
    AsSecrets: { params: [], fn: () => asYaml(m, (b) => Buffer.from(b).toString("base64")) },
    Lines: { params: ["string"], fn: (path: string) => lines(m, path) },
  });
}

function getBytes(m: GoMap, name: string): Uint8Array {
  const v = Object.hasOwn(m, name) ? m[name] : undefined;
  return v instanceof Uint8Array ? v : new Uint8Array();
}

function glob(m: GoMap, pattern: string): GoMap {
  const re = globToRegExp(pattern);
  const out = newMap();
  for (const name of Object.keys(m)) if (re.test(name)) out[name] = m[name];
  return makeFiles(out);
}

function baseName(p: string): string {
  const trimmed = p.replace(/\/+$/, "");
  const i = trimmed.lastIndexOf("/");
  return i < 0 ? trimmed || "." : trimmed.slice(i + 1);
}

function asYaml(m: GoMap, conv: (b: Uint8Array) => string): string {
  // helm returns "" only for a nil map, which .Files never is: an empty one prints "{}".
  const out = newMap();
  for (const k of Object.keys(m)) out[baseName(k)] = conv(m[k] as Uint8Array);
  return toYaml(out).replace(/\n$/, "");
}

function lines(m: GoMap, path: string): Value[] {
  const data = Object.hasOwn(m, path) ? m[path] : undefined;
  if (!(data instanceof Uint8Array)) return setElemType([], "string");
  let s = goStringFromBytes(data);
  if (s.endsWith("\n")) s = s.slice(0, -1);
  return setElemType(s.split("\n"), "string");
}

const globCache = new Map<string, RegExp>();

/**
 * gobwas/glob with '/' as separator, as helm compiles it: `*` and `?` stay
 * within a path segment, `**` crosses segments, `[...]`/`[!...]` classes and
 * `{a,b}` alternatives. An invalid pattern matches everything (helm falls
 * back to "**").
 */
export function globToRegExp(pattern: string): RegExp {
  const hit = globCache.get(pattern);
  if (hit) return hit;
  let re: RegExp;
  try {
    re = new RegExp(`^${translate(pattern)}$`, "s");
  } catch {
    re = /^[\s\S]*$/;
  }
  globCache.set(pattern, re);
  return re;
}

function translate(p: string): string {
  let out = "";
  let depth = 0;
  for (let i = 0; i < p.length; i++) {
    const c = p[i]!;
    if (c === "*") {
      if (p[i + 1] === "*") {
        out += ".*";
        i++;
      } else out += "[^/]*";
    } else if (c === "?") out += "[^/]";
    else if (c === "[") {
      const end = p.indexOf("]", i + 2);
      if (end < 0) throw new Error("unclosed class");
      let body = p.slice(i + 1, end);
      const neg = body.startsWith("!");
      if (neg) body = body.slice(1);
      out += `[${neg ? "^" : ""}${body.replace(/\\/g, "\\\\")}]`;
      i = end;
    } else if (c === "{") {
      out += "(?:";
      depth++;
    } else if (c === "}" && depth > 0) {
      out += ")";
      depth--;
    } else if (c === "," && depth > 0) out += "|";
    else if (c === "\\" && i + 1 < p.length) {
      out += escapeRe(p[i + 1]!);
      i++;
    } else out += escapeRe(c);
  }
  if (depth !== 0) throw new Error("unclosed alternative");
  return out;
}

function escapeRe(c: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(c) ? `\\${c}` : c;
}
