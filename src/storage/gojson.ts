// encoding/json as Go's json.Marshal writes helm's structs: fields in struct
// order, `omitempty` honoured, []byte as base64, maps with sorted keys and
// HTML-escaped strings. Values maps go through the template layer's Go
// marshaller so numbers print exactly as Go prints float64 and int64.
import type { GoMap, Value } from "../template/value.js";
import { jsonString, marshalJson } from "../yaml/emit-json.js";

/** One struct field: [json name, value, omitempty]. */
export type Field = [string, unknown, boolean?];

export class GoStruct {
  constructor(readonly fields: Field[]) {}
}

export function struct(...fields: Field[]): GoStruct {
  return new GoStruct(fields);
}

function isEmpty(v: unknown): boolean {
  if (v === undefined || v === null || v === "" || v === 0 || v === false) return true;
  if (Array.isArray(v)) return v.length === 0;
  if (Buffer.isBuffer(v)) return v.length === 0;
  if (v instanceof GoStruct) return false;
  if (typeof v === "object") return Object.keys(v as object).length === 0;
  return false;
}

export function goJson(v: unknown): string {
  if (v === undefined || v === null) return "null";
  if (typeof v === "string") return jsonString(v, true);
  if (typeof v === "number") return Number.isInteger(v) ? String(v) : marshalJson(v);
  if (typeof v === "boolean") return v ? "true" : "false";
  if (Buffer.isBuffer(v)) return `"${v.toString("base64")}"`;
  if (Array.isArray(v)) return `[${v.map(goJson).join(",")}]`;
  if (v instanceof GoStruct) {
    const parts: string[] = [];
    for (const [name, value, omit] of v.fields) {
      if (omit && isEmpty(value)) continue;
      parts.push(`${jsonString(name, true)}:${goJson(value)}`);
    }
    return `{${parts.join(",")}}`;
  }
  if (Object.getPrototypeOf(v) === null) return marshalJson(v as GoMap);
  // A map[string]string or similar: sorted keys, as Go sorts map keys.
  const obj = v as Record<string, unknown>;
  const keys = Object.keys(obj).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${keys.map((k) => `${jsonString(k, true)}:${goJson(obj[k])}`).join(",")}}`;
}

/** Plain parsed JSON -> Go values: objects become null-prototype maps (float64 numbers stay numbers). */
export function toGoValue(v: unknown): Value {
  if (v === null || typeof v !== "object") return v as Value;
  if (Array.isArray(v)) return v.map(toGoValue);
  const m = Object.create(null) as GoMap;
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) m[k] = toGoValue(x);
  return m;
}
