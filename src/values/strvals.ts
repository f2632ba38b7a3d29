// helm's strvals grammar for --set, --set-string, --set-json and --set-file:
// comma-separated key=value pairs, dotted keys, [i] list indexes, {a,b} lists,
// backslash escapes. Go's type-assertion panics become helm's
// "unable to parse key: interface conversion: ..." messages.
import { GoInt, type GoMap, isMap, newMap, type Value } from "../template/value.js";
import { goTypeName } from "./gotype.js";

export const MAX_INDEX = 65536;
export const MAX_NESTED_NAME_LEVEL = 30;

export class StrvalsError extends Error {
  override name = "StrvalsError";
}

/** End of input, like Go's io.EOF. */
const EOF = Symbol("EOF");
const NOT_LIST = Symbol("not a list");
type Signal = typeof EOF | typeof NOT_LIST;

/** Reads a value's raw runes into a Go value (typed, string, or a file's content). */
export type RunesReader = (runes: string) => Value;

class Scanner {
  private pos = 0;
  private readonly runes: string[];
  constructor(s: string) {
    this.runes = Array.from(s);
  }
  read(): string | undefined {
    if (this.pos >= this.runes.length) return undefined;
    return this.runes[this.pos++];
  }
  unread(): void {
    this.pos--;
  }
  rest(): string {
    return this.runes.slice(this.pos).join("");
  }
  skip(chars: number): void {
    this.pos += chars;
  }
}

/** runesUntil: read up to a stop rune, honouring backslash escapes. */
function runesUntil(sc: Scanner, stop: string, escapes = true): { v: string; last?: string; eof: boolean } {
  let v = "";
  for (;;) {
    const r = sc.read();
    if (r === undefined) return { v, eof: true };
    if (stop.includes(r)) return { v, last: r, eof: false };
    if (escapes && r === "\\") {
      const next = sc.read();
      if (next === undefined) return { v, eof: true };
      v += next;
    } else v += r;
  }
}

/** Go's %q of a []rune: each rune single-quoted, space separated. */
export function goRunesQ(s: string): string {
  const q = (r: string) => {
    if (r === "'") return "'\\''";
    const j = JSON.stringify(r).slice(1, -1);
    return `'${j === '\\"' ? '"' : j}'`;
  };
  return `[${Array.from(s).map(q).join(" ")}]`;
}

function interfaceConversion(v: Value, want: string): StrvalsError {
  return new StrvalsError(`unable to parse key: interface conversion: interface {} is ${goTypeName(v)}, not ${want}`);
}

/** helm's typedVal: true/false/null, base-10 int64 (no leading zero), else the string. */
export function typedVal(s: string, asString: boolean): Value {
  if (asString) return s;
  const lower = s.toLowerCase();
  if (lower === "true") return true;
  if (lower === "false") return false;
  if (lower === "null") return null;
  if (s === "0") return new GoInt(0n, "int64");
  if (s.length > 0 && s[0] !== "0" && /^[+-]?[0-9]+$/.test(s)) {
    const n = BigInt(s);
    if (n >= -(2n ** 63n) && n < 2n ** 63n) return new GoInt(n, "int64");
  }
  return s;
}

function toGoJson(v: unknown): Value {
  if (Array.isArray(v)) return v.map(toGoJson);
  if (v !== null && typeof v === "object") {
    const m = newMap();
    for (const [k, x] of Object.entries(v)) m[k] = toGoJson(x);
    return m;
  }
  return v as Value;
}

