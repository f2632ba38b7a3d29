// fmt.Sprintf / Sprint / Sprintln against outputs recorded from helm v3.17.3
// (Go 1.23.7) templates such as {{ printf "%5.2f" .Values.list }}.
import { describe, expect, it } from "vitest";
import { formatV, sprint, sprintf, sprintln } from "../../src/template/fmt.js";
import { GoInt, type GoMap, newMap, setElemType, type Value } from "../../src/template/value.js";

// Five digits of pi, as the recorded templates use them.
const PI5 = Number("3.14159");
const int = (n: number | bigint, kind: GoInt["kind"] = "int") => new GoInt(BigInt(n), kind);
function map(o: Record<string, Value>): GoMap {
  const m = newMap();
  for (const [k, v] of Object.entries(o)) m[k] = v;
  return m;
}

// The values.yaml of the recorded cases: YAML numbers are float64.
const V = {
  str: "hello",
  int: 42,
  big: 1000000,
  float: 1.5,
  t: true,
  f: false,
  nul: null,
  list: [1, 2, 3] as Value[],
  slist: ["banana", "apple", "cherry"] as Value[],
  map: map({ b: 2, a: 1, c: 3 }),
  nested: map({ a: map({ b: map({ c: "deep" }) }) }),
  mixed: [1, "two", 3.5, true, null] as Value[],
  listOfMaps: [map({ name: "web", port: 80 }), map({ name: "api", port: 443 })] as Value[],
};

