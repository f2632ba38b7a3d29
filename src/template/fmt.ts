// Go's fmt.Sprint, Sprintln and Sprintf over the template value model: the
// verbs and flags, Go's %!verb(type=value) error forms, map key sorting, and
// the Stringer/error methods of GoObjects, honoured inside slices and maps too.

import { Fmt } from "./fmtcore.js";
import { formatFloat } from "./floatfmt.js";
import { sortedKeys, typeOf } from "./reflect.js";
import { elemType, GoInt, GoObject, mapValueType, type GoMap, type Value } from "./value.js";

const decoder = new TextDecoder();

class Printer extends Fmt {
  /** Set while printing a %!verb(...) error: methods are not called then. */
  erroring = false;
  reordered = false;
  goodArgNum = true;

  printArg(arg: Value, verb: string): void {
    if (arg === null || arg === undefined) {
      if (verb === "T" || verb === "v") this.pad("<nil>");
      else this.badVerb(arg, verb);
      return;
    }
    if (verb === "T") {
      this.fmtS(typeOf(arg));
      return;
    }
    if (verb === "p") {
      this.fmtPointer(arg, verb);
      return;
    }
    switch (typeof arg) {
      case "string":
        this.fmtString(arg, verb);
        return;
      case "number":
        this.fmtFloat64(arg, verb);
        return;
      case "boolean":
        this.fmtBool(arg, verb);
        return;
    }
    if (arg instanceof GoInt) {
      this.fmtInt(arg, verb);
      return;
    }
    if (arg instanceof Uint8Array) {
      this.fmtBytes(arg, verb, "[]byte");
      return;
    }
    if (!this.handleMethods(arg, verb)) this.printValue(arg, verb, 0);
  }

  badVerb(v: Value, verb: string): void {
    this.erroring = true;
    this.buf += "%!" + verb + "(";
    if (v === null || v === undefined) this.buf += "<nil>";
    else {
      this.buf += typeOf(v) + "=";
      this.printArg(v, "v");
    }
    this.buf += ")";
    this.erroring = false;
  }

  fmtBool(v: boolean, verb: string): void {
    if (verb === "t" || verb === "v") this.fmtBoolean(v);
    else this.badVerb(v, verb);
  }

  fmtInt(n: GoInt, verb: string): void {
    const v = n.v;
    switch (verb) {
      case "v":
        if (this.sharpV && n.kind.startsWith("u")) this.fmt0x64(v, true);
        else this.fmtInteger(v, 10, verb, false);
        return;
      case "d":
        this.fmtInteger(v, 10, verb, false);
        return;
      case "b":
        this.fmtInteger(v, 2, verb, false);
        return;
      case "o":
      case "O":
        this.fmtInteger(v, 8, verb, false);
        return;
      case "x":
        this.fmtInteger(v, 16, verb, false);
        return;
      case "X":
        this.fmtInteger(v, 16, verb, true);
        return;
      case "c":
        this.fmtC(v);
        return;
      case "q":
        this.fmtQc(v);
        return;
      case "U":
        this.fmtUnicode(v);
        return;
    }
    this.badVerb(n, verb);
  }

  /** %#v of unsigned integers: 0x-prefixed hex. */
  fmt0x64(v: bigint, leading0x: boolean): void {
    const sharp = this.sharp;
    this.sharp = leading0x;
    this.fmtInteger(v, 16, "v", false);
    this.sharp = sharp;
  }

  fmtFloat64(v: number, verb: string, size: 32 | 64 = 64): void {
    switch (verb) {
      case "v":
        this.fmtFloat(v, size, "g", -1);
        return;
      case "b":
      case "g":
      case "G":
      case "x":
      case "X":
        this.fmtFloat(v, size, verb, -1);
        return;
      case "f":
      case "e":
      case "E":
      case "F":
        this.fmtFloat(v, size, verb, 6);
        return;
    }
    this.badVerb(v, verb);
  }

  fmtString(v: string, verb: string): void {
    switch (verb) {
      case "v":
        if (this.sharpV) this.fmtQ(v);
        else this.fmtS(v);
        return;
      case "s":
        this.fmtS(v);
        return;
      case "x":
      case "X":
        this.fmtSx(v, verb === "X");
        return;
      case "q":
        this.fmtQ(v);
        return;
    }
    this.badVerb(v, verb);
  }

