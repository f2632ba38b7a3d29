// fmt's value printer: how each Go kind prints under a verb and flags,
// including Go's %!verb(type=value) errors, map key sorting, struct fields,
// and the String/Error methods of GoObjects (honoured inside collections too).

import { formatShortest } from "./floatfmt.js";
import { Fmt } from "./fmtcore.js";
import { sortedKeys, typeOf } from "./reflect.js";
import { elemType, GoInt, GoObject, mapValueType, type GoMap, type Value } from "./value.js";

const decoder = new TextDecoder();

export class Printer extends Fmt {
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
        if (verb === "v" && this.plain()) this.buf += formatShortest(arg);
        else this.fmtFloat64(arg, verb);
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

  /** No flags, width or precision: the common "%v" / "%d" / "%s". */
  plain(): boolean {
    return !(this.widPresent || this.precPresent || this.plus || this.space || this.sharp || this.sharpV || this.plusV);
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

  /** %v turns # into Go-syntax mode and + into field names. */
  moveVFlags(): void {
    this.sharpV = this.sharp;
    this.sharp = false;
    this.plusV = this.plus;
    this.plus = false;
  }
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
