// The "format" checkers gojsonschema registers by default. Only strings are
// checked; any other value, and any unknown format, passes.
import { isIP } from "node:net";

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/i;
const EMAIL = /^[^@\s]+@[^@\s]+$/;
const HOSTNAME = /^(?=.{1,255}$)[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(\.[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*\.?$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const JSON_POINTER = /^(\/([^~/]|~[01])*)*$/;
const REL_JSON_POINTER = /^\d+(#|(\/([^~/]|~[01])*)*)$/;

function validDate(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d;
}

function validUri(s: string, absolute: boolean): boolean {
  try {
    if (absolute) {
      const u = new URL(s);
      return u.protocol !== "";
    }
    new URL(s, "http://base.invalid/");
    return true;
  } catch {
    return false;
  }
}

export function checkFormat(format: string, value: unknown): boolean {
  if (typeof value !== "string") return true;
  switch (format) {
    case "date":
      return validDate(value);
    case "time":
      return TIME.test(value);
    case "date-time": {
      const t = value.search(/[Tt]/);
      return t > 0 && validDate(value.slice(0, t)) && TIME.test(value.slice(t + 1));
    }
    case "email":
    case "idn-email":
      return EMAIL.test(value);
    case "hostname":
    case "idn-hostname":
      return HOSTNAME.test(value);
    case "ipv4":
      return isIP(value) === 4;
    case "ipv6":
      return isIP(value) === 6;
    case "uri":
    case "iri":
      return validUri(value, true);
    case "uri-reference":
    case "iri-reference":
    case "uri-template":
      return validUri(value, false);
    case "uuid":
      return UUID.test(value);
    case "regex":
      try {
        new RegExp(value, "u");
        return true;
      } catch {
        return false;
      }
    case "json-pointer":
      return JSON_POINTER.test(value);
    case "relative-json-pointer":
      return REL_JSON_POINTER.test(value);
    default:
      return true;
  }
}
