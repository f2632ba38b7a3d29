// strconv parsing and quoting. Accept/reject decisions were checked with helm
// (Sprig's float64/int64 turn a strconv error into 0).
import { describe, expect, it } from "vitest";
import {
  atoi,
  canBackquote,
  formatFloat,
  formatInt,
  NumError,
  parseBool,
  parseFloatGo,
  parseInt64,
  parseUint,
  quoteGo,
  quoteRuneGo,
  quoteToASCII,
  RangeFloatError,
} from "../../src/template/strconv.js";

describe("parseFloatGo", () => {
  const ok: [string, number][] = [
    ["1_000", 1000],
    ["0x1p-2", 0.25],
    ["inf", Infinity],
    ["+Inf", Infinity],
    ["-infinity", -Infinity],
    [".5", 0.5],
    ["5.", 5],
    ["0x_1p0", 1],
    ["0x1.8p1", 3],
    ["1_000.5", 1000.5],
    ["1e-400", 0],
    ["0X1P+2", 4],
    ["1.5e+3", 1500],
    ["4e-324", 5e-324],
    ["0x.8p1", 1],
  ];
  for (const [s, want] of ok) {
    it(`accepts ${s}`, () => expect(parseFloatGo(s)).toBe(want));
  }
  it("parses nan and negative zero", () => {
    expect(parseFloatGo("nan")).toBeNaN();
    expect(Object.is(parseFloatGo("-0"), -0)).toBe(true);
  });
  for (const s of ["1__0", "_1", "1e", " 1", "0x1F", "1_e5", "0x1p", "0b101", "", "1.5x"]) {
    it(`rejects ${JSON.stringify(s)}`, () => {
      expect(() => parseFloatGo(s)).toThrow(`strconv.ParseFloat: parsing ${quoteGo(s)}: invalid syntax`);
    });
  }
  it("reports overflow with the infinite value", () => {
    try {
      parseFloatGo("1.7976931348623159e308");
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(RangeFloatError);
      expect((e as RangeFloatError).value).toBe(Infinity);
      expect((e as Error).message).toBe('strconv.ParseFloat: parsing "1.7976931348623159e308": value out of range');
    }
  });
  it("rounds to float32 when asked", () => {
    expect(parseFloatGo("0.1", 32)).toBe(Math.fround(0.1));
  });
});

describe("parseInt64 and friends", () => {
  const base0: [string, bigint][] = [
    ["0x1F", 31n],
    ["0b101", 5n],
    ["0o17", 15n],
    ["017", 15n],
    ["1_000", 1000n],
    ["-0x10", -16n],
    ["+5", 5n],
    ["-9223372036854775808", -9223372036854775808n],
    ["0_1", 1n],
    ["0x_1F", 31n],
    ["00", 0n],
    ["0", 0n],
    ["-0b1", -1n],
  ];
  for (const [s, want] of base0) {
    it(`base 0 accepts ${s}`, () => expect(parseInt64(s, 0)).toBe(want));
  }
  for (const s of ["0x", "08", "0b", "1e3", "-", "0__1", ""]) {
    it(`base 0 rejects ${JSON.stringify(s)}`, () => {
      expect(() => parseInt64(s, 0)).toThrow(`strconv.ParseInt: parsing ${quoteGo(s)}: invalid syntax`);
    });
  }
  it("reports range errors with Go's wording", () => {
    expect(() => parseInt64("9223372036854775808", 0)).toThrow(
      'strconv.ParseInt: parsing "9223372036854775808": value out of range',
    );
    expect(() => parseInt64("128", 10, 8)).toThrow("value out of range");
    expect(parseInt64("-128", 10, 8)).toBe(-128n);
    expect(() => parseUint("256", 10, 8)).toThrow('strconv.ParseUint: parsing "256": value out of range');
  });
  it("base 10 takes no prefixes or underscores", () => {
    expect(() => parseInt64("1_000", 10)).toThrow("invalid syntax");
    expect(() => parseInt64("0x10", 10)).toThrow("invalid syntax");
    expect(parseInt64("ff", 16)).toBe(255n);
  });
  it("atoi names itself in errors", () => {
    expect(atoi("-7")).toBe(-7n);
    expect(atoi("+3")).toBe(3n);
    expect(() => atoi("1.5")).toThrow('strconv.Atoi: parsing "1.5": invalid syntax');
    expect(() => atoi(" 4")).toThrow('strconv.Atoi: parsing " 4": invalid syntax');
    expect(() => atoi("x")).toThrowError(NumError);
  });
  it("parseBool accepts Go's spellings only", () => {
    expect(["1", "t", "T", "TRUE", "true", "True"].map(parseBool)).toEqual(Array(6).fill(true));
    expect(["0", "f", "F", "FALSE", "false", "False"].map(parseBool)).toEqual(Array(6).fill(false));
    expect(() => parseBool("yes")).toThrow('strconv.ParseBool: parsing "yes": invalid syntax');
  });
});

