// Go type names and %t formatting for values in helm's error messages.
import { elemType, GoInt, GoObject, isMap, mapValueType, type Value } from "../template/value.js";

/** The dynamic Go type, as a type assertion panic names it. */
export function goTypeName(v: Value): string {
  if (v === null || v === undefined) return "nil";
  if (typeof v === "string") return "string";
  if (typeof v === "boolean") return "bool";
  if (typeof v === "number") return "float64";
  if (v instanceof GoInt) return v.kind;
  if (Array.isArray(v)) return `[]${elemType(v)}`;
  if (v instanceof Uint8Array) return "[]uint8";
  if (v instanceof GoObject) return v.goType();
  if (isMap(v)) return `map[string]${mapValueType(v)}`;
  return "interface {}";
}

/** fmt's %v for a float64: strconv 'g' with the shortest digits. */
export function goFloatV(f: number): string {
  if (Number.isNaN(f)) return "NaN";
  if (!Number.isFinite(f)) return f > 0 ? "+Inf" : "-Inf";
  if (f === 0) return Object.is(f, -0) ? "-0" : "0";
  const [mant, e] = f.toExponential().split("e") as [string, string];
  const exp = Number(e);
  const digits = mant.replace("-", "").replace(".", "");
  const neg = f < 0 ? "-" : "";
  if (exp < -4 || exp >= 6) {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    return `${neg}${m}e${exp < 0 ? "-" : "+"}${String(Math.abs(exp)).padStart(2, "0")}`;
  }
  if (exp < 0) return `${neg}0.${"0".repeat(-exp - 1)}${digits}`;
  if (digits.length <= exp + 1) return `${neg}${digits}${"0".repeat(exp + 1 - digits.length)}`;
  return `${neg}${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}`;
}

function goV(v: Value): string {
  if (v === null || v === undefined) return "<nil>";
  if (typeof v === "number") return goFloatV(v);
  return String(v);
}

/** fmt's %t: booleans print, anything else is "%!t(TYPE=VALUE)", element-wise for slices and maps. */
export function goFormatT(v: Value): string {
  if (typeof v === "boolean") return v ? "true" : "false";
  if (v === null || v === undefined) return "%!t(<nil>)";
  if (Array.isArray(v)) return `[${v.map(goFormatT).join(" ")}]`;
  if (isMap(v)) {
    const keys = Object.keys(v).sort();
    return `map[${keys.map((k) => `%!t(string=${k}):${goFormatT(v[k])}`).join(" ")}]`;
  }
  return `%!t(${goTypeName(v)}=${goV(v)})`;
}

/** fmt's %v for values from YAML and --set (maps print with sorted keys). */
export function goFormatV(v: Value): string {
  if (v === null || v === undefined) return "<nil>";
  if (typeof v === "number") return goFloatV(v);
  if (Array.isArray(v)) return `[${v.map(goFormatV).join(" ")}]`;
  if (isMap(v))
    return `map[${Object.keys(v)
      .sort()
      .map((k) => `${k}:${goFormatV(v[k])}`)
      .join(" ")}]`;
  return String(v);
}