/** Length of the first JSON value in s (after leading whitespace), as Go's Decoder reads it. */
function jsonPrefix(s: string): { value: Value; length: number } {
  let i = 0;
  while (i < s.length && /\s/.test(s[i] as string)) i++;
  const start = i;
  const c = s[i];
  if (c === "{" || c === "[") {
    let depth = 0;
    let inStr = false;
    for (; i < s.length; i++) {
      const ch = s[i];
      if (inStr) {
        if (ch === "\\") i++;
        else if (ch === '"') inStr = false;
      } else if (ch === '"') inStr = true;
      else if (ch === "{" || ch === "[") depth++;
      else if (ch === "}" || ch === "]") {
        depth--;
        if (depth === 0) {
          i++;
          break;
        }
      }
    }
  } else if (c === '"') {
    for (i++; i < s.length; i++) {
      if (s[i] === "\\") i++;
      else if (s[i] === '"') {
        i++;
        break;
      }
    }
  } else {
    while (i < s.length && /[-+.0-9a-zA-Z]/.test(s[i] as string)) i++;
  }
  const text = s.slice(start, i);
  try {
    return { value: toGoJson(JSON.parse(text)), length: Array.from(s.slice(0, i)).length };
  } catch (err) {
    throw new StrvalsError((err as Error).message);
  }
}

export class StrvalsParser {
  private readonly sc: Scanner;
  constructor(
    input: string,
    private readonly data: GoMap,
    private readonly reader: RunesReader | undefined,
    private readonly isJson = false,
  ) {
    this.sc = new Scanner(input);
  }

  parse(): void {
    for (;;) {
      const r = this.key(this.data, 0);
      if (r === EOF) return;
    }
  }

  /** Returns EOF at the end of input; throws StrvalsError on errors. */
  private key(data: GoMap, nested: number): Signal | undefined {
    const { v: k, last, eof } = runesUntil(this.sc, "=[,.");
    if (eof) {
      if (k.length === 0) return EOF;
      throw new StrvalsError(`key ${JSON.stringify(k)} has no value`);
    }
    if (last === "[") {
      const i = this.keyIndex();
      let list: Value[] = [];
      if (k in data) {
        const existing = data[k];
        if (!Array.isArray(existing)) throw interfaceConversion(existing, "[]interface {}");
        list = existing;
      }
      let out: Value[];
      let sig: Signal | undefined;
      try {
        [out, sig] = this.listItem(list, i, nested);
      } catch (err) {
        if (k !== "") data[k] = list;
        throw err;
      }
      if (k !== "") data[k] = out;
      return sig;
    }
    if (last === "=") {
      if (this.isJson) return this.jsonValue((v) => set(data, k, v));
      const vl = this.valList();
      if (vl === EOF) {
        set(data, k, "");
        return EOF;
      }
      if (vl !== NOT_LIST) {
        set(data, k, vl);
        return undefined;
      }
      // Like helm, a plain value never reports the end of input: the next key() does.
      const { v: rs } = runesUntil(this.sc, ",");
      set(data, k, (this.reader as RunesReader)(rs));
      return undefined;
    }
    if (last === ",") {
      set(data, k, "");
      throw new StrvalsError(`key ${JSON.stringify(k)} has no value (cannot end with ,)`);
    }
    // last === "."
    nested++;
    if (nested > MAX_NESTED_NAME_LEVEL)
      throw new StrvalsError(`value name nested level is greater than maximum supported nested level of ${MAX_NESTED_NAME_LEVEL}`);
    let inner = newMap();
    if (k in data) {
      const existing = data[k];
      if (!isMap(existing)) throw interfaceConversion(existing, "map[string]interface {}");
      inner = existing;
    }
    let sig: Signal | undefined;
    try {
      sig = this.key(inner, nested);
    } catch (err) {
      if (Object.keys(inner).length > 0) set(data, k, inner);
      throw err;
    }
    if (sig === undefined && Object.keys(inner).length === 0)
      throw new StrvalsError(`key map ${JSON.stringify(k)} has no value`);
    if (Object.keys(inner).length > 0) set(data, k, inner);
    return sig;
  }

  private jsonValue(assign: (v: Value) => void): Signal | undefined {
    if (this.emptyVal()) {
      assign(null);
      return undefined;
    }
    const { value, length } = jsonPrefix(this.sc.rest());
    assign(value);
    this.sc.skip(length);
    this.emptyVal();
    return undefined;
  }

  private keyIndex(): number {
    const { v, eof } = runesUntil(this.sc, "]");
    if (eof) throw new StrvalsError("error parsing index: EOF");
    if (!/^[+-]?[0-9]+$/.test(v))
      throw new StrvalsError(`error parsing index: strconv.Atoi: parsing ${JSON.stringify(v)}: invalid syntax`);
    return Number(v);
  }

