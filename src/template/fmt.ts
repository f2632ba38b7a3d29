// Go's fmt.Sprint, Sprintln and Sprintf over the template value model:
// Printf's format parsing (flags, width, precision, * and [n] argument
// indexes, MISSING/EXTRA/BADINDEX/NOVERB errors) and the public entry points.

import { formatShortest } from "./floatfmt.js";
import { Printer } from "./fmtprint.js";
import { typeOf } from "./reflect.js";
import { GoInt, GoObject, type Value } from "./value.js";

function doPrintf(p: Printer, format: string, a: Value[]): void {
  const end = format.length;
  let argNum = 0;
  let afterIndex = false;
  p.reordered = false;
  let i = 0;
  formatLoop: while (i < end) {
    p.goodArgNum = true;
    const lasti = i;
    while (i < end && format.charCodeAt(i) !== 37) i++;
    if (i > lasti) p.buf += format.slice(lasti, i);
    if (i >= end) break;
    i++;
    p.clearFlags();
    simple: for (; i < end; i++) {
      const c = format[i]!;
      switch (c) {
        case "#":
          p.sharp = true;
          break;
        case "0":
          p.zero = !p.minus;
          break;
        case "+":
          p.plus = true;
          break;
        case "-":
          p.minus = true;
          p.zero = false;
          break;
        case " ":
          p.space = true;
          break;
        default:
          if (c >= "a" && c <= "z" && argNum < a.length) {
            if (c === "v") p.moveVFlags();
            p.printArg(a[argNum], c);
            argNum++;
            i++;
            continue formatLoop;
          }
          break simple;
      }
    }
    [argNum, i, afterIndex] = argNumber(p, argNum, format, i, a.length);
    if (i < end && format[i] === "*") {
      i++;
      [p.wid, p.widPresent, argNum] = intFromArg(a, argNum);
      if (!p.widPresent) p.buf += "%!(BADWIDTH)";
      if (p.wid < 0) {
        p.wid = -p.wid;
        p.minus = true;
        p.zero = false;
      }
      afterIndex = false;
    } else {
      [p.wid, p.widPresent, i] = parsenum(format, i, end);
      if (afterIndex && p.widPresent) p.goodArgNum = false;
    }
    if (i + 1 < end && format[i] === ".") {
      i++;
      if (afterIndex) p.goodArgNum = false;
      [argNum, i, afterIndex] = argNumber(p, argNum, format, i, a.length);
      if (i < end && format[i] === "*") {
        i++;
        [p.prec, p.precPresent, argNum] = intFromArg(a, argNum);
        if (p.prec < 0) {
          p.prec = 0;
          p.precPresent = false;
        }
        if (!p.precPresent) p.buf += "%!(BADPREC)";
        afterIndex = false;
      } else {
        [p.prec, p.precPresent, i] = parsenum(format, i, end);
        if (!p.precPresent) {
          p.prec = 0;
          p.precPresent = true;
        }
      }
    }
    if (!afterIndex) [argNum, i, afterIndex] = argNumber(p, argNum, format, i, a.length);
    if (i >= end) {
      p.buf += "%!(NOVERB)";
      break;
    }
    const cp = format.codePointAt(i)!;
    const verb = String.fromCodePoint(cp);
    i += verb.length;
    if (verb === "%") p.buf += "%";
    else if (!p.goodArgNum) p.buf += "%!" + verb + "(BADINDEX)";
    else if (argNum >= a.length) p.buf += "%!" + verb + "(MISSING)";
    else {
      if (verb === "v") p.moveVFlags();
      // %w outside fmt.Errorf is a bad verb, which printArg reports.
      p.printArg(a[argNum], verb);
      argNum++;
    }
  }
  if (!p.reordered && argNum < a.length) {
    p.clearFlags();
    p.buf += "%!(EXTRA ";
    for (let k = argNum; k < a.length; k++) {
      if (k > argNum) p.buf += ", ";
      const arg = a[k];
      if (arg === null || arg === undefined) p.buf += "<nil>";
      else {
        p.buf += typeOf(arg) + "=";
        p.printArg(arg, "v");
      }
    }
    p.buf += ")";
  }
}

function argNumber(p: Printer, argNum: number, format: string, i: number, numArgs: number): [number, number, boolean] {
  if (format.length <= i || format[i] !== "[") return [argNum, i, false];
  p.reordered = true;
  const [index, wid, ok] = parseArgNumber(format, i);
  if (ok && index >= 0 && index < numArgs) return [index, i + wid, true];
  p.goodArgNum = false;
  return [argNum, i + wid, ok];
}

