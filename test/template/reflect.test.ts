import { describe, expect, it } from "vitest";
import {
  basicKind,
  compareGoStrings,
  deepEqual,
  isEmpty,
  isTrue,
  kindOf,
  sortedKeys,
  typeOf,
  underlying,
} from "../../src/template/reflect.js";
import { GoInt, GoObject, type GoMap, newMap, setElemType, setMapValueType, type Value, withMethods } from "../../src/template/value.js";

const int = (n: number, kind: GoInt["kind"] = "int") => new GoInt(BigInt(n), kind);
function map(o: Record<string, Value>): GoMap {
  const m = newMap();
  for (const [k, v] of Object.entries(o)) m[k] = v;
  return m;
}
class Meta extends GoObject {
  goType(): string {
    return "*chart.Metadata";
  }
  override fieldNames(): string[] {
    return ["Name"];
  }
  override field(name: string): Value | undefined {
    return name === "Name" ? "vec" : undefined;
  }
}
class Time extends GoObject {
  goType(): string {
    return "time.Time";
  }
}

describe("typeOf and kindOf", () => {
  it("name Go types as %T does", () => {
    const rows: [Value, string, string][] = [
      ["s", "string", "string"],
      [1.5, "float64", "float64"],
      [true, "bool", "bool"],
      [null, "<nil>", "invalid"],
      [undefined, "<nil>", "invalid"],
      [int(1), "int", "int"],
      [int(1, "int64"), "int64", "int64"],
      [[], "[]interface {}", "slice"],
      [setElemType(["a"], "string"), "[]string", "slice"],
      [new Uint8Array([1]), "[]uint8", "slice"],
      [newMap(), "map[string]interface {}", "map"],
      [setMapValueType(newMap(), "string"), "map[string]string", "map"],
      [withMethods(newMap(), "engine.files", {}), "engine.files", "map"],
      [withMethods(setElemType([], "string"), "chartutil.VersionSet", {}), "chartutil.VersionSet", "slice"],
      [new Meta(), "*chart.Metadata", "ptr"],
      [new Time(), "time.Time", "struct"],
    ];
    for (const [v, type, kind] of rows) expect([typeOf(v), kindOf(v)]).toEqual([type, kind]);
  });
});

describe("truth", () => {
  it("follows text/template's isTrue", () => {
    const falsy: Value[] = [false, 0, -0, "", null, undefined, [], newMap(), new Uint8Array(0), int(0), int(0, "uint8")];
    const truthy: Value[] = [true, 1, Number.NaN, "0", [null], map({ a: null }), int(-1), new Meta(), new Time()];
    for (const v of falsy) expect(isTrue(v)).toBe(false);
    for (const v of truthy) expect(isTrue(v)).toBe(true);
    expect(isEmpty("")).toBe(true);
    expect(isEmpty(new Time())).toBe(false);
  });
});

describe("deepEqual", () => {
  it("compares Go types, not just values", () => {
    expect(deepEqual([int(1), int(2)], [int(1), int(2)])).toBe(true);
    expect(deepEqual(map({ a: int(1) }), map({ a: int(1) }))).toBe(true);
    expect(deepEqual([int(1)], ["1"])).toBe(false);
    expect(deepEqual(null, undefined)).toBe(true);
    expect(deepEqual([], null)).toBe(false);
    expect(deepEqual(int(1), int(1, "int64"))).toBe(false);
    expect(deepEqual(1, int(1))).toBe(false);
    expect(deepEqual(Number.NaN, Number.NaN)).toBe(false);
    expect(deepEqual(setElemType(["a"], "string"), ["a"])).toBe(false);
    expect(deepEqual(map({ a: null }), map({ b: null }))).toBe(false);
    expect(deepEqual(new Uint8Array([1, 2]), new Uint8Array([1, 2]))).toBe(true);
    expect(deepEqual(new Meta(), new Meta())).toBe(true);
  });
});

describe("ordering", () => {
  it("sorts keys by UTF-8 bytes", () => {
    expect(sortedKeys(map({ b: 1, a: 2, "\ufffd": 3, "😀": 4, B: 5, "10": 6, "9": 7 }))).toEqual([
      "10",
      "9",
      "B",
      "a",
      "b",
      "\ufffd",
      "😀",
    ]);
    expect(compareGoStrings("😀", "\uffff")).toBeGreaterThan(0);
    expect(compareGoStrings("a", "ab")).toBeLessThan(0);
  });
  it("classifies operands for eq and lt", () => {
    expect([true, int(1), int(1, "uint8"), 1.5, "s", null, [], new Meta()].map(basicKind)).toEqual([
      "bool",
      "int",
      "uint",
      "float",
      "string",
      "invalid",
      "invalid",
      "invalid",
    ]);
  });
});

describe("named non-struct types", () => {
  class Month extends GoObject {
    constructor(private readonly n: number) {
      super();
    }
    goType(): string {
      return "time.Month";
    }
    override goKind(): string {
      return "int";
    }
    override goJson(): Value {
      return new GoInt(BigInt(this.n));
    }
  }
  it("use their underlying value for truth, comparison and equality", () => {
    expect(isTrue(new Month(0))).toBe(false);
    expect(isTrue(new Month(3))).toBe(true);
    expect(basicKind(underlying(new Month(3)))).toBe("int");
    expect(deepEqual(new Month(1), new Month(2))).toBe(false);
    expect(deepEqual(new Month(2), new Month(2))).toBe(true);
    expect(kindOf(new Month(2))).toBe("int");
  });
});
