// --set-literal: one key path, and everything after the first "=" is the
// string value, commas and backslashes included.
import { type GoMap, isMap, newMap, type Value } from "../template/value.js";
import { goTypeName } from "./gotype.js";
import { goRunesQ, MAX_INDEX, MAX_NESTED_NAME_LEVEL, StrvalsError } from "./strvals.js";

function conversion(v: Value, want: string): StrvalsError {
  return new StrvalsError(`unable to parse key: interface conversion: interface {} is ${goTypeName(v)}, not ${want}`);
}

function setIndex(list: Value[], index: number, v: Value): Value[] {
  if (index < 0) throw new StrvalsError(`negative ${index} index not allowed`);
  if (index > MAX_INDEX)
    throw new StrvalsError(`index of ${index} is greater than maximum supported index of ${MAX_INDEX}`);
  const out = list.length <= index ? [...list, ...new Array<Value>(index + 1 - list.length).fill(null)] : list;
  out[index] = v;
  return out;
}

class LiteralParser {
  private pos = 0;
  private readonly runes: string[];
  constructor(input: string) {
    this.runes = Array.from(input);
  }

  private until(stop: string): { v: string; last?: string } {
    let v = "";
    while (this.pos < this.runes.length) {
      const r = this.runes[this.pos++] as string;
      if (stop.includes(r)) return { v, last: r };
      v += r;
    }
    return { v };
  }

  private rest(): string {
    const v = this.runes.slice(this.pos).join("");
    this.pos = this.runes.length;
    return v;
  }

  /** Returns true when the input is used up. */
  key(data: GoMap, nested: number): boolean {
    const { v: key, last } = this.until("=[.");
    if (last === undefined) {
      if (key.length === 0) return true;
      throw new StrvalsError(`key ${JSON.stringify(key)} has no value`);
    }
    if (last === "=") {
      if (key !== "") data[key] = this.rest();
      return false;
    }
    if (last === ".") {
      nested++;
      if (nested > MAX_NESTED_NAME_LEVEL)
        throw new StrvalsError(
          `value name nested level is greater than maximum supported nested level of ${MAX_NESTED_NAME_LEVEL}`,
        );
      let inner = newMap();
      if (key in data) {
        const existing = data[key];
        if (!isMap(existing)) throw conversion(existing, "map[string]interface {}");
        inner = existing;
      }
      const done = this.key(inner, nested);
      if (!done && Object.keys(inner).length === 0) throw new StrvalsError(`key map ${JSON.stringify(key)} has no value`);
      if (Object.keys(inner).length > 0 && key !== "") data[key] = inner;
      return done;
    }
    const i = this.index();
    let list: Value[] = [];
    if (key in data) {
      const existing = data[key];
      if (!Array.isArray(existing)) throw conversion(existing, "[]interface {}");
      list = existing;
    }
    const [out, done] = this.listItem(list, i, nested);
    if (key !== "") data[key] = out;
    return done;
  }

  private index(): number {
    const { v, last } = this.until("]");
    if (last === undefined) throw new StrvalsError("error parsing index: EOF");
    if (!/^[+-]?[0-9]+$/.test(v))
      throw new StrvalsError(`error parsing index: strconv.Atoi: parsing ${JSON.stringify(v)}: invalid syntax`);
    return Number(v);
  }

  private listItem(list: Value[], i: number, nested: number): [Value[], boolean] {
    if (i < 0) throw new StrvalsError(`negative ${i} index not allowed`);
    const { v: key, last } = this.until("[.=");
    if (key.length > 0) throw new StrvalsError(`unexpected data at end of array index: ${goRunesQ(key)}`);
    if (last === undefined) return [list, true];
    if (last === "=") return [setIndex(list, i, this.rest()), false];
    if (last === ".") {
      let inner = newMap();
      if (list.length > i) {
        const existing = list[i];
        if (isMap(existing)) inner = existing;
        else list[i] = inner;
      }
      const done = this.key(inner, nested);
      if (done) return [list, true];
      return [setIndex(list, i, inner), false];
    }
    const nextI = this.index();
    let crt: Value[] = [];
    if (list.length > i && list[i] !== null && list[i] !== undefined) {
      const existing = list[i];
      if (!Array.isArray(existing)) throw conversion(existing, "[]interface {}");
      crt = existing;
    }
    const [list2] = this.listItem(crt, nextI, nested);
    return [setIndex(list, i, list2), false];
  }
}

/** --set-literal: parse KEY=VALUE into dest, VALUE taken verbatim. */
export function parseSetLiteralInto(s: string, dest: GoMap): void {
  const p = new LiteralParser(s);
  while (!p.key(dest, 0)) {
    /* one pair per flag; the loop ends at the end of input */
  }
}