const cases: [string, Value[], string][] = [
  ["%v", ["hi"], "hi"],
  ["%v", [int(42)], "42"],
  ["%v", [V.int], "42"],
  ["%v", [V.float], "1.5"],
  ["%v", [V.big], "1e+06"],
  ["%v", [V.t], "true"],
  ["%v", [V.nul], "<nil>"],
  ["%v", [V.list], "[1 2 3]"],
  ["%v", [V.map], "map[a:1 b:2 c:3]"],
  ["%d", [int(42)], "42"],
  ["%d", [V.float], "%!d(float64=1.5)"],
  ["%d", [V.big], "%!d(float64=1e+06)"],
  ["%s", [int(42)], "%!s(int=42)"],
  ["%s", [V.big], "%!s(float64=1e+06)"],
  ["%s", [V.t], "%!s(bool=true)"],
  ["%s", [V.nul], "%!s(<nil>)"],
  ["%s", [V.list], "[%!s(float64=1) %!s(float64=2) %!s(float64=3)]"],
  ["%q", ["hi"], '"hi"'],
  ["%q", [int(42)], "'*'"],
  ["%q", [V.big], "%!q(float64=1e+06)"],
  ["%q", [V.t], "%!q(bool=true)"],
  ["%q", [V.nul], "%!q(<nil>)"],
  ["%q", [V.list], "[%!q(float64=1) %!q(float64=2) %!q(float64=3)]"],
  ["%q", [V.map], 'map["a":%!q(float64=1) "b":%!q(float64=2) "c":%!q(float64=3)]'],
  ["%x", ["hi"], "6869"],
  ["%x", [int(42)], "2a"],
  ["%x", [V.float], "0x1.8p+00"],
  ["%x", [V.big], "0x1.e848p+19"],
  ["%x", [V.map], "map[61:0x1p+00 62:0x1p+01 63:0x1.8p+01]"],
  ["%f", ["hi"], "%!f(string=hi)"],
  ["%f", [int(42)], "%!f(int=42)"],
  ["%f", [V.big], "1000000.000000"],
  ["%f", [V.t], "%!f(bool=true)"],
  ["%f", [V.nul], "%!f(<nil>)"],
  ["%f", [V.list], "[1.000000 2.000000 3.000000]"],
  ["%f", [V.map], "map[%!f(string=a):1.000000 %!f(string=b):2.000000 %!f(string=c):3.000000]"],
  ["%5.2f", ["hi"], "%!f(string=   hi)"],
  ["%5.2f", [int(42)], "%!f(int=   42)"],
  ["%5.2f", [V.t], "%!f(bool= true)"],
  ["%5.2f", [V.nul], "%!f(<nil>)"],
  ["%5.2f", [V.list], "[ 1.00  2.00  3.00]"],
  ["%5.2f", [V.map], "map[%!f(string=    a): 1.00 %!f(string=    b): 2.00 %!f(string=    c): 3.00]"],
  ["%8s|", [V.t], "%!s(bool=    true)|"],
  ["%8s|", [V.nul], "%!s(<nil>)|"],
  ["%8s|", [V.list], "[%!s(float64=       1) %!s(float64=       2) %!s(float64=       3)]|"],
  ["%-8v|", ["hi"], "hi      |"],
  ["%-8v|", [V.float], "1.5     |"],
  ["%-8v|", [V.big], "1e+06   |"],
  ["%-8v|", [V.t], "true    |"],
  ["%-8v|", [V.nul], "<nil>   |"],
  ["%-8v|", [V.list], "[1        2        3       ]|"],
  ["%T", [int(42)], "int"],
  ["%T", [V.int], "float64"],
  ["%T", [V.t], "bool"],
  ["%T", [V.nul], "<nil>"],
  ["%T", [V.list], "[]interface {}"],
  ["%T", [V.map], "map[string]interface {}"],
  ["%e", ["hi"], "%!e(string=hi)"],
  ["%e", [int(42)], "%!e(int=42)"],
  ["%e", [V.float], "1.500000e+00"],
  ["%e", [V.big], "1.000000e+06"],
  ["%e", [V.map], "map[%!e(string=a):1.000000e+00 %!e(string=b):2.000000e+00 %!e(string=c):3.000000e+00]"],
  ["%g", ["hi"], "%!g(string=hi)"],
  ["%g", [int(42)], "%!g(int=42)"],
  ["%g", [V.float], "1.5"],
  ["%g", [V.big], "1e+06"],
  ["%g", [V.list], "[1 2 3]"],
  ["%t %t", [true, V.f], "true false"],
  ["%t", [int(1)], "%!t(int=1)"],
  ["%#v", ['a"b'], '"a\\"b"'],
  ["%#v", [V.map], 'map[string]interface {}{"a":1, "b":2, "c":3}'],
  ["%#v", [V.int], "42"],
  ["%+v", [V.nested], "map[a:map[b:map[c:deep]]]"],
  ["%+d %+d", [int(5), int(-5)], "+5 -5"],
  ["%c %U", [int(65), int(0x1f600)], "A U+1F600"],
  ["%x % x %X", ["hi", "hi", "hi"], "6869 68 69 6869"],
  ["100%%", [], "100%"],
  ["%d %d", [int(1)], "1 %!d(MISSING)"],
  ["%d", [int(1), int(2)], "1%!(EXTRA int=2)"],
  ["%[2]s %[1]s", ["a", "b"], "b a"],
  ["%.0f %.0f %.0f %.1f", [0.5, 1.5, 2.5, 0.05], "0 2 2 0.1"],
  ["%08.3f", [PI5], "0003.142"],
  ["%d", [int(1000000, "int64")], "1000000"],
  ["%v", [[int(1), [int(2), int(3)], map({ a: int(1) })]], "[1 [2 3] map[a:1]]"],
  ["%v", [V.mixed], "[1 two 3.5 true <nil>]"],
  ["%v", [V.listOfMaps], "[map[name:web port:80] map[name:api port:443]]"],
  ["%q", [V.slist], '["banana" "apple" "cherry"]'],
  ["plain", [], "plain"],
  ["%z", [int(1)], "%!z(int=1)"],
  ["abc%", [], "abc%!(NOVERB)"],
  ["%q %+q", ["é✓", "é✓"], '"é✓" "\\u00e9\\u2713"'],
  ["%5s|", ["é"], "    é|"],
  ["%v %s", [new Uint8Array([104, 105]), new Uint8Array([104, 105])], "[104 105] hi"],
  ["%v", [map({ a: null })], "map[a:<nil>]"],
  ["%.3g %.10g", [PI5, 1e6], "3.14 1000000"],
  // Checked by hand with helm v3.17.3.
  ["%05s|%-05d|%05q", ["ab", int(3), "a"], '000ab|3    |00"a"'],
  ["%x|%#v|%#v|%+.3e|%#g|%#.3x|%b", [-1.0, 1e6, [int(1), "a", null], 1234.5678, 1.0, 1.0, 1.0],
    "-0x1p+00|1e+06|[]interface {}{1, \"a\", interface {}(nil)}|+1.235e+03|1.00000|0x1.000p+00|4503599627370496p-52"],
  ["%#v|%#v|%#v|%#v|%#v|%#v|%#v", [1.0, 1e20, 1e21, 1e-5, 0.5, int(42, "int64"), Infinity],
    "1|1e+20|1e+21|1e-05|0.5|42|+Inf"],
  ["%v|%x|%#x|%O|%#o|%08.3d|%+q|%#q|% d|%-05d|%#U|%c|%5.1s|%.2s|%6.2f|%e|%g|%g|%v",
    [-Infinity, int(-1), int(255), int(8), int(8), int(42), "é", "a`b", int(5), int(5), int(0x1f600), int(0x110000), "xyz", "héllo", -1.005, 0, 1e-5, 100000, 1e20],
    "-Inf|-1|0xff|0o10|010|     042|\"\\u00e9\"|\"a`b\"| 5|5    |U+1F600 '😀'|\ufffd|    x|hé| -1.00|0.000000e+00|1e-05|100000|1e+20"],
  ["%#v|%#v|%#v|%+v|%#v|%v", [[], newMap(), map({ x: [int(1), null] }), "x", Number.NaN, [1.5, []]],
    '[]interface {}{}|map[string]interface {}{}|map[string]interface {}{"x":[]interface {}{1, interface {}(nil)}}|x|NaN|[1.5 []]'],
];

