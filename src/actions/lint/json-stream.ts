// encoding/json.Decoder's view of a stream of JSON values: where each value
// ends, and Go's syntax error ("invalid character 'x' after object key",
// at its byte offset in the stream).

export class JsonStreamError extends Error {
  override name = "JsonStreamError";
}

const space = (c: number) => c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a;
const digit = (c: number) => c >= 0x30 && c <= 0x39;
const hex = (c: number) => digit(c) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46);

/** Go's quoteChar. */
function quoteChar(c: number): string {
  if (c === 0x27) return "'\\''";
  if (c === 0x22) return "'\"'";
  const q = JSON.stringify(String.fromCharCode(c));
  return `'${q.slice(1, -1)}'`;
}

/**
 * The values of a JSON stream as [start, end) byte ranges. Throws
 * JsonStreamError with "json: offset N: ..." for a syntax error and
 * "unexpected EOF" for a value cut short, when the reader reaches it.
 */
export function* jsonValueRanges(buf: Buffer): Generator<[number, number]> {
  let pos = 0;
  for (;;) {
    while (pos < buf.length && space(buf[pos]!)) pos++;
    if (pos >= buf.length) return;
    const fail = (at: number, context: string): never => {
      throw new JsonStreamError(`json: offset ${at + 1}: invalid character ${quoteChar(buf[at]!)} ${context}`);
    };
    const need = (at: number) => {
      if (at >= buf.length) throw new JsonStreamError("unexpected EOF");
      return buf[at]!;
    };
    const skip = (at: number) => {
      while (at < buf.length && space(buf[at]!)) at++;
      return at;
    };
    // Each parser returns the offset just past what it read.
    const value = (at: number): number => {
      at = skip(at);
      const c = need(at);
      if (c === 0x7b) return object(at + 1);
      if (c === 0x5b) return array(at + 1);
      if (c === 0x22) return string(at + 1);
      if (c === 0x2d || digit(c)) return number(at);
      for (const lit of ["true", "false", "null"]) {
        if (c !== lit.charCodeAt(0)) continue;
        for (let i = 1; i < lit.length; i++) {
          if (need(at + i) !== lit.charCodeAt(i)) fail(at + i, `in literal ${lit} (expecting ${quoteChar(lit.charCodeAt(i))})`);
        }
        return at + lit.length;
      }
      return fail(at, "looking for beginning of value");
    };
    const string = (at: number): number => {
      for (;;) {
        const c = need(at);
        if (c === 0x22) return at + 1;
        if (c < 0x20) fail(at, "in string literal");
        if (c === 0x5c) {
          const e = need(at + 1);
          if (e === 0x75) {
            for (let i = 2; i < 6; i++) if (!hex(need(at + i))) fail(at + i, "in \\u hexadecimal character escape");
            at += 6;
            continue;
          }
          if (!'bfnrt\\/"'.includes(String.fromCharCode(e))) fail(at + 1, "in string escape code");
          at += 2;
          continue;
        }
        at++;
      }
    };
    const number = (at: number): number => {
      if (buf[at] === 0x2d) {
        at++;
        if (!digit(need(at))) fail(at, "in numeric literal");
      }
      if (buf[at] === 0x30) at++;
      else while (at < buf.length && digit(buf[at]!)) at++;
      if (buf[at] === 0x2e) {
        at++;
        if (!digit(need(at))) fail(at, "after decimal point in numeric literal");
        while (at < buf.length && digit(buf[at]!)) at++;
      }
      if (buf[at] === 0x65 || buf[at] === 0x45) {
        at++;
        if (buf[at] === 0x2b || buf[at] === 0x2d) at++;
        if (!digit(need(at))) fail(at, "in exponent of numeric literal");
        while (at < buf.length && digit(buf[at]!)) at++;
      }
      return at;
    };
    const object = (at: number): number => {
      at = skip(at);
      if (need(at) === 0x7d) return at + 1;
      for (;;) {
        at = skip(at);
        if (need(at) !== 0x22) fail(at, "looking for beginning of object key string");
        at = skip(string(at + 1));
        if (need(at) !== 0x3a) fail(at, "after object key");
        at = skip(value(at + 1));
        const c = need(at);
        if (c === 0x7d) return at + 1;
        if (c !== 0x2c) fail(at, "after object key:value pair");
        at++;
      }
    };
    const array = (at: number): number => {
      at = skip(at);
      if (need(at) === 0x5d) return at + 1;
      for (;;) {
        at = skip(value(at));
        const c = need(at);
        if (c === 0x5d) return at + 1;
        if (c !== 0x2c) fail(at, "after array element");
        at++;
      }
    };
    const end = value(pos);
    yield [pos, end];
    pos = end;
  }
}
