// Scalar resolution as go-yaml v2 does it (YAML 1.1 booleans, base-prefixed
// ints, underscores), followed by the JSON round trip of sigs.k8s.io/yaml
// that turns every number into a float64. Timestamps stay strings because
// go-yaml v2 keeps timestamp-looking text as a string when decoding into
// interface{}.
import { GoInt, type Value } from "../template/value.js";

export type Resolved =
  | { kind: "null" }
  | { kind: "bool"; value: boolean }
  | { kind: "int"; value: bigint }
  | { kind: "float"; value: number }
  | { kind: "str"; value: string };

const TAG = "tag:yaml.org,2002:";

/** A resolved scalar as go-yaml decodes it into interface{}: ints are int64. */
export function resolvedValue(r: Resolved): Value {
  switch (r.kind) {
    case "null":
      return null;
    case "int":
      return new GoInt(r.value, "int64");
    default:
      return r.value;
  }
}

const FIXED = new Map<string, Resolved>();
for (const s of ["y", "Y", "yes", "Yes", "YES", "on", "On", "ON", "true", "True", "TRUE"])
  FIXED.set(s, { kind: "bool", value: true });
for (const s of ["n", "N", "no", "No", "NO", "off", "Off", "OFF", "false", "False", "FALSE"])
  FIXED.set(s, { kind: "bool", value: false });
for (const s of ["", "~", "null", "Null", "NULL"]) FIXED.set(s, { kind: "null" });
for (const s of [".nan", ".NaN", ".NAN"]) FIXED.set(s, { kind: "float", value: Number.NaN });
for (const s of [".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF"])
  FIXED.set(s, { kind: "float", value: Number.POSITIVE_INFINITY });
for (const s of ["-.inf", "-.Inf", "-.INF"]) FIXED.set(s, { kind: "float", value: Number.NEGATIVE_INFINITY });

const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const INT64_MIN = -(2n ** 63n);
const UINT64_MAX = 2n ** 64n - 1n;

/** Go's strconv.ParseInt/ParseUint with base 0 (sign, 0x/0o/0b/0 prefixes). */
function parseGoInt(s: string, allowSign: boolean): bigint | undefined {
  let body = s;
  let neg = false;
  if (body.startsWith("+") || body.startsWith("-")) {
    if (!allowSign) return undefined;
    neg = body[0] === "-";
    body = body.slice(1);
  }
  let digits: RegExp;
  let prefix = "";
  if (/^0[xX]/.test(body)) {
    digits = /^[0-9a-fA-F]+$/;
    prefix = "0x";
    body = body.slice(2);
  } else if (/^0[oO]/.test(body)) {
    digits = /^[0-7]+$/;
    prefix = "0o";
    body = body.slice(2);
  } else if (/^0[bB]/.test(body)) {
    digits = /^[01]+$/;
    prefix = "0b";
    body = body.slice(2);
  } else if (body.length > 1 && body[0] === "0") {
    digits = /^[0-7]+$/;
    prefix = "0o";
    body = body.slice(1);
  } else {
    digits = /^[0-9]+$/;
  }
  if (!digits.test(body)) return undefined;
  const v = BigInt(prefix + body) * (neg ? -1n : 1n);
  return v;
}

function parseFloatStrict(s: string): number | undefined {
  // Go's ParseFloat: decimal or hex floats, inf/nan words; fails on overflow.
  if (/^[-+]?(inf|infinity|nan)$/i.test(s)) {
    const neg = s.startsWith("-");
    if (/nan/i.test(s)) return Number.NaN;
    return neg ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  }
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(s)) return undefined;
  const v = Number(s);
  if (!Number.isFinite(v)) return undefined;
  return v;
}