  fmtBytes(v: Uint8Array, verb: string, typeString: string): void {
    switch (verb) {
      case "v":
      case "d":
        if (this.sharpV) {
          this.buf += typeString + "{";
          for (let i = 0; i < v.length; i++) {
            if (i > 0) this.buf += ", ";
            this.fmt0x64(BigInt(v[i]!), true);
          }
          this.buf += "}";
        } else {
          this.buf += "[";
          for (let i = 0; i < v.length; i++) {
            if (i > 0) this.buf += " ";
            this.fmtInteger(BigInt(v[i]!), 10, verb, false);
          }
          this.buf += "]";
        }
        return;
      case "s":
        this.fmtS(decoder.decode(v));
        return;
      case "x":
      case "X":
        this.fmtSbx(v, verb === "X");
        return;
      case "q":
        this.fmtQ(decoder.decode(v));
        return;
    }
    // Other verbs print the bytes as a slice of uint8.
    this.buf += "[";
    for (let i = 0; i < v.length; i++) {
      if (i > 0) this.buf += " ";
      this.fmtInt(new GoInt(BigInt(v[i]!), "uint8"), verb);
    }
    this.buf += "]";
  }

  /** Stringer and error, for the verbs that accept a string. */
  handleMethods(v: Value, verb: string): boolean {
    if (this.erroring || this.sharpV || !(v instanceof GoObject)) return false;
    if (verb !== "v" && verb !== "s" && verb !== "x" && verb !== "X" && verb !== "q") return false;
    // A struct inside an interface is not addressable: pointer-receiver methods are out of reach.
    if (v.goPointerMethods && v.goKind() !== "ptr") return false;
    if (v.goError) {
      this.fmtString(v.goError(), verb);
      return true;
    }
    if (v.goString) {
      this.fmtString(v.goString(), verb);
      return true;
    }
    return false;
  }

  fmtPointer(v: Value, verb: string): void {
    const addr = addressOf(v);
    if (addr === undefined) {
      this.badVerb(v, verb);
      return;
    }
    if (verb === "v" && this.sharpV) {
      this.buf += "(" + typeOf(v) + ")(0x" + addr.toString(16) + ")";
      return;
    }
    if (verb === "v" || verb === "p") {
      const sharp = this.sharp;
      this.sharp = verb === "p" ? !this.sharp : true;
      this.fmtInteger(BigInt(addr), 16, "v", false);
      this.sharp = sharp;
      return;
    }
    if (verb === "b" || verb === "o" || verb === "d" || verb === "x" || verb === "X") {
      this.fmtInt(new GoInt(BigInt(addr), "uintptr" as "uint"), verb);
      return;
    }
    this.badVerb(v, verb);
  }

  /** An element of a collection: nil interface elements print as <nil> whatever the verb. */
  printElem(v: Value, verb: string, depth: number, ifaceType: string): void {
    if (v === null || v === undefined) {
      this.buf += this.sharpV ? ifaceType + "(nil)" : "<nil>";
      return;
    }
    if (depth > 0 && this.handleMethods(v, verb)) return;
    this.printValue(v, verb, depth);
  }

  printValue(v: Value, verb: string, depth: number): void {
    if (v === null || v === undefined) {
      if (verb === "v") this.buf += "<nil>";
      else this.badVerb(v, verb);
      return;
    }
    switch (typeof v) {
      case "string":
        this.fmtString(v, verb);
        return;
      case "number":
        this.fmtFloat64(v, verb);
        return;
      case "boolean":
        this.fmtBool(v, verb);
        return;
    }
    if (v instanceof GoInt) this.fmtInt(v, verb);
    else if (v instanceof Uint8Array) this.fmtBytes(v, verb, "[]uint8");
    else if (v instanceof GoObject) this.printObject(v, verb, depth);
    else if (Array.isArray(v)) this.printSlice(v, verb, depth);
    else this.printMap(v, verb, depth);
  }

  printSlice(v: Value[], verb: string, depth: number): void {
    const et = elemType(v);
    if (this.sharpV) {
      this.buf += typeOf(v) + "{";
      for (let i = 0; i < v.length; i++) {
        if (i > 0) this.buf += ", ";
        this.printElem(v[i], verb, depth + 1, et);
      }
      this.buf += "}";
      return;
    }
    this.buf += "[";
    for (let i = 0; i < v.length; i++) {
      if (i > 0) this.buf += " ";
      this.printElem(v[i], verb, depth + 1, et);
    }
    this.buf += "]";
  }