  private listItem(list: Value[], i: number, nested: number): [Value[], Signal | undefined] {
    if (i < 0) throw new StrvalsError(`negative ${i} index not allowed`);
    const { v: k, last, eof } = runesUntil(this.sc, "[.=");
    if (k.length > 0) throw new StrvalsError(`unexpected data at end of array index: ${goRunesQ(k)}`);
    if (eof) return [list, EOF];
    if (last === "=") {
      if (this.isJson) {
        let out = list;
        this.jsonValue((v) => {
          out = setIndex(list, i, v);
        });
        return [out, undefined];
      }
      const vl = this.valList();
      if (vl === EOF) return [setIndex(list, i, ""), undefined];
      if (vl !== NOT_LIST) return [setIndex(list, i, vl), undefined];
      const { v: rs } = runesUntil(this.sc, ",");
      return [setIndex(list, i, (this.reader as RunesReader)(rs)), undefined];
    }
    if (last === "[") {
      const nextI = this.keyIndex();
      let crt: Value[] = [];
      if (list.length > i && list[i] !== null && list[i] !== undefined) {
        const existing = list[i];
        if (!Array.isArray(existing)) throw interfaceConversion(existing, "[]interface {}");
        crt = existing;
      }
      const [list2] = this.listItem(crt, nextI, nested);
      return [setIndex(list, i, list2), undefined];
    }
    // last === "."
    let inner = newMap();
    if (list.length > i) {
      const existing = list[i];
      if (isMap(existing)) inner = existing;
      else list[i] = inner;
    }
    // helm returns the list unchanged when the nested key ends the input early.
    const sig = this.key(inner, nested);
    if (sig === EOF) return [list, EOF];
    return [setIndex(list, i, inner), sig];
  }

  /** Consumes spaces and one ','; true at a ',' or the end. */
  private emptyVal(): boolean {
    for (;;) {
      const r = this.sc.read();
      if (r === undefined || r === ",") return true;
      if (!/\s/u.test(r)) {
        this.sc.unread();
        return false;
      }
    }
  }

  private valList(): Value[] | Signal {
    const r = this.sc.read();
    if (r === undefined) return EOF;
    if (r !== "{") {
      this.sc.unread();
      return NOT_LIST;
    }
    const list: Value[] = [];
    for (;;) {
      const { v: rs, last, eof } = runesUntil(this.sc, ",}");
      if (eof) throw new StrvalsError("list must terminate with '}'");
      if (last === "}") {
        const next = this.sc.read();
        if (next !== undefined && next !== ",") this.sc.unread();
        list.push((this.reader as RunesReader)(rs));
        return list;
      }
      list.push((this.reader as RunesReader)(rs));
    }
  }
}

function set(data: GoMap, key: string, v: Value): void {
  if (key.length === 0) return;
  data[key] = v;
}

function setIndex(list: Value[], index: number, v: Value): Value[] {
  if (index < 0) throw new StrvalsError(`negative ${index} index not allowed`);
  if (index > MAX_INDEX)
    throw new StrvalsError(`index of ${index} is greater than maximum supported index of ${MAX_INDEX}`);
  const out = list.length <= index ? [...list, ...new Array<Value>(index + 1 - list.length).fill(null)] : list;
  out[index] = v;
  return out;
}

/** --set: typed values. */
export function parseSetInto(s: string, dest: GoMap): void {
  new StrvalsParser(s, dest, (rs) => typedVal(rs, false)).parse();
}

/** --set-string: every value a string. */
export function parseSetStringInto(s: string, dest: GoMap): void {
  new StrvalsParser(s, dest, (rs) => typedVal(rs, true)).parse();
}

/** --set-json: each value is JSON. */
export function parseSetJsonInto(s: string, dest: GoMap): void {
  new StrvalsParser(s, dest, undefined, true).parse();
}

/** --set-file: each value is a path whose content becomes the string value. */
export function parseSetFileInto(s: string, dest: GoMap, reader: RunesReader): void {
  new StrvalsParser(s, dest, reader).parse();
}
