// Number literals as Go's parser reads them (parse/node.go newNumber): a
// literal may be valid as int, uint, float and complex at once, and the
// executor later picks the interpretation the parameter type asks for.
import { T } from "./lex.js";
import { fitsInt64, fitsUint64, goQuote, parseGoFloat, parseGoInteger, unquoteChar } from "./literals.js";
import { GoComplex, NumberNode } from "./node.js";

function complexNumber(n: NumberNode, pair: boolean): NumberNode {
  const text = n.text;
  let re = 0;
  let imText = text.slice(0, -1);
  if (pair) {
    // "1+2i": the sign that starts the imaginary part is not the first character or an exponent's.
    let k = text.length - 2;
    while (k > 0 && !((text[k] === "+" || text[k] === "-") && !/[eEpP]/.test(text[k - 1]))) k--;
    const r = parseGoFloat(text.slice(0, k));
    if (r === undefined) throw new Error(`illegal number syntax: ${goQuote(text)}`);
    re = r;
    imText = text.slice(k, -1);
  }
  const im = parseGoFloat(imText);
  if (im === undefined) throw new Error(`illegal number syntax: ${goQuote(text)}`);
  if (im !== 0) {
    n.isComplex = true;
    n.complex = new GoComplex(re, im);
    return n;
  }
  // A zero imaginary part simplifies to a real constant, as in Go.
  n.isFloat = true;
  n.float64 = re;
  if (Number.isInteger(re)) {
    n.isInt = true;
    n.isUint = re >= 0;
    n.int64 = n.uint64 = BigInt(re);
  }
  return n;
}

/** Go's parse.newNumber: every interpretation of a number literal that succeeds. Throws Error(reason). */
export function newNumber(pos: number, text: string, typ: T): NumberNode {
  const n = new NumberNode(pos, text);
  if (typ === T.CharConstant) {
    const r = unquoteChar(text);
    if (r === undefined) throw new Error(`malformed character constant: ${text}`);
    n.isInt = n.isUint = n.isFloat = true;
    n.int64 = n.uint64 = BigInt(r);
    n.float64 = r;
    return n;
  }
  if (typ === T.Complex || text.endsWith("i")) return complexNumber(n, typ === T.Complex);
  const signed = parseGoInteger(text);
  if (signed !== undefined && !/^[+-]/.test(text) && fitsUint64(signed)) {
    n.isUint = true;
    n.uint64 = signed;
  }
  if (signed !== undefined && fitsInt64(signed)) {
    n.isInt = true;
    n.int64 = signed;
    if (signed === 0n) {
      n.isUint = true;
      n.uint64 = 0n;
    }
  }
  if (n.isInt) {
    n.isFloat = true;
    n.float64 = Number(n.int64);
  } else if (n.isUint) {
    n.isFloat = true;
    n.float64 = Number(n.uint64);
  } else {
    const f = parseGoFloat(text);
    if (f !== undefined) {
      if (!/[.eEpP]/.test(text)) throw new Error(`integer overflow: ${goQuote(text)}`);
      n.isFloat = true;
      n.float64 = f;
      if (Number.isFinite(f) && Number.isInteger(f)) {
        const b = BigInt(f);
        if (fitsInt64(b)) {
          n.isInt = true;
          n.int64 = b;
        }
        if (fitsUint64(b)) {
          n.isUint = true;
          n.uint64 = b;
        }
      }
    }
  }
  if (!n.isInt && !n.isUint && !n.isFloat) throw new Error(`illegal number syntax: ${goQuote(text)}`);
  return n;
}
