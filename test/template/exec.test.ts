// Execution behaviour that helm's own functions exercise: argument conversion
// to declared Go types, function errors and panics, methods on Go objects,
// missingkey modes, template sets (redefinition, clone) and helm's error
// rewriting. Messages are Go's, as the helm-verified vectors show them.
import { describe, expect, test } from "vitest";
import { helmErrorMessage, TemplateError, TemplateSet, warnWrap } from "../../src/template/index.js";
import { type FuncDef, FuncError, GoInt, GoObject, newMap, type Value, withMethods } from "../../src/template/value.js";
import { goValue } from "./helpers.js";

const seen: Value[][] = [];
const record = (params: string[], variadic?: string): FuncDef => ({
  params,
  variadic,
  fn: (...args: Value[]) => {
    seen.push(args);
    return args.length === 1 ? args[0] : args;
  },
});

const funcs: Record<string, FuncDef> = {
  asInt: record(["int"]),
  asInt64: record(["int64"]),
  asUint8: record(["uint8"]),
  asFloat: record(["float64"]),
  asAny: record(["interface {}"]),
  asStr: record(["string"]),
  asBool: record(["bool"]),
  asList: record(["[]interface {}"]),
  asMap: record(["map[string]interface {}"]),
  join2: record(["string"], "interface {}"),
  failing: { params: [], fn: () => { throw new FuncError("it failed"); } },
  panicking: { params: [], fn: () => { throw new TypeError("cannot read properties of undefined"); } },
  helmFail: { params: ["string"], fn: (m: string) => { throw new FuncError(warnWrap(m)); } },
  nilFn: { params: [], fn: () => null },
};

class Meta extends GoObject {
  goType() {
    return "*chart.Metadata";
  }
  override hasField(n: string) {
    return n === "Name" || n === "Empty";
  }
  override field(n: string): Value | undefined {
    return n === "Name" ? "demo" : n === "Empty" ? "" : undefined;
  }
  override method(n: string): FuncDef | undefined {
    if (n === "Greet") return { params: ["string"], fn: (who: string) => `hi ${who}` };
    return undefined;
  }
}

function data(): Value {
  const d = goValue({ v: { s: "x", n: 2, l: [1, 2], m: { a: 1 } } }) as Record<string, Value>;
  d.meta = new Meta();
  d.files = withMethods(newMap(), "engine.files", { Get: { params: ["string"], fn: (p: string) => `<${p}>` } });
  return d;
}

function run(text: string, set = new TemplateSet(funcs)): string {
  set.parse("t", text);
  return set.execute("t", data());
}

function fails(text: string, set = new TemplateSet(funcs)): string {
  try {
    run(text, set);
  } catch (e) {
    expect(e).toBeInstanceOf(TemplateError);
    return (e as Error).message;
  }
  throw new Error("expected an error");
}

describe("constant arguments convert to the parameter type", () => {
  test.each([
    ["{{ asInt 3 }}", new GoInt(3n, "int")],
    ["{{ asInt64 3 }}", new GoInt(3n, "int64")],
    ["{{ asUint8 255 }}", new GoInt(255n, "uint8")],
    ["{{ asFloat 3 }}", 3],
    ["{{ asFloat 1.5 }}", 1.5],
    ["{{ asAny 3 }}", new GoInt(3n, "int")],
    ["{{ asAny 3.0 }}", 3],
    ["{{ asAny 1e3 }}", 1000],
    ["{{ asAny 0x10 }}", new GoInt(16n, "int")],
    ["{{ asAny 'a' }}", new GoInt(97n, "int")],
    ["{{ asAny 9223372036854775807 }}", new GoInt(9223372036854775807n, "int")],
    ["{{ asAny nil }}", null],
    ["{{ asList nil }}", null],
    ["{{ asBool true }}", true],
    ["{{ asStr \"s\" }}", "s"],
  ] as [string, Value][])("%s", (text, want) => {
    seen.length = 0;
    run(text);
    expect(seen[0][0]).toEqual(want);
  });

  test.each([
    ["{{ asInt 1.5 }}", "expected integer; found 1.5"],
    ["{{ asUint8 -1 }}", "expected unsigned integer; found -1"],
    ["{{ asFloat \"x\" }}", 'expected float; found "x"'],
    ["{{ asStr 1 }}", "expected string; found 1"],
    ["{{ asBool 1 }}", "expected bool; found 1"],
    ["{{ asStr nil }}", "cannot assign nil to string"],
    ["{{ asList 1 }}", "can't handle 1 for arg of type []interface {}"],
    ["{{ asAny 18446744073709551615 }}", "18446744073709551615 overflows int"],
  ])("%s", (text, want) => {
    expect(fails(text)).toContain(`: ${want}`);
  });
});