describe("quoting and integer formatting", () => {
  it("quotes like strconv.Quote", () => {
    expect(quoteGo('a"b\\c')).toBe('"a\\"b\\\\c"');
    expect(quoteGo("\x07\b\f\n\r\t\v\x00\x7f")).toBe('"\\a\\b\\f\\n\\r\\t\\v\\x00\\x7f"');
    expect(quoteGo("é\u00ad\u2028😀\ufeff")).toBe('"é\\u00ad\\u2028😀\\ufeff"');
    // Assigned after Unicode 15.0, so Go 1.23 escapes it.
    expect(quoteGo("\ua7d4")).toBe('"\\ua7d4"');
    expect(quoteToASCII("é😀")).toBe('"\\u00e9\\U0001f600"');
  });
  it("quotes runes and checks backquotability", () => {
    expect(quoteRuneGo(42)).toBe("'*'");
    expect(quoteRuneGo(39)).toBe("'\\''");
    expect(quoteRuneGo(0x110000)).toBe("'�'");
    expect(canBackquote("a\tb")).toBe(true);
    expect(canBackquote("a`b")).toBe(false);
    expect(canBackquote("a\nb")).toBe(false);
  });
  it("formats integers in any base", () => {
    expect(formatInt(255n, 16)).toBe("ff");
    expect(formatInt(-8, 2)).toBe("-1000");
    expect(formatInt(35, 36)).toBe("z");
  });
});

describe("formatFloat", () => {
  const cases: [number, Parameters<typeof formatFloat>[1], number, string][] = [
    [1e6, "g", -1, "1e+06"],
    [123456, "g", -1, "123456"],
    [1e-5, "g", -1, "1e-05"],
    [0.0001, "g", -1, "0.0001"],
    [1e21, "f", -1, "1000000000000000000000"],
    [2.5, "f", 0, "2"],
    [3.5, "f", 0, "4"],
    [0.125, "f", 2, "0.12"],
    [0.375, "f", 2, "0.38"],
    [1.005, "f", 2, "1.00"],
    [5e-324, "e", 3, "4.941e-324"],
    [1.7976931348623157e308, "e", -1, "1.7976931348623157e+308"],
    [0.1, "f", 30, "0.100000000000000005551115123126"],
    [123456789, "e", 2, "1.23e+08"],
    [9.5, "g", 1, "1e+01"],
    [0.5, "b", -1, "4503599627370496p-53"],
    [1, "x", 0, "0x1p+00"],
    [1.9999, "x", 1, "0x1.0p+01"],
    [-0, "g", -1, "-0"],
    [Infinity, "e", 3, "+Inf"],
    [Number.NaN, "f", 2, "NaN"],
  ];
  for (const [f, fmt, prec, want] of cases) {
    it(`${f} %${fmt} prec ${prec}`, () => expect(formatFloat(f, fmt, prec)).toBe(want));
  }
  it("formats float32 with its own shortest digits", () => {
    expect(formatFloat(0.1, "g", -1, 32)).toBe("0.1");
    expect(formatFloat(16777217, "g", -1, 32)).toBe("1.6777216e+07");
    expect(formatFloat(0.1, "f", 10, 32)).toBe("0.1000000015");
  });
});