function tooLarge(n: number): boolean {
  return n > 1e6 || n < -1e6;
}

function parsenum(s: string, start: number, end: number): [number, boolean, number] {
  if (start >= end) return [0, false, end];
  let num = 0;
  let isnum = false;
  let i = start;
  for (; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) break;
    if (tooLarge(num)) return [0, false, end];
    num = num * 10 + (c - 48);
    isnum = true;
  }
  return [num, isnum, i];
}

/** "[n]" at format[i]: the zero-based index, the length consumed, and whether it parsed. */
function parseArgNumber(format: string, start: number): [number, number, boolean] {
  if (format.length - start < 3) return [0, 1, false];
  for (let i = start + 1; i < format.length; i++) {
    if (format[i] === "]") {
      const [width, ok, newi] = parsenum(format, start + 1, i);
      if (!ok || newi !== i) return [0, i - start + 1, false];
      return [width - 1, i - start + 1, true];
    }
  }
  return [0, 1, false];
}

/** A * width or precision: only Go integer kinds count. */
function intFromArg(a: Value[], argNum: number): [number, boolean, number] {
  if (argNum >= a.length) return [0, false, argNum];
  const v = a[argNum];
  let num = 0;
  let isInt = false;
  if (v instanceof GoInt && v.v >= -(1n << 63n) && v.v < 1n << 63n) {
    num = Number(v.v);
    isInt = true;
  }
  if (tooLarge(num)) {
    num = 0;
    isInt = false;
  }
  return [num, isInt, argNum + 1];
}

// Printers are reused, as Go pools them; a String method may print re-entrantly.
const pool: Printer[] = [];

function take(): Printer {
  return pool.pop() ?? new Printer();
}

function done(p: Printer): string {
  const out = p.buf;
  p.buf = "";
  p.clearFlags();
  p.erroring = false;
  if (pool.length < 8) pool.push(p);
  return out;
}

/** fmt.Sprintf. */
export function sprintf(format: string, args: Value[]): string {
  const p = take();
  try {
    doPrintf(p, format, args);
    return done(p);
  } catch (e) {
    done(p);
    throw e;
  }
}

/** fmt.Sprint: a space between operands when neither side is a string. */
export function sprint(args: Value[]): string {
  if (args.length === 1) return formatAny(args[0]);
  let out = "";
  let prevString = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    // Go tests the kind, so named string types count as strings too.
    const isString = typeof arg === "string" || (arg instanceof GoObject && arg.goKind() === "string");
    if (i > 0 && !isString && !prevString) out += " ";
    out += formatAny(arg);
    prevString = isString;
  }
  return out;
}

/** fmt.Sprintln: operands always space-separated, then a newline. */
export function sprintln(args: Value[]): string {
  let out = "";
  for (let i = 0; i < args.length; i++) {
    if (i > 0) out += " ";
    out += formatAny(args[i]);
  }
  return out + "\n";
}

/** %v of one value as fmt.Sprint prints it (nil is "<nil>"). */
export function formatAny(v: Value): string {
  switch (typeof v) {
    case "string":
      return v;
    case "number":
      return formatShortest(v);
    case "boolean":
      return v ? "true" : "false";
  }
  if (v instanceof GoInt) {
    const n = Number(v.v);
    return Number.isSafeInteger(n) ? String(n) : v.v.toString();
  }
  if (v === null || v === undefined) return "<nil>";
  const p = take();
  try {
    p.printArg(v, "v");
    return done(p);
  } catch (e) {
    done(p);
    throw e;
  }
}

/**
 * What `{{ .x }}` prints: Go's printValue, which follows a pointer to its
 * struct (no "&") unless the pointer has a String or Error method, and prints
 * a missing or nil value as "<no value>".
 */
export function formatV(v: Value): string {
  if (typeof v === "string") return v;
  if (typeof v === "number") return formatShortest(v);
  if (v === null || v === undefined) return "<no value>";
  if (v instanceof GoObject) {
    // Values reached through fields and variables are addressable, so
    // pointer-receiver String/Error methods apply here too.
    if (v.goError) return v.goError();
    if (v.goString) return v.goString();
    if (v.goKind() === "ptr") {
      const p = take();
      p.printFields(v, "v", 1);
      return done(p);
    }
  }
  return formatAny(v);
}
