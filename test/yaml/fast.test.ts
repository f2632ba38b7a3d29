// The one-pass YAML reader must agree with the full parser wherever it
// answers, and leave everything outside its subset to the full parser.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { splitManifests } from "../../src/render/manifests.js";
import { GoInt, type Value } from "../../src/template/value.js";
import { fastYaml } from "../../src/yaml/fast.js";
import { parseYamlFull } from "../../src/yaml/parse.js";

const fixtures = join(import.meta.dirname, "../fixtures");

function plain(v: Value): unknown {
  if (v instanceof GoInt) return { int: v.toString() };
  if (Array.isArray(v)) return v.map(plain);
  if (typeof v === "number" && !Number.isFinite(v)) return String(v);
  if (v !== null && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x as Value)]));
  return v;
}

function full(text: string) {
  try {
    return { value: plain(parseYamlFull(text)) };
  } catch (err) {
    return { error: (err as Error).message };
  }
}

describe("fastYaml", () => {
  it("reads values-file YAML exactly as the full parser", () => {
    const text = [
      "# Number of pods.",
      "replicaCount: 2",
      "image:",
      "  repository: nginx   # where from",
      '  tag: "1.27"',
      "  pullPolicy: IfNotPresent",
      "ports: [80, '443', http]",
      "octal: 0755",
      "hex: 0x1F",
      "float: 1.5e3",
      "big: 12345678901234567890",
      "yes: no",
      "empty:",
      "tilde: ~",
      "list:",
      "- a",
      "-   b: 1",
      "    c: [ ]",
      "- - x",
    ].join("\n");
    // `- - x` (a nested list on one line) is outside the subset; without it the rest is inside.
    expect(fastYaml(text)).toBeUndefined();
    const inside = text.replace("\n- - x", "").replace("yes: no", "on_off: no");
    const fast = fastYaml(inside);
    expect(fast).toBeDefined();
    expect({ value: plain(fast!.value) }).toEqual(full(inside));
    expect(plain(fast!.value)).toMatchObject({ replicaCount: { int: "2" }, octal: { int: "493" }, hex: { int: "31" }, float: 1500, on_off: false, empty: null, tilde: null });
  });

  it("folds multi-line plain scalars and chomps literal blocks as go-yaml does", () => {
    const cases = [
      "a: one\n  two\n\n  three\nb: 1",
      "a: |\n  x\n\n  y\n",
      "a: |-\n  x\n",
      "a: |+\n  x\n\n",
      "a: |\n  x",
      "a: |+\n  x\n  ",
      "a: |\n\n  x\n",
      "a: |\n  x\n   ",
      "a: |\n  # not a comment\n  y\nb: 2",
      "- k: |\n    v\n  j: 1\n".replace(/^/, "x:\n"),
    ];
    for (const text of cases) {
      const fast = fastYaml(text);
      expect(fast, text).toBeDefined();
      expect({ value: plain(fast!.value) }, text).toEqual(full(text));
    }
  });

  const outside: [string, string][] = [
    ["an anchor", "a: &x 1\nb: *x"],
    ["a tag", "a: !!str 1"],
    ["a folded block", "a: >\n  x\n"],
    ["a flow mapping", "a: {b: c}"],
    ["a duplicate key", "a: 1\na: 2"],
    ["a key YAML reads as a bool", "on: 1"],
    ["a tab", "a:\n\tb: 1"],
    ["a mapping value in a plain scalar", "a: b: c"],
    ["a multi-line quoted scalar", "a: 'x\n  y'"],
    ["a second document", "a: 1\n---\nb: 2"],
    ["a top-level list", "- a"],
    ["a wrongly indented key", "a: 1\n  b: 2"],
    ["an explicit indentation indicator", "a: |2\n   x\n"],
    ["an unknown escape", 'a: "\\q"'],
    ["an empty flow item", "a: [1,,2]"],
    ["a control character", "a: b\u0007"],
  ];
  for (const [name, text] of outside) {
    it(`leaves ${name} to the full parser`, () => {
      expect(fastYaml(text)).toBeUndefined();
    });
  }

  it("answers only what the full parser answers, on thousands of mutated documents", () => {
    const texts: string[] = [];
    for (const f of readdirSync(join(fixtures, "demo-goldens"))) texts.push(...splitManifests(readFileSync(join(fixtures, "demo-goldens", f), "utf8")));
    for (const c of ["hello-web", "redis-lite", "batch-job"]) texts.push(readFileSync(join(import.meta.dirname, "../../demo/charts", c, "values.yaml"), "utf8"));
    const bits = [":", ": ", "-", "- ", "#", " #", "'", '"', "{", "}", "[", "]", "\t", " ", "  ", "\n", "\n\n", "|", "|-", "|+", ">", "&a", "*a", "!t", "?", ",", "\\", "---", "true", "1", "0x1F", "017", "1e3", "null", "~", "yes", ".inf", "'a'", '"a\\q"', "{a: b}", "[1, 2]", "[a,]", "[,]", "%", "\u0001", "- - a", "|2", "\n  x: y", "\n    z", "\n  - q", "1_000", "a: |\n  b\n"];
    let seed = 4242;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    let answered = 0;
    for (let n = 0; n < 4000; n++) {
      let d = texts[rnd(texts.length)]!;
      for (let m = 1 + rnd(3); m > 0; m--) {
        const lines = d.split("\n");
        const li = rnd(lines.length);
        const op = rnd(4);
        if (op === 0) {
          const p = rnd(d.length + 1);
          d = d.slice(0, p) + bits[rnd(bits.length)] + d.slice(p);
        } else if (op === 1) {
          const p = rnd(d.length);
          d = d.slice(0, p) + d.slice(p + 1 + rnd(3));
        } else if (op === 2) {
          lines[li] = rnd(2) ? ` ${lines[li]}` : lines[li]!.replace(/^ /, "");
          d = lines.join("\n");
        } else {
          lines.splice(li, 0, lines[rnd(lines.length)]!);
          d = lines.join("\n");
        }
      }
      const fast = fastYaml(d);
      if (!fast) continue;
      answered++;
      expect({ value: plain(fast.value) }, d).toEqual(full(d));
    }
    expect(answered).toBeGreaterThan(300);
  });
});