/** Resolve a plain (or explicitly tagged) scalar the way go-yaml v2 does. */
export function resolveScalar(text: string, tag: string | undefined): Resolved {
  const t = tag ?? "";
  const resolvable = t === "" || [`${TAG}str`, `${TAG}bool`, `${TAG}int`, `${TAG}float`, `${TAG}timestamp`].includes(t);
  if (!resolvable || t === `${TAG}str`) return { kind: "str", value: text };
  const r = resolveImplicit(text);
  if (t === "" || t === `${TAG}timestamp`) return r;
  if (t === `${TAG}float` && r.kind === "int") return { kind: "float", value: Number(r.value) };
  if (
    (t === `${TAG}bool` && r.kind === "bool") ||
    (t === `${TAG}int` && r.kind === "int") ||
    (t === `${TAG}float` && r.kind === "float")
  )
    return r;
  throw new YamlDecodeError(`cannot decode ${shortTag(r.kind)} \`${text}\` as a ${shortTag(t.slice(TAG.length))}`);
}

function shortTag(kind: string): string {
  return `!!${kind === "null" ? "null" : kind}`;
}

function resolveImplicit(text: string): Resolved {
  const fixed = FIXED.get(text);
  if (fixed) return fixed;
  const c = text[0];
  if (c === ".") {
    const f = parseFloatStrict(text);
    if (f !== undefined) return { kind: "float", value: f };
    return { kind: "str", value: text };
  }
  if (c === undefined || !/[-+0-9]/.test(c)) return { kind: "str", value: text };
  const plain = text.replaceAll("_", "");
  const i = parseGoInt(plain, true);
  if (i !== undefined && i >= INT64_MIN && i <= UINT64_MAX && !(i < 0n && plain.startsWith("+"))) {
    return { kind: "int", value: i };
  }
  if (YAML_STYLE_FLOAT.test(plain)) {
    const f = parseFloatStrict(plain);
    if (f !== undefined) return { kind: "float", value: f };
  }
  if (plain.startsWith("0b")) {
    const b = parseGoInt(plain.slice(2).replace(/^/, "0b"), false);
    if (b !== undefined) return { kind: "int", value: b };
  } else if (plain.startsWith("-0b")) {
    const b = parseGoInt(`0b${plain.slice(3)}`, false);
    if (b !== undefined) return { kind: "int", value: -b };
  }
  return { kind: "str", value: text };
}

/** An error raised while decoding (after parsing succeeded), message in go-yaml's words. */
export class YamlDecodeError extends Error {
  override name = "YamlDecodeError";
}

/** strconv.FormatFloat(f, 'g', -1, 32): how sigs.k8s.io/yaml prints float map keys. */
export function formatFloat32Key(f: number): string {
  if (Number.isNaN(f)) return ".nan";
  if (f === Number.POSITIVE_INFINITY) return ".inf";
  if (f === Number.NEGATIVE_INFINITY) return "-.inf";
  const f32 = Math.fround(f);
  if (!Number.isFinite(f32)) return f32 > 0 ? ".inf" : "-.inf";
  if (f32 === 0) return Object.is(f32, -0) ? "-0" : "0";
  let digits = "";
  let exp = 0;
  for (let p = 1; p <= 9; p++) {
    const s = f32.toExponential(p - 1);
    if (Math.fround(Number(s)) === f32) {
      const [mant, e] = s.split("e");
      digits = (mant as string).replace("-", "").replace(".", "");
      exp = Number(e);
      break;
    }
  }
  const neg = f32 < 0 ? "-" : "";
  if (exp < -4 || exp >= 6) {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const es = Math.abs(exp) < 10 ? `0${Math.abs(exp)}` : `${Math.abs(exp)}`;
    return `${neg}${m}e${exp < 0 ? "-" : "+"}${es}`;
  }
  if (exp < 0) return `${neg}0.${"0".repeat(-exp - 1)}${digits}`;
  if (digits.length <= exp + 1) return `${neg}${digits}${"0".repeat(exp + 1 - digits.length)}`;
  return `${neg}${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}`;
}
