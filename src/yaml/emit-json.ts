// Go's encoding/json, as helm's toJson and sigs.k8s.io/yaml (toYaml) see it.
//
// Values are first reduced to a plain JSON tree (sorted map entries, numbers as
// the exact text Go would print) so the JSON writer and the YAML emitter share
// one notion of "what json.Marshal made of this value".
import { GoInt, GoObject, isMap, type Value } from "../template/value.js";

/** A JSON number, kept as the text encoding/json writes. */
export class JsonNumber {
  constructor(readonly text: string) {}
}

/** A JSON object with its keys in Go's sorted (byte) order. */
export class JsonObject {
  constructor(readonly entries: [string, JsonTree][]) {}
}

export type JsonTree = null | boolean | string | JsonNumber | JsonTree[] | JsonObject;

/** json.Marshal's error, e.g. for NaN. */
export class JsonMarshalError extends Error {
  override name = "JsonMarshalError";
}

/** Orders strings by their UTF-8 bytes, as Go's sort.Strings does. */
export function compareGoStrings(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // UTF-16 order differs from UTF-8 order only when a surrogate meets U+E000..U+FFFF.
    const xs = x >= 0xd800 && x <= 0xdfff;
    const ys = y >= 0xd800 && y <= 0xdfff;
    if (xs !== ys && (x >= 0xe000 || y >= 0xe000)) return xs ? 1 : -1;
    return x - y;
  }
  return a.length - b.length;
}

/** strconv.FormatFloat(f, 'g', -1, 64) wants this; encoding/json uses 'f' or 'e'. */
export function jsonFloatText(f: number): string {
  if (!Number.isFinite(f)) throw new JsonMarshalError(`json: unsupported value: ${goFloatG(f)}`);
  if (f === 0) return Object.is(f, -0) ? "-0" : "0";
  // JS's shortest round-trip text matches Go's for |f| in [1e-6, 1e21) ('f')
  // and, outside it, Go's 'e' form once Go trims the exponent's leading zero.
  return String(f);
}

/** strconv.FormatFloat(f, 'g', -1, 64): %v for float64. */
export function goFloatG(f: number): string {
  if (Number.isNaN(f)) return "NaN";
  if (f === Infinity) return "+Inf";
  if (f === -Infinity) return "-Inf";
  if (f === 0) return Object.is(f, -0) ? "-0" : "0";
  const e = f.toExponential();
  const at = e.indexOf("e");
  const mant = e.slice(0, at);
  const exp = Number(e.slice(at + 1));
  // Shortest 'g' switches to the exponent form outside 1e-4 <= |f| < 1e6.
  if (exp < -4 || exp >= 6) {
    const digits = exp < 0 ? -exp : exp;
    return `${mant}e${exp < 0 ? "-" : "+"}${digits < 10 ? "0" : ""}${digits}`;
  }
  return String(f);
}

function base64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("base64");
}

/**
 * What json.Marshal makes of a template value. Keys come out in Go's byte
 * order unless `sortKeys` is false (the YAML emitter orders them itself).
 */
export function jsonTree(v: Value, sortKeys = true): JsonTree {
  if (v === null || v === undefined) return null;
  switch (typeof v) {
    case "boolean":
    case "string":
      return v;
    case "number":
      return new JsonNumber(jsonFloatText(v));
  }
  if (v instanceof GoInt) return new JsonNumber(v.v.toString());
  if (Array.isArray(v)) return v.map((x) => jsonTree(x, sortKeys));
  if (v instanceof Uint8Array) return base64(v);
  if (isMap(v)) {
    const keys = Object.keys(v);
    if (sortKeys) keys.sort(compareGoStrings);
    return new JsonObject(keys.map((k) => [k, jsonTree(v[k], sortKeys)]));
  }
  if (v instanceof GoObject) {
    if (v.goJson) return jsonTree(v.goJson(), sortKeys);
    // encoding/json writes exported struct fields in declaration order.
    return new JsonObject(v.fieldNames().map((k) => [k, jsonTree(v.field(k), sortKeys)]));
  }
  return null;
}

const HEX = "0123456789abcdef";

/** A JSON string literal exactly as encoding/json writes it. */
export function jsonString(s: string, escapeHTML: boolean): string {
  let out = '"';
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let esc: string | undefined;
    if (c < 0x20) {
      esc =
        c === 0x0a
          ? "\\n"
          : c === 0x0d
            ? "\\r"
            : c === 0x09
              ? "\\t"
              : c === 0x08
                ? "\\b"
                : c === 0x0c
                  ? "\\f"
                  : `\\u00${HEX[c >> 4]}${HEX[c & 15]}`;
    } else if (c === 0x22) esc = '\\"';
    else if (c === 0x5c) esc = "\\\\";
    else if (escapeHTML && (c === 0x3c || c === 0x3e || c === 0x26)) esc = `\\u00${HEX[c >> 4]}${HEX[c & 15]}`;
    else if (c === 0x2028 || c === 0x2029) esc = `\\u${c.toString(16)}`;
    else if (c >= 0xd800 && c <= 0xdfff) {
      const pair = c < 0xdc00 && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
      if (pair) {
        i++;
        continue;
      }
      esc = "\\ufffd"; // a lone surrogate is invalid UTF-8 to Go
    }
    if (esc !== undefined) {
      out += s.slice(start, i) + esc;
      start = i + 1;
    }
  }
  return out + s.slice(start) + '"';
}

export interface JsonOptions {
  escapeHTML?: boolean;
  /** json.MarshalIndent's indent unit; "" for compact output. */
  indent?: string;
}

function write(t: JsonTree, o: Required<JsonOptions>, pad: string, out: string[]): void {
  if (t === null) out.push("null");
  else if (typeof t === "boolean") out.push(t ? "true" : "false");
  else if (typeof t === "string") out.push(jsonString(t, o.escapeHTML));
  else if (t instanceof JsonNumber) out.push(t.text);
  else if (Array.isArray(t)) {
    if (t.length === 0) return void out.push("[]");
    const inner = pad + o.indent;
    out.push("[");
    t.forEach((item, i) => {
      if (i > 0) out.push(",");
      if (o.indent) out.push("\n", inner);
      write(item, o, inner, out);
    });
    if (o.indent) out.push("\n", pad);
    out.push("]");
  } else {
    if (t.entries.length === 0) return void out.push("{}");
    const inner = pad + o.indent;
    out.push("{");
    t.entries.forEach(([k, item], i) => {
      if (i > 0) out.push(",");
      if (o.indent) out.push("\n", inner);
      out.push(jsonString(k, o.escapeHTML), o.indent ? ": " : ":");
      write(item, o, inner, out);
    });
    if (o.indent) out.push("\n", pad);
    out.push("}");
  }
}

/** json.Marshal / json.MarshalIndent / an Encoder with SetEscapeHTML(false). */
export function marshalJson(v: Value, opts: JsonOptions = {}): string {
  const o = { escapeHTML: opts.escapeHTML ?? true, indent: opts.indent ?? "" };
  const out: string[] = [];
  write(jsonTree(v), o, "", out);
  return out.join("");
}
