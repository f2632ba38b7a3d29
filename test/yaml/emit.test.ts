import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { GoInt, newMap, type Value } from "../../src/template/value.js";
import { marshalYaml, toYaml } from "../../src/yaml/emit.js";
import { toYamlPretty } from "../../src/yaml/emit-v3.js";

// Expected outputs were produced by helm v3.17.3: `toYaml (index .Values.cases N)`
// over a values.yaml holding every input (so numbers arrive as float64).
const golden: { in: unknown; out: string }[] = JSON.parse(
  readFileSync(new URL("../fixtures/yaml-emit/toyaml-golden.json", import.meta.url), "utf8"),
);

function fromJson(v: unknown): Value {
  if (Array.isArray(v)) return v.map(fromJson);
  if (v !== null && typeof v === "object") {
    const m = newMap();
    for (const [k, x] of Object.entries(v)) m[k] = fromJson(x);
    return m;
  }
  return v as Value;
}

describe("toYaml matches helm", () => {
  it.each(golden.map((g, i) => [i, JSON.stringify(g.in).slice(0, 60), g] as const))("case %i %s", (_i, _s, g) => {
    expect(toYaml(fromJson(g.in))).toBe(g.out);
  });
});

// Random nested values (strings with indicators, breaks, long lines, odd
// keys), each also nested two levels down; rendered by helm v3.17.3.
const random: { in: unknown; out: string }[] = JSON.parse(
  readFileSync(new URL("../fixtures/yaml-emit/toyaml-random.json", import.meta.url), "utf8"),
);

describe("toYaml matches helm on random trees", () => {
  it.each(random.map((g, i) => [i, g] as const))("tree %i", (_i, g) => {
    expect(toYaml(fromJson(g.in))).toBe(g.out);
  });
});

// The same kind of trees through toYamlPretty (go-yaml v3, indent 2).
const pretty: { in: unknown; out: string }[] = JSON.parse(
  readFileSync(new URL("../fixtures/yaml-emit/toyamlpretty-random.json", import.meta.url), "utf8"),
);

describe("toYamlPretty matches helm on random trees", () => {
  it.each(pretty.map((g, i) => [i, g] as const))("tree %i", (_i, g) => {
    expect(toYamlPretty(fromJson(g.in))).toBe(g.out);
  });
});

describe("toYaml details", () => {
  it("writes Go integers exactly and bytes as base64", () => {
    expect(toYaml(newMapOf({ i: new GoInt(9007199254740993n, "int64"), b: new Uint8Array([104, 105]) }))).toBe(
      "b: aGk=\ni: 9007199254740993",
    );
  });
  it("ends the document with a newline in marshalYaml", () => {
    expect(marshalYaml(newMapOf({ a: "x" }))).toBe("a: x\n");
    expect(marshalYaml("\n")).toBe("|2+\n\n");
  });
  it("swallows marshalling errors as helm does", () => {
    expect(toYaml(newMapOf({ a: Number.NaN }))).toBe("");
    // encoding/json leaves C1 controls raw and go-yaml refuses to read them back.
    expect(toYaml(["x\u007fy"])).toBe("");
    expect(toYaml(newMapOf({ "k\u0085x": 1 }))).toBe("");
  });
  it("folds a raw NEL as go-yaml reads the JSON back", () => {
    expect(toYaml(["a \u0085 b", "a\u0085\u0085b", "\u0085a", "a\u0085"])).toBe("- a b\n- |-\n  a\n  b\n- ' a'\n- 'a '");
  });
});

function newMapOf(o: Record<string, Value>): Value {
  return Object.assign(newMap(), o);
}
