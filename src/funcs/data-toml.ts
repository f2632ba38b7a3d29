// toToml and fromToml as helm has them (BurntSushi/toml v1.4): the encoder
// writes plain keys before tables, sorts keys, and indents nested tables by
// two spaces; the decoder gives int64, float64, time.Time and typed arrays of
// tables.
import { parse as parseToml, TomlDate, TomlError } from "smol-toml";
import { GoInt, GoObject, isMap, newMap, setElemType, type Value } from "../template/value.js";
import { GoTime } from "./date-time.js";

class TomlEncodeError extends Error {}

const BARE_KEY = /^[A-Za-z0-9_-]+$/;

function quoted(s: string): string {
  let out = "";
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    if (ch === '"') out += '\\"';
    else if (ch === "\\") out += "\\\\";
    else if (ch === "\b") out += "\\b";
    else if (ch === "\t") out += "\\t";
    else if (ch === "\n") out += "\\n";
    else if (ch === "\f") out += "\\f";
    else if (ch === "\r") out += "\\r";
    else if (c < 0x20 || c === 0x7f) out += `\\u${c.toString(16).padStart(4, "0")}`;
    else out += ch;
  }
  return `"${out}"`;
}

const keyPart = (k: string) => (k === "" ? '""' : BARE_KEY.test(k) ? k : quoted(k));

/** strconv.FormatFloat(f, 'f', -1, 64): shortest digits, never an exponent. */
export function goFloatF(f: number): string {
  const s = String(f);
  if (!s.includes("e")) return s;
  const [mant, expText] = s.split("e") as [string, string];
  const exp = Number(expText);
  const neg = mant.startsWith("-");
  const digits = mant.replace("-", "").replace(".", "");
  const point = (mant.replace("-", "").indexOf(".") + 1 || mant.replace("-", "").length + 1) - 1 + exp;
  let out: string;
  if (point <= 0) out = "0." + "0".repeat(-point) + digits;
  else if (point >= digits.length) out = digits + "0".repeat(point - digits.length);
  else out = digits.slice(0, point) + "." + digits.slice(point);
  return (neg ? "-" : "") + out;
}

type Kind = "nil" | "table" | "tableArray" | "other";

function plain(v: Value): Value {
  return v instanceof GoObject && !(v instanceof GoTime) && v.goJson ? v.goJson() : v;
}

function tomlKind(v: Value): Kind {
  v = plain(v);
  if (v === null || v === undefined) return "nil";
  if (isMap(v)) return "table";
  if (Array.isArray(v) && v.length > 0) {
    let all = true;
    for (const item of v) {
      const k = tomlKind(item);
      if (k === "nil") throw new TomlEncodeError("toml: cannot encode array with nil element");
      if (k !== "table") all = false;
    }
    return all ? "tableArray" : "other";
  }
  return "other";
}

class Encoder {
  out = "";
  private newline(): void {
    if (this.out !== "") this.out += "\n";
  }

  element(v: Value): void {
    v = plain(v);
    if (typeof v === "string") this.out += quoted(v);
    else if (typeof v === "boolean") this.out += String(v);
    else if (typeof v === "number") {
      if (Number.isNaN(v)) this.out += "nan";
      else if (!Number.isFinite(v)) this.out += v < 0 ? "-inf" : "inf";
      else {
        const s = goFloatF(v);
        this.out += s.includes(".") ? s : `${s}.0`;
      }
    } else if (v instanceof GoInt) this.out += v.v.toString();
    else if (v instanceof GoTime) this.out += v.format("2006-01-02T15:04:05.999999999Z07:00");
    else if (v instanceof Uint8Array) this.out += `[${Array.from(v).join(", ")}]`;
    else if (Array.isArray(v)) {
      this.out += "[";
      v.forEach((item, i) => {
        if (i > 0) this.out += ", ";
        this.element(item);
      });
      this.out += "]";
    } else if (isMap(v)) this.map([], v, true);
    else if (v === null || v === undefined) throw new TomlEncodeError("toml: cannot encode array with nil element");
    else throw new TomlEncodeError(`unexpected type: ${(v as GoObject).goType()}`);
  }

  encode(key: string[], v: Value): void {
    v = plain(v);
    if (v === null || v === undefined) return;
    const kind = tomlKind(v);
    if (kind === "table") {
      this.table(key, v as Record<string, Value>);
      return;
    }
    if (kind === "tableArray") {
      if (key.length === 0) throw new TomlEncodeError("toml: top-level values must be Go maps or structs");
      for (const item of v as Value[]) {
        this.newline();
        this.out += `${"  ".repeat(key.length - 1)}[[${key.map(keyPart).join(".")}]]`;
        this.newline();
        this.map(key, plain(item) as Record<string, Value>, false);
      }
      return;
    }
    if (key.length === 0) {
      this.element(v);
      return;
    }
    this.out += `${"  ".repeat(key.length - 1)}${keyPart(key[key.length - 1]!)} = `;
    this.element(v);
    this.newline();
  }

  private table(key: string[], m: Record<string, Value>): void {
    if (key.length === 1) this.newline();
    if (key.length > 0) {
      this.out += `${"  ".repeat(key.length - 1)}[${key.map(keyPart).join(".")}]`;
      this.newline();
    }
    this.map(key, m, false);
  }

  private map(key: string[], m: Record<string, Value>, inline: boolean): void {
    const direct: string[] = [];
    const sub: string[] = [];
    for (const k of Object.keys(m)) {
      const kind = tomlKind(m[k]);
      (kind === "table" || kind === "tableArray" ? sub : direct).push(k);
    }
    if (inline) this.out += "{";
    const write = (keys: string[], trailComma: boolean) => {
      keys.sort();
      keys.forEach((k, i) => {
        const val = m[k];
        if (val === null || val === undefined) return;
        if (inline) {
          this.out += `${keyPart(k)} = `;
          this.element(val);
          if (trailComma || i !== keys.length - 1) this.out += ", ";
        } else this.encode([...key, k], val);
      });
    };
    write(direct, sub.length > 0);
    write(sub, false);
    if (inline) this.out += "}";
  }
}

/** helm's toToml: the document, or the encoder's error text. */
export function toToml(v: Value): string {
  const e = new Encoder();
  try {
    e.encode([], v);
  } catch (err) {
    if (err instanceof TomlEncodeError) return err.message;
    throw err;
  }
  return e.out;
}

function fromTomlValue(v: unknown): Value {
  if (typeof v === "bigint") return new GoInt(v, "int64");
  if (v instanceof TomlDate) return GoTime.fromTomlDate(v);
  if (Array.isArray(v)) {
    const out = v.map(fromTomlValue);
    // An array of tables decodes to []map[string]interface{}.
    if (out.length > 0 && out.every(isMap)) setElemType(out, "map[string]interface {}");
    return out;
  }
  if (v !== null && typeof v === "object") {
    const m = newMap();
    for (const [k, x] of Object.entries(v)) m[k] = fromTomlValue(x);
    return m;
  }
  return v as Value;
}

/** helm's fromToml: a map, with the parse error under "Error". */
export function fromToml(text: string): Value {
  try {
    return fromTomlValue(parseToml(text, { integersAsBigInt: true }));
  } catch (err) {
    if (!(err instanceof TomlError)) throw err;
    const m = newMap();
    const reason = err.message.replace(/^Invalid TOML document: /, "").split("\n")[0];
    m.Error = `toml: line ${err.line}: ${reason}`;
    return m;
  }
}
