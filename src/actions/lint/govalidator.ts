// The three asaskevich/govalidator checks helm lint applies to Chart.yaml:
// IsEmail and IsURL (its RE2 patterns, run by Go's regexp semantics) and
// IsRequestURL (url.ParseRequestURI with a scheme).
import { parseUrl } from "../../funcs/paths-url.js";
import { Regexp } from "../../funcs/regex-go.js";

const uc = "\\x{00A0}-\\x{D7FF}\\x{F900}-\\x{FDCF}\\x{FDF0}-\\x{FFEF}";
const emailPattern =
  `^(((([a-zA-Z]|\\d|[!#\\$%&'\\*\\+\\-\\/=\\?\\^_\`{\\|}~]|[${uc}])+(\\.([a-zA-Z]|\\d|[!#\\$%&'\\*\\+\\-\\/=\\?\\^_\`{\\|}~]|[${uc}])+)*)|` +
  `((\\x22)((((\\x20|\\x09)*(\\x0d\\x0a))?(\\x20|\\x09)+)?(([\\x01-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f]|\\x21|[\\x23-\\x5b]|[\\x5d-\\x7e]|[${uc}])|` +
  `(\\([\\x01-\\x09\\x0b\\x0c\\x0d-\\x7f]|[${uc}]))))*(((\\x20|\\x09)*(\\x0d\\x0a))?(\\x20|\\x09)+)?(\\x22)))@` +
  `((([a-zA-Z]|\\d|[${uc}])|(([a-zA-Z]|\\d|[${uc}])([a-zA-Z]|\\d|-|\\.|_|~|[${uc}])*([a-zA-Z]|\\d|[${uc}])))\\.)+` +
  `(([a-zA-Z]|[${uc}])|(([a-zA-Z]|[${uc}])([a-zA-Z]|\\d|-|_|~|[${uc}])*([a-zA-Z]|[${uc}])))\\.?$`;

const ipPattern =
  "(([0-9a-fA-F]{1,4}:){7,7}[0-9a-fA-F]{1,4}|([0-9a-fA-F]{1,4}:){1,7}:|([0-9a-fA-F]{1,4}:){1,6}:[0-9a-fA-F]{1,4}|([0-9a-fA-F]{1,4}:){1,5}(:[0-9a-fA-F]{1,4}){1,2}|" +
  "([0-9a-fA-F]{1,4}:){1,4}(:[0-9a-fA-F]{1,4}){1,3}|([0-9a-fA-F]{1,4}:){1,3}(:[0-9a-fA-F]{1,4}){1,4}|([0-9a-fA-F]{1,4}:){1,2}(:[0-9a-fA-F]{1,4}){1,5}|" +
  "[0-9a-fA-F]{1,4}:((:[0-9a-fA-F]{1,4}){1,6})|:((:[0-9a-fA-F]{1,4}){1,7}|:)|fe80:(:[0-9a-fA-F]{0,4}){0,4}%[0-9a-zA-Z]{1,}|" +
  "::(ffff(:0{1,4}){0,1}:){0,1}((25[0-5]|(2[0-4]|1{0,1}[0-9]){0,1}[0-9])\\.){3,3}(25[0-5]|(2[0-4]|1{0,1}[0-9]){0,1}[0-9])|" +
  "([0-9a-fA-F]{1,4}:){1,4}:((25[0-5]|(2[0-4]|1{0,1}[0-9]){0,1}[0-9])\\.){3,3}(25[0-5]|(2[0-4]|1{0,1}[0-9]){0,1}[0-9]))";
const urlSchema = "((ftp|tcp|udp|wss?|https?):\\/\\/)";
const urlUsername = "(\\S+(:\\S*)?@)";
const urlPath = "((\\/|\\?|#)[^\\s]*)";
const urlPort = "(:(\\d{1,5}))";
const urlIp = "([1-9]\\d?|1\\d\\d|2[01]\\d|22[0-3]|24\\d|25[0-5])(\\.(\\d{1,2}|1\\d\\d|2[0-4]\\d|25[0-5])){2}(?:\\.([0-9]\\d?|1\\d\\d|2[0-4]\\d|25[0-5]))";
const urlSubdomain = "((www\\.)|([a-zA-Z0-9]+([-_\\.]?[a-zA-Z0-9])*[a-zA-Z0-9]\\.[a-zA-Z0-9]+))";
const urlPattern =
  `^${urlSchema}?${urlUsername}?((${urlIp}|(\\[${ipPattern}\\])|(([a-zA-Z0-9]([a-zA-Z0-9-_]+)?[a-zA-Z0-9]([-\\.][a-zA-Z0-9]+)*)|(${urlSubdomain}?))?` +
  `(([a-zA-Z\\x{00a1}-\\x{ffff}0-9]+-?-?)*[a-zA-Z\\x{00a1}-\\x{ffff}0-9]+)(?:\\.([a-zA-Z\\x{00a1}-\\x{ffff}]{1,}))?))\\.?${urlPort}?${urlPath}?$`;

export function isEmail(s: string): boolean {
  return Regexp.compile(emailPattern).matchString(s);
}

export function isURL(s: string): boolean {
  if (s === "" || [...s].length >= 2083 || Buffer.byteLength(s) <= 3 || s.startsWith(".")) return false;
  // A colon without "://" is read as a port: parse it as if http:// came first.
  const parsed = s.includes(":") && !s.includes("://") ? `http://${s}` : s;
  let u: ReturnType<typeof parseUrl>;
  try {
    u = parseUrl(parsed);
  } catch {
    return false;
  }
  if (u.host.startsWith(".")) return false;
  if (u.host === "" && u.path !== "" && !u.path.includes(".")) return false;
  return Regexp.compile(urlPattern).matchString(s);
}

/** url.ParseRequestURI succeeds and finds a scheme. */
export function isRequestURL(raw: string): boolean {
  if (raw === "" || /[\x00-\x1f\x7f]/.test(raw)) return false;
  const m = /^[A-Za-z][A-Za-z0-9+.-]*:/.exec(raw);
  if (!m) return false;
  let rest = raw.slice(m[0].length);
  const q = rest.indexOf("?");
  if (q >= 0) rest = rest.slice(0, q);
  // Rootless paths are opaque and accepted as they are.
  if (!rest.startsWith("/")) return true;
  // A request URI keeps '#' in place, where no host or user info may hold it.
  if (rest.startsWith("//") && rest.slice(2).split("/")[0]!.includes("#")) return false;
  try {
    parseUrl(raw);
    return true;
  } catch {
    return false;
  }
}