describe("sprintf matches Go", () => {
  for (const [format, args, want] of cases) {
    it(JSON.stringify(format), () => {
      expect(sprintf(format, args)).toBe(want);
    });
  }

  it("types slices tagged with an element type", () => {
    expect(sprintf("%T %v %#v", [setElemType(["a"], "string"), ["a"], setElemType(["a", "b"], "string")].slice(0, 3)))
      .toBe('[]string [a] []string{"a", "b"}');
  });
});

describe("sprint and sprintln", () => {
  const printCases: [Value[], string][] = [
    [["a", "b"], "ab"],
    [["a", int(1), int(2), "b", int(3)], "a1 2b3"],
    [[null], "<nil>"],
    [[null, null], "<nil> <nil>"],
    [["a", true], "atrue"],
    [[], ""],
    [[["a b", "c"]], "[a b c]"],
    [[[int(1), null, "x"]], "[1 <nil> x]"],
  ];
  for (const [args, want] of printCases) {
    it(`sprint -> ${want}`, () => {
      expect(sprint(args)).toBe(want);
    });
  }

  it("sprintln always separates and ends the line", () => {
    expect(sprintln([int(1), int(2)])).toBe("1 2\n");
    expect(sprintln(["a", "b"])).toBe("a b\n");
  });
});

describe("formatV", () => {
  it.each([
    [1000000, "1e+06"],
    [1234567, "1.234567e+06"],
    [999999, "999999"],
    [1000, "1000"],
    [1e21, "1e+21"],
    [0.0001, "0.0001"],
    [0.00001, "1e-05"],
    [PI5, "3.14159"],
    [-0, "-0"],
    [9007199254740992, "9.007199254740992e+15"],
    [0.1 + 0.2, "0.30000000000000004"],
    [10 / 4, "2.5"],
    [1 / 3, "0.3333333333333333"],
    [123456, "123456"],
    [Infinity, "+Inf"],
    [Number.NaN, "NaN"],
  ] as [number, string][])("%s prints %s", (v, want) => {
    expect(formatV(v)).toBe(want);
  });

  it("prints a missing value as <no value> and ints exactly", () => {
    expect(formatV(undefined)).toBe("<no value>");
    expect(formatV(int(9007199254740993n, "int64"))).toBe("9007199254740993");
    expect(formatV("x")).toBe("x");
  });
});