  printMap(m: GoMap, verb: string, depth: number): void {
    const vt = mapValueType(m);
    this.buf += this.sharpV ? typeOf(m) + "{" : "map[";
    const keys = sortedKeys(m);
    for (let i = 0; i < keys.length; i++) {
      if (i > 0) this.buf += this.sharpV ? ", " : " ";
      const k = keys[i]!;
      this.fmtString(k, verb);
      this.buf += ":";
      this.printElem(m[k], verb, depth + 1, vt);
    }
    this.buf += this.sharpV ? "}" : "]";
  }

  printObject(o: GoObject, verb: string, depth: number): void {
    const kind = o.goKind();
    if (kind !== "struct" && kind !== "ptr" && o.goJson) {
      // A named non-struct type (time.Month is an int) prints as its underlying value.
      this.printValue(o.goJson(), verb, depth);
      return;
    }
    const type = o.goType();
    if (o.goKind() === "ptr" && type.startsWith("*")) {
      // Go prints &{...} only for the outermost pointer; deeper ones are addresses.
      if (depth > 0) {
        this.fmtPointer(o, verb);
        return;
      }
      this.buf += "&";
      if (this.sharpV) this.buf += type.slice(1);
    } else if (this.sharpV) this.buf += type;
    this.printFields(o, verb, depth + 1);
  }

  printFields(o: GoObject, verb: string, depth: number): void {
    this.buf += "{";
    const names = o.fieldNames();
    for (let i = 0; i < names.length; i++) {
      if (i > 0) this.buf += this.sharpV ? ", " : " ";
      if (this.plusV || this.sharpV) this.buf += names[i] + ":";
      this.printElem(o.field(names[i]!) ?? null, verb, depth, "interface {}");
    }
    this.buf += "}";
  }

  doPrintf(format: string, a: Value[]): void {
    const end = format.length;
    let argNum = 0;
    let afterIndex = false;
    this.reordered = false;
    let i = 0;
    formatLoop: while (i < end) {
      this.goodArgNum = true;
      const lasti = i;
      while (i < end && format.charCodeAt(i) !== 37) i++;
      if (i > lasti) this.buf += format.slice(lasti, i);
      if (i >= end) break;
      i++;
      this.clearFlags();
      simple: for (; i < end; i++) {
        const c = format[i]!;
        switch (c) {
          case "#":
            this.sharp = true;
            break;
          case "0":
            this.zero = !this.minus;
            break;
          case "+":
            this.plus = true;
            break;
          case "-":
            this.minus = true;
            this.zero = false;
            break;
          case " ":
            this.space = true;
            break;
          default:
            if (c >= "a" && c <= "z" && argNum < a.length) {
              if (c === "v") this.moveVFlags();
              this.printArg(a[argNum], c);
              argNum++;
              i++;
              continue formatLoop;
            }
            break simple;
        }
      }
      [argNum, i, afterIndex] = this.argNumber(argNum, format, i, a.length);
      if (i < end && format[i] === "*") {
        i++;
        [this.wid, this.widPresent, argNum] = intFromArg(a, argNum);
        if (!this.widPresent) this.buf += "%!(BADWIDTH)";
        if (this.wid < 0) {
          this.wid = -this.wid;
          this.minus = true;
          this.zero = false;
        }
        afterIndex = false;
      } else {
        [this.wid, this.widPresent, i] = parsenum(format, i, end);
        if (afterIndex && this.widPresent) this.goodArgNum = false;
      }
      if (i + 1 < end && format[i] === ".") {
        i++;
        if (afterIndex) this.goodArgNum = false;
        [argNum, i, afterIndex] = this.argNumber(argNum, format, i, a.length);
        if (i < end && format[i] === "*") {
          i++;
          [this.prec, this.precPresent, argNum] = intFromArg(a, argNum);
          if (this.prec < 0) {
            this.prec = 0;
            this.precPresent = false;
          }
          if (!this.precPresent) this.buf += "%!(BADPREC)";
          afterIndex = false;
        } else {
          [this.prec, this.precPresent, i] = parsenum(format, i, end);
          if (!this.precPresent) {
            this.prec = 0;
            this.precPresent = true;
          }
        }
      }
      if (!afterIndex) [argNum, i, afterIndex] = this.argNumber(argNum, format, i, a.length);
      if (i >= end) {
        this.buf += "%!(NOVERB)";
        break;
      }
      const cp = format.codePointAt(i)!;
      const verb = String.fromCodePoint(cp);
      i += verb.length;
      if (verb === "%") this.buf += "%";
      else if (!this.goodArgNum) this.buf += "%!" + verb + "(BADINDEX)";
      else if (argNum >= a.length) this.buf += "%!" + verb + "(MISSING)";
      else {
        if (verb === "v") this.moveVFlags();
        // %w outside fmt.Errorf is a bad verb, which printArg reports.
        this.printArg(a[argNum], verb);
        argNum++;
      }
    }
    if (!this.reordered && argNum < a.length) {
      this.clearFlags();
      this.buf += "%!(EXTRA ";
      for (let k = argNum; k < a.length; k++) {
        if (k > argNum) this.buf += ", ";
        const arg = a[k];
        if (arg === null || arg === undefined) this.buf += "<nil>";
        else {
          this.buf += typeOf(arg) + "=";
          this.printArg(arg, "v");
        }
      }
      this.buf += ")";
    }
  }

