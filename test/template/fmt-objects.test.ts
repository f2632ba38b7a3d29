// Printing Go structs, pointers and types with String/Error methods. The
// expected texts are what helm v3.17.3 printed for .Capabilities.KubeVersion
// (pointer-receiver String), semver's *Version (a Stringer) and .Capabilities.
import { describe, expect, it } from "vitest";
import { evalArgs } from "../../src/template/escape.js";
import { formatV, sprint, sprintf } from "../../src/template/fmt.js";
import { GoInt, GoObject, newMap, type Value } from "../../src/template/value.js";

class Struct extends GoObject {
  constructor(
    private readonly type: string,
    private readonly fields: [string, Value][],
  ) {
    super();
  }
  goType(): string {
    return this.type;
  }
  override fieldNames(): string[] {
    return this.fields.map(([k]) => k);
  }
  override hasField(name: string): boolean {
    return this.fields.some(([k]) => k === name);
  }
  override field(name: string): Value | undefined {
    return this.fields.find(([k]) => k === name)?.[1];
  }
}

class KubeVersion extends Struct {
  override goPointerMethods = true;
  constructor() {
    super("chartutil.KubeVersion", [
      ["Version", "v1.32.0"],
      ["Major", "1"],
      ["Minor", "32"],
    ]);
  }
  override goString(): string {
    return "v1.32.0";
  }
}

class SemverVersion extends Struct {
  constructor() {
    const u = (n: number) => new GoInt(BigInt(n), "uint64");
    super("*semver.Version", [
      ["major", u(1)],
      ["minor", u(2)],
      ["patch", u(3)],
      ["pre", ""],
      ["metadata", ""],
      ["original", "1.2.3"],
    ]);
  }
  override goString(): string {
    return "1.2.3";
  }
}

class Failure extends Struct {
  constructor() {
    super("*errors.errorString", [["s", "boom"]]);
  }
  override goError(): string {
    return "boom";
  }
  override goString(): string {
    return "not used: Error wins";
  }
}

class Month extends GoObject {
  goType(): string {
    return "time.Month";
  }
  override goKind(): string {
    return "int";
  }
  override goString(): string {
    return "November";
  }
  override goJson(): Value {
    return new GoInt(11n);
  }
}

const kv = new KubeVersion();
const caps = new Struct("*chartutil.Capabilities", [
  ["KubeVersion", kv],
  ["APIVersions", ["v1"]],
]);

describe("structs and pointer-receiver methods", () => {
  it("{{ .x }} uses the String method of an addressable struct", () => {
    expect(formatV(kv)).toBe("v1.32.0");
  });
  it("print and printf see the struct value without the method", () => {
    expect(sprintf("%v|%+v|%s", [kv, kv, kv])).toBe(
      "{v1.32.0 1 32}|{Version:v1.32.0 Major:1 Minor:32}|{v1.32.0 1 32}",
    );
    expect(sprintf("%#v", [kv])).toBe('chartutil.KubeVersion{Version:"v1.32.0", Major:"1", Minor:"32"}');
    expect(sprintf("%d", [kv])).toBe("{%!d(string=v1.32.0) %!d(string=1) %!d(string=32)}");
    expect(sprint([[kv]])).toBe("[{v1.32.0 1 32}]");
    const m = newMap();
    m.a = kv;
    expect(sprint([m])).toBe("map[a:{v1.32.0 1 32}]");
    expect(evalArgs([kv])).toBe("{v1.32.0 1 32}");
  });
});

describe("pointers", () => {
  it("a Stringer pointer prints its String for string verbs only", () => {
    const v = new SemverVersion();
    expect(sprintf("%v|%s|%q|%x|%T", [v, v, v, v, v])).toBe('1.2.3|1.2.3|"1.2.3"|312e322e33|*semver.Version');
    expect(sprintf("%d", [v])).toBe("&{1 2 3 %!d(string=) %!d(string=) %!d(string=1.2.3)}");
    expect(sprintf("%+v", [[v]])).toBe("[1.2.3]");
    expect(formatV(v)).toBe("1.2.3");
    expect(evalArgs([v])).toBe("1.2.3");
  });
  it("Error takes precedence over String", () => {
    const e = new Failure();
    expect(sprintf("%v %s", [e, [e]])).toBe("boom [boom]");
    expect(formatV(e)).toBe("boom");
  });
  it("a pointer without methods prints &{...} in printf but {...} on its own", () => {
    expect(sprintf("%v", [caps])).toBe("&{{v1.32.0 1 32} [v1]}");
    expect(sprintf("%+v", [caps])).toBe("&{KubeVersion:{Version:v1.32.0 Major:1 Minor:32} APIVersions:[v1]}");
    expect(formatV(caps)).toBe("{{v1.32.0 1 32} [v1]}");
    expect(evalArgs([caps, "x"])).toBe("{{v1.32.0 1 32} [v1]}x");
  });
  it("a nested pointer prints as an address, as Go does", () => {
    expect(sprint([[caps]])).toMatch(/^\[0xc[0-9a-f]+\]$/);
    expect(sprintf("%p", [caps])).toMatch(/^0xc[0-9a-f]+$/);
    expect(sprintf("%p", [new GoInt(1n)])).toBe("%!p(int=1)");
  });
});

describe("named non-struct types", () => {
  it("print through their methods, or as the underlying value", () => {
    const m = new Month();
    expect(sprintf("%v|%s|%d|%T", [m, m, m, m])).toBe("November|November|11|time.Month");
    expect(formatV(m)).toBe("November");
  });
});