describe("computed arguments are checked against the parameter type", () => {
  test.each([
    ["{{ asStr .v.n }}", "wrong type for value; expected string; got float64"],
    ["{{ .v.n | asStr }}", "wrong type for value; expected string; got float64"],
    ["{{ asStr .v.missing }}", "wrong type for value; expected string; got interface {}"],
    ["{{ $m := .v.missing }}{{ asStr $m }}", "invalid value; expected string"],
    ["{{ asInt .v.n }}", "wrong type for value; expected int; got float64"],
    ["{{ asMap .v.l }}", "wrong type for value; expected map[string]interface {}; got []interface {}"],
    ["{{ asList .v.m }}", "wrong type for value; expected []interface {}; got map[string]interface {}"],
  ])("%s", (text, want) => {
    expect(fails(text)).toContain(`: ${want}`);
  });

  test("assignable values pass through unchanged", () => {
    expect(run("{{ asMap .v.m }}|{{ asList .v.l }}|{{ asStr .v.s }}|{{ asAny .v.missing }}")).toBe("map[a:1]|[1 2]|x|<no value>");
  });

  test("variadic parameters take the rest, including the piped value", () => {
    seen.length = 0;
    expect(run('{{ 3 | join2 "a" 1 2.5 }}')).toBe("[a 1 2.5 3]");
    expect(seen[0]).toEqual(["a", new GoInt(1n, "int"), 2.5, new GoInt(3n, "int")]);
    expect(fails("{{ join2 }}")).toContain("wrong number of args for join2: want at least 1 got 0");
  });
});

describe("function errors", () => {
  test("a returned error", () => {
    expect(fails("a\n {{ failing }}")).toBe('template: t:2:4: executing "t" at <failing>: error calling failing: it failed');
  });
  test("a JS exception reads like a recovered Go panic", () => {
    expect(fails("{{ panicking }}")).toBe(
      'template: t:1:3: executing "t" at <panicking>: error calling panicking: cannot read properties of undefined',
    );
  });
  test("helm's fail message is lifted out by helmErrorMessage", () => {
    const set = new TemplateSet(funcs);
    set.parse("f.yaml", 'x: {{ helmFail "stop" }}');
    let err: unknown;
    try {
      set.execute("f.yaml", data());
    } catch (e) {
      err = e;
    }
    expect(helmErrorMessage(err)).toBe("execution error at (f.yaml:1:6): stop");
  });
  test("a nil result prints as no value", () => {
    expect(run("{{ nilFn }}")).toBe("<no value>");
  });
});

describe("Go objects", () => {
  test("fields and methods", () => {
    expect(run('{{ .meta.Name }} {{ .meta.Greet "you" }} [{{ .meta.Empty }}] {{ .files.Get "a.txt" }}')).toBe(
      "demo hi you [] <a.txt>",
    );
  });
  test("method argument count and unknown fields", () => {
    expect(fails("{{ .meta.Greet }}")).toContain("wrong number of args for Greet: want 1 got 0");
    expect(fails("{{ .meta.Name 1 }}")).toContain("Name has arguments but cannot be invoked as function");
    expect(fails("{{ .meta.Nope }}")).toContain("can't evaluate field Nope in type interface {}");
    expect(fails("{{ with .meta }}{{ .Nope }}{{ end }}")).toContain("can't evaluate field Nope in type *chart.Metadata");
  });
});

