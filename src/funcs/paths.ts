// Sprig's path functions (Go's path package; the os* variants use
// path/filepath, which is the same on the Unix systems helm runs on) and
// urlParse/urlJoin.
import { kindOf } from "../template/reflect.js";
import { type FuncDef, type FuncMap, type GoMap, newMap, type Value } from "../template/value.js";
import { formatUrl, type GoUrl, hostname, parseUrl, UrlError, userinfoString } from "./paths-url.js";

const S = "string";
const def = (params: string[], fn: FuncDef["fn"]): FuncDef => ({ params, fn });

/** path.Clean: the shortest equivalent path, by purely lexical processing. */
export function cleanPath(p: string): string {
  if (p === "") return ".";
  const rooted = p[0] === "/";
  const out: string[] = [];
  for (const part of p.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") {
      if (out.length > 0 && out[out.length - 1] !== "..") out.pop();
      else if (!rooted) out.push("..");
      continue;
    }
    out.push(part);
  }
  const joined = out.join("/");
  if (rooted) return "/" + joined;
  return joined === "" ? "." : joined;
}

export function basePath(p: string): string {
  if (p === "") return ".";
  p = p.replace(/\/+$/, "");
  if (p === "") return "/";
  return p.slice(p.lastIndexOf("/") + 1);
}

export function dirPath(p: string): string {
  return cleanPath(p.slice(0, p.lastIndexOf("/") + 1));
}

export function extPath(p: string): string {
  for (let i = p.length - 1; i >= 0 && p[i] !== "/"; i--) if (p[i] === ".") return p.slice(i);
  return "";
}

const isAbs = (p: string) => p.startsWith("/");

function urlParse(raw: string): Value {
  let u: GoUrl;
  try {
    u = parseUrl(raw);
  } catch (err) {
    // Sprig panics here; the engine reports the recovered message.
    if (err instanceof UrlError) throw new Error(`unable to parse url: parse ${JSON.stringify(raw)}: ${err.message}`);
    throw err;
  }
  const m = newMap();
  m.scheme = u.scheme;
  m.host = u.host;
  m.hostname = hostname(u.host);
  m.path = u.path;
  m.query = u.rawQuery;
  m.opaque = u.opaque;
  m.fragment = u.fragment;
  m.userinfo = userinfoString(u.user);
  return m;
}

/** Sprig's dictGetOrEmpty: a missing key is "", a non-string value panics. */
function field(d: GoMap, key: string): string {
  if (!(key in d)) return "";
  const v = d[key];
  if (typeof v !== "string") {
    const kind = v === null || v === undefined ? "invalid" : kindOf(v);
    if (v === null || v === undefined) throw new Error("runtime error: invalid memory address or nil pointer dereference");
    throw new Error(`unable to parse ${key} key, must be of type string, but ${kind} found`);
  }
  return v;
}

function urlJoin(d: GoMap): string {
  const u: GoUrl = {
    scheme: field(d, "scheme"),
    host: field(d, "host"),
    path: field(d, "path"),
    rawQuery: field(d, "query"),
    opaque: field(d, "opaque"),
    fragment: field(d, "fragment"),
  };
  const info = field(d, "userinfo");
  if (info !== "") {
    try {
      u.user = parseUrl(`proto://${info}@host`).user;
    } catch (err) {
      if (err instanceof UrlError) throw new Error(`unable to parse userinfo in dict: parse ${JSON.stringify(`proto://${info}@host`)}: ${err.message}`);
      throw err;
    }
  }
  return formatUrl(u);
}

export const pathsFuncs: FuncMap = {
  base: def([S], basePath),
  dir: def([S], dirPath),
  clean: def([S], cleanPath),
  ext: def([S], extPath),
  isAbs: def([S], isAbs),
  osBase: def([S], basePath),
  osDir: def([S], dirPath),
  osClean: def([S], cleanPath),
  osExt: def([S], extPath),
  osIsAbs: def([S], isAbs),
  urlParse: def([S], urlParse),
  urlJoin: def(["map[string]interface {}"], urlJoin),
};
