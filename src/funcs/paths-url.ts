// Go's net/url as Sprig's urlParse and urlJoin use it: url.Parse into the
// parts Go keeps, and URL.String with its per-component escaping.

export class UrlError extends Error {
  override name = "UrlError";
}

type Mode = "path" | "host" | "userinfo" | "query" | "fragment";

function shouldEscape(c: number, mode: Mode): boolean {
  if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39)) return false;
  const ch = String.fromCharCode(c);
  if (mode === "host" && "!$&'()*+,;=:[]<>\"".includes(ch)) return false;
  if ("-_.~".includes(ch)) return false;
  if ("$&+,/:;=?@".includes(ch)) {
    if (mode === "path") return ch === "?";
    if (mode === "userinfo") return "@/?:".includes(ch);
    if (mode === "fragment") return false;
    return true;
  }
  if (mode === "fragment" && "!()*".includes(ch)) return false;
  return true;
}

function escapeUrl(s: string, mode: Mode): string {
  let out = "";
  for (const b of Buffer.from(s, "utf8")) {
    out += shouldEscape(b, mode) ? `%${b.toString(16).toUpperCase().padStart(2, "0")}` : String.fromCharCode(b);
  }
  return out;
}

const isHex = (c: string | undefined) => c !== undefined && /^[0-9a-fA-F]$/.test(c);

function unescapeUrl(s: string, mode: Mode): string {
  const bytes: number[] = [];
  for (let i = 0; i < s.length; ) {
    const c = s[i]!;
    if (c === "%") {
      if (!isHex(s[i + 1]) || !isHex(s[i + 2])) {
        const bad = s.slice(i, i + 3);
        throw new UrlError(`invalid URL escape ${JSON.stringify(bad)}`);
      }
      bytes.push(Number.parseInt(s.slice(i + 1, i + 3), 16));
      i += 3;
      continue;
    }
    if (mode === "host" && c.charCodeAt(0) < 0x80 && shouldEscape(c.charCodeAt(0), mode)) {
      throw new UrlError(`invalid character ${JSON.stringify(c)} in host name`);
    }
    bytes.push(...Buffer.from(c, "utf8"));
    i++;
  }
  return Buffer.from(bytes).toString("utf8");
}

export interface GoUrl {
  scheme: string;
  opaque: string;
  user?: { username: string; password?: string };
  host: string;
  path: string;
  rawQuery: string;
  fragment: string;
  forceQuery?: boolean;
  omitHost?: boolean;
}

function validPort(p: string): boolean {
  return /^:[0-9]*$/.test(p);
}

function parseHost(host: string): string {
  if (host.startsWith("[")) {
    const end = host.lastIndexOf("]");
    if (end < 0) throw new UrlError("missing ']' in host");
    const port = host.slice(end + 1);
    if (port !== "" && !validPort(port)) throw new UrlError(`invalid port ${JSON.stringify(port)} after host`);
    return unescapeUrl(host, "host");
  }
  const colon = host.lastIndexOf(":");
  if (colon >= 0 && !validPort(host.slice(colon))) {
    throw new UrlError(`invalid port ${JSON.stringify(host.slice(colon))} after host`);
  }
  return unescapeUrl(host, "host");
}

/** url.Parse. Throws UrlError with the text after Go's `parse "...": `. */
export function parseUrl(raw: string): GoUrl {
  const hash = raw.indexOf("#");
  const frag = hash >= 0 ? raw.slice(hash + 1) : "";
  let rest = hash >= 0 ? raw.slice(0, hash) : raw;
  const u: GoUrl = { scheme: "", opaque: "", host: "", path: "", rawQuery: "", fragment: "" };
  if (/[\x00-\x1f\x7f]/.test(rest)) throw new UrlError("net/url: invalid control character in URL");
  if (rest === "*") {
    u.path = "*";
    return u;
  }
  const m = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(rest);
  if (rest.startsWith(":")) throw new UrlError("missing protocol scheme");
  if (m) {
    u.scheme = m[1]!.toLowerCase();
    rest = rest.slice(m[0].length);
  }
  if (rest.endsWith("?") && rest.split("?").length === 2) {
    u.forceQuery = true;
    rest = rest.slice(0, -1);
  } else {
    const q = rest.indexOf("?");
    if (q >= 0) {
      u.rawQuery = rest.slice(q + 1);
      rest = rest.slice(0, q);
    }
  }
  if (!rest.startsWith("/")) {
    if (u.scheme !== "") {
      u.opaque = rest;
      u.fragment = unescapeUrl(frag, "fragment");
      return u;
    }
    if (rest.split("/")[0]!.includes(":")) throw new UrlError("first path segment in URL cannot contain colon");
  }
  if ((u.scheme !== "" || !rest.startsWith("///")) && rest.startsWith("//")) {
    let authority = rest.slice(2);
    rest = "";
    const slash = authority.indexOf("/");
    if (slash >= 0) {
      rest = authority.slice(slash);
      authority = authority.slice(0, slash);
    }
    const at = authority.lastIndexOf("@");
    u.host = parseHost(at >= 0 ? authority.slice(at + 1) : authority);
    if (at >= 0) {
      const info = authority.slice(0, at);
      if (!/^[A-Za-z0-9\-._:~!$&'()*+,;=%@]*$/.test(info)) throw new UrlError("net/url: invalid userinfo");
      const colon = info.indexOf(":");
      u.user =
        colon < 0
          ? { username: unescapeUrl(info, "userinfo") }
          : { username: unescapeUrl(info.slice(0, colon), "userinfo"), password: unescapeUrl(info.slice(colon + 1), "userinfo") };
    }
  } else if (u.scheme !== "" && rest.startsWith("/")) u.omitHost = true;
  u.path = unescapeUrl(rest, "path");
  u.fragment = unescapeUrl(frag, "fragment");
  return u;
}

/** Url.Hostname: the host without its port or IPv6 brackets. */
export function hostname(host: string): string {
  let h = host;
  const colon = h.lastIndexOf(":");
  if (colon >= 0 && validPort(h.slice(colon))) h = h.slice(0, colon);
  if (h.startsWith("[") && h.endsWith("]")) h = h.slice(1, -1);
  return h;
}

export function userinfoString(user: GoUrl["user"]): string {
  if (!user) return "";
  let s = escapeUrl(user.username, "userinfo");
  if (user.password !== undefined) s += ":" + escapeUrl(user.password, "userinfo");
  return s;
}

/** URL.String. */
export function formatUrl(u: GoUrl): string {
  let out = "";
  if (u.scheme) out += `${u.scheme}:`;
  if (u.opaque) out += u.opaque;
  else {
    if (u.scheme || u.host || u.user) {
      if (!(u.omitHost && !u.host && !u.user)) {
        if (u.host || u.path || u.user) out += "//";
        if (u.user) out += `${userinfoString(u.user)}@`;
        if (u.host) out += escapeUrl(u.host, "host");
      }
    }
    const path = u.path === "*" ? "*" : escapeUrl(u.path, "path");
    if (path !== "" && path[0] !== "/" && u.host !== "") out += "/";
    if (out === "" && path.split("/")[0]!.includes(":")) out += "./";
    out += path;
  }
  if (u.forceQuery || u.rawQuery) out += `?${u.rawQuery}`;
  if (u.fragment) out += `#${escapeUrl(u.fragment, "fragment")}`;
  return out;
}