describe("missingkey", () => {
  test("zero (helm's setting) prints <no value> and errors one level down", () => {
    expect(run("{{ .v.missing }}")).toBe("<no value>");
    expect(fails("{{ .v.missing.x }}")).toContain("nil pointer evaluating interface {}.x");
  });
  test("error", () => {
    const set = new TemplateSet(funcs);
    set.setMissingKey("error");
    expect(fails("{{ .v.missing }}", set)).toContain('map has no entry for key "missing"');
  });
  test("zero of a typed map is its element's zero value", () => {
    const set = new TemplateSet(funcs);
    set.parse("t", "[{{ .missing }}]");
    const m = newMap();
    const typed = Object.assign(m, { a: "x" });
    Object.defineProperty(typed, Symbol.for("chartroom.goMapType"), { value: "string" });
    expect(set.execute("t", typed)).toBe("[]");
  });
});

describe("template sets", () => {
  test("a later file's define replaces an earlier one, unless it is empty", () => {
    const set = new TemplateSet({});
    set.parse("a", '{{ define "d" }}A{{ end }}{{ define "e" }}E{{ end }}');
    set.parse("b", '{{ define "d" }}B{{ end }}{{ define "e" }}  {{ end }}');
    set.parse("t", '{{ template "d" }}{{ template "e" }}');
    expect(set.execute("t", null)).toBe("BE");
    expect(set.names().sort()).toEqual(["a", "b", "d", "e", "t"]);
  });
  test("a clone shares trees but not later definitions or functions", () => {
    const set = new TemplateSet({});
    set.parse("d", '{{ define "d" }}orig{{ end }}');
    const c = set.clone();
    c.parse("d2", '{{ define "d" }}clone{{ end }}');
    c.setFuncs({ only: { params: [], fn: () => "c" } });
    c.parse("t", '{{ template "d" }}{{ only }}');
    expect(c.execute("t", null)).toBe("clonec");
    expect(set.has("t")).toBe(false);
    set.parse("t", '{{ template "d" }}');
    expect(set.execute("t", null)).toBe("orig");
  });
  test("a set over a shared function table: its clones keep the table and the functions set since, in both directions apart", () => {
    const table = Object.assign(Object.create(null), { base: { params: [], fn: () => "b" } });
    const set = new TemplateSet(table);
    set.setFuncs({ own: { params: [], fn: () => "o" } });
    const c = set.clone();
    c.parse("t", "{{ base }}{{ own }}");
    expect(c.execute("t", null)).toBe("bo");
    // Functions set on either side after the clone stay on that side.
    set.setFuncs({ later: { params: [], fn: () => "l" } });
    expect(() => c.parse("u", "{{ later }}")).toThrow('function "later" not defined');
    c.setFuncs({ mine: { params: [], fn: () => "m" } });
    expect(() => set.parse("u", "{{ mine }}")).toThrow('function "mine" not defined');
    // The shared table itself is never written.
    expect(Object.keys(table)).toEqual(["base"]);
    // A clone of a clone still sees the table.
    const cc = c.clone();
    cc.parse("v", "{{ base }}{{ own }}{{ mine }}");
    expect(cc.execute("v", null)).toBe("bom");
  });
  test("executing an unknown name", () => {
    const set = new TemplateSet({});
    expect(() => set.execute("nope", null)).toThrow('template: no template "nope" associated with template "gotpl"');
  });
  test("runaway {{template}} recursion stops with Go's depth error", () => {
    const set = new TemplateSet({});
    set.parse("r", '{{ define "r" }}{{ template "r" . }}{{ end }}');
    expect(() => set.execute("r", null)).toThrow(
      'template: r:1:28: executing "r" at <{{template "r" .}}>: exceeded maximum template depth (100000)',
    );
  });
  test("parse errors keep the file name for helm's rewrite", () => {
    const set = new TemplateSet({});
    let err: unknown;
    try {
      set.parse("vec/templates/a.yaml", "a\n{{ nofunc }}");
    } catch (e) {
      err = e;
    }
    expect(helmErrorMessage(err)).toBe('parse error at (vec/templates/a.yaml:2): function "nofunc" not defined');
  });
});