  /** %v turns # into Go-syntax mode and + into field names. */
  moveVFlags(): void {
    this.sharpV = this.sharp;
    this.sharp = false;
    this.plusV = this.plus;
    this.plus = false;
  }

  argNumber(argNum: number, format: string, i: number, numArgs: number): [number, number, boolean] {
    if (format.length <= i || format[i] !== "[") return [argNum, i, false];
    this.reordered = true;
    const [index, wid, ok] = parseArgNumber(format, i);
    if (ok && index >= 0 && index < numArgs) return [index, i + wid, true];
    this.goodArgNum = false;
    return [argNum, i + wid, ok];
  }
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

// Go prints the address of maps, slices and pointers for %p; ours are stable per object.
const addresses = new WeakMap<object, number>();
let nextAddress = 0xc000010000;

function addressOf(v: Value): number | undefined {
  if (typeof v !== "object" || v === null || v instanceof GoInt) return undefined;
  if (v instanceof GoObject && v.goKind() !== "ptr") return undefined;
  let a = addresses.get(v);
  if (a === undefined) {
    a = nextAddress;
    nextAddress += 0x30;
    addresses.set(v, a);
  }
  return a;
}

/** fmt.Sprintf. */
export function sprintf(format: string, args: Value[]): string {
  const p = new Printer();
  p.doPrintf(format, args);
  return p.buf;
}

/** fmt.Sprint: a space between operands when neither side is a string. */
export function sprint(args: Value[]): string {
  if (args.length === 1) return formatAny(args[0]);
  const p = new Printer();
  let prevString = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const isString = typeof arg === "string";
    if (i > 0 && !isString && !prevString) p.buf += " ";
    p.printArg(arg, "v");
    prevString = isString;
  }
  return p.buf;
}

/** fmt.Sprintln: operands always space-separated, then a newline. */
export function sprintln(args: Value[]): string {
  const p = new Printer();
  for (let i = 0; i < args.length; i++) {
    if (i > 0) p.buf += " ";
    p.printArg(args[i], "v");
  }
  return p.buf + "\n";
}

/** %v of one value as fmt.Sprint prints it (nil is "<nil>"). */
export function formatAny(v: Value): string {
  if (typeof v === "string") return v;
  if (typeof v === "number") return formatNumber(v);
  if (typeof v === "boolean") return v ? "true" : "false";
  const p = new Printer();
  p.printArg(v, "v");
  return p.buf;
}

function formatNumber(v: number): string {
  // Where Go's shortest %g prints plain digits (1e-4 <= |v| < 1e6), JS's
  // shortest round-trip digits print identically; elsewhere the exponent forms differ.
  const a = v < 0 ? -v : v;
  if ((a >= 1e-4 && a < 1e6) || (v === 0 && !Object.is(v, -0))) return String(v);
  return formatFloat(v, "g", -1);
}

/**
 * What `{{ .x }}` prints: Go's printValue, which follows a pointer to its
 * struct (no "&") unless the pointer has a String or Error method, and prints
 * a missing or nil value as "<no value>".
 */
export function formatV(v: Value): string {
  if (typeof v === "string") return v;
  if (typeof v === "number") return formatNumber(v);
  if (v === null || v === undefined) return "<no value>";
  if (v instanceof GoObject) {
    // Values reached through fields and variables are addressable, so
    // pointer-receiver String/Error methods apply here too.
    if (v.goError) return v.goError();
    if (v.goString) return v.goString();
    if (v.goKind() === "ptr") {
      const p = new Printer();
      p.printFields(v, "v", 1);
      return p.buf;
    }
  }
  return formatAny(v);
}
