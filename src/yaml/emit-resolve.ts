// How go-yaml v2 (the YAML half of sigs.k8s.io/yaml) would read a plain
// scalar back. A string is written unquoted only when it would come back as
// the same string, so this decides quoting; it also re-types JSON numbers.
import { goFloatG } from "./emit-json.js";

const YAML11_WORDS = new Set([
  "y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON",
  "n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF",
  "", "~", "null", "Null", "NULL",
  ".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF",
]);

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

const SMALL_INT = /^-?[0-9]{1,15}$/;
const DEC_INT = /^[+-]?[0-9]+$/;
const PREFIXED_INT = /^([+-]?)0([xXoObB])([0-9a-fA-F]+)$/;
const OCTAL_INT = /^([+-]?)0([0-7]+)$/;
const YAML_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const BASE60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;
// strconv.ParseFloat on text that starts with ".": only ".5" or ".5e3" forms.
const DOT_FLOAT = /^\.[0-9]+(?:[eE][+-]?[0-9]+)?$/;

/** strconv.ParseInt(s, 0, 64) then ParseUint(s, 0, 64): the value, or undefined. */
export function parseGoInt(s: string): bigint | undefined {
  let sign = "";
  let digits: string;
  let radix = 10;
  const p = PREFIXED_INT.exec(s);
  const o = p ? null : OCTAL_INT.exec(s);
  if (p) {
    sign = p[1]!;
    const r = p[2]!.toLowerCase();
    radix = r === "x" ? 16 : r === "o" ? 8 : 2;
    digits = p[3]!;
    const valid = radix === 16 ? /^[0-9a-fA-F]+$/ : radix === 8 ? /^[0-7]+$/ : /^[01]+$/;
    if (!valid.test(digits)) return undefined;
  } else if (o) {
    sign = o[1]!;
    radix = 8;
    digits = o[2]!;
  } else if (DEC_INT.test(s)) {
    if (s[0] === "+" || s[0] === "-") {
      sign = s[0];
      digits = s.slice(1);
    } else digits = s;
    // A leading 0 means octal to ParseInt; "09" is not a valid number then.
    if (digits.length > 1 && digits[0] === "0") return undefined;
  } else return undefined;
  const prefix = radix === 16 ? "0x" : radix === 8 ? "0o" : radix === 2 ? "0b" : "";
  let n = BigInt(prefix + digits);
  if (sign === "-") n = -n;
  if (n >= INT64_MIN && n <= INT64_MAX) return n;
  // ParseUint takes no sign.
  if (sign === "" && n >= 0n && n <= UINT64_MAX) return n;
  return undefined;
}

function daysIn(month: number, year: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const TS_DATE = /^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})/;
const TS_TIME = /^([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2})(?:[.,][0-9]+)?/;

/** go-yaml's parseTimestamp: the four layouts it tries with time.Parse. */
export function isYamlTimestamp(s: string): boolean {
  const d = TS_DATE.exec(s);
  if (!d) return false;
  const month = Number(d[2]);
  const day = Number(d[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysIn(month, Number(d[1]))) return false;
  let rest = s.slice(d[0].length);
  if (rest === "") return true;
  const sep = rest[0];
  if (sep !== "T" && sep !== "t" && sep !== " ") return false;
  rest = rest.slice(1);
  const t = TS_TIME.exec(rest);
  if (!t || Number(t[1]) > 23 || Number(t[2]) > 59 || Number(t[3]) > 59) return false;
  rest = rest.slice(t[0].length);
  if (sep === " ") return rest === "";
  if (rest === "Z") return true;
  const z = /^[+-]([0-9]{2}):([0-9]{2})$/.exec(rest);
  return z !== null && Number(z[1]) <= 24 && Number(z[2]) <= 59;
}

/** True when go-yaml would read `s`, unquoted, back as the same string. */
export function plainIsString(s: string): boolean {
  if (s === "") return false;
  const c = s.charCodeAt(0);
  const sign = c === 0x2b || c === 0x2d;
  const digit = c >= 0x30 && c <= 0x39;
  if (!sign && !digit && c !== 0x2e && !"yYnNtTfFoO~".includes(s[0]!)) return true;
  if (YAML11_WORDS.has(s)) return false;
  // ParseFloat fails with ErrRange when the literal overflows.
  if (c === 0x2e) return !(DOT_FLOAT.test(s) && Number.isFinite(Number(s)));
  if (!sign && !digit) return true;
  if (isYamlTimestamp(s)) return false;
  const plain = s.includes("_") ? s.replaceAll("_", "") : s;
  if (parseGoInt(plain) !== undefined) return false;
  if (YAML_FLOAT.test(plain) && Number.isFinite(Number(plain))) return false;
  // YAML 1.1 sexagesimal numbers are quoted too, for other parsers' sake.
  return !(s.includes(":") && BASE60_FLOAT.test(s));
}

/** The YAML text of a JSON number after go-yaml re-reads it as int, uint or float. */
export function yamlNumberText(jsonText: string): string {
  if (SMALL_INT.test(jsonText)) return jsonText === "-0" ? "0" : jsonText;
  if (jsonText.includes(".") || jsonText.includes("e")) {
    // Not an int to go-yaml; Go's %g matches JS's text in [1e-4, 1e6).
    const f = Number(jsonText);
    const a = Math.abs(f);
    return a >= 1e-4 && a < 1e6 ? String(f) : goFloatG(f);
  }
  const n = parseGoInt(jsonText);
  if (n !== undefined) return n.toString();
  return goFloatG(Number(jsonText));
}
