// The fast head reading must agree with the full YAML parse wherever it
// answers, and leave every document outside its subset to the full parse.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fastHead } from "../../src/render/manifest-head.js";
import { parsedHead, splitManifests } from "../../src/render/manifests.js";

const fixtures = join(import.meta.dirname, "../fixtures");

function full(doc: string) {
  try {
    return { head: parsedHead(doc, "t.yaml") };
  } catch (err) {
    return { error: (err as Error).message };
  }
}

describe("fastHead", () => {
  it("reads the head of plain Kubernetes YAML", () => {
    const doc = [
      "# Source: web/templates/deploy.yaml",
      "apiVersion: apps/v1",
      "kind: Deployment",
      "metadata:",
      "  name: \"web\"",
      "  annotations:",
      "    \"helm.sh/hook\": pre-install,pre-upgrade",
      "    helm.sh/hook-weight: '-5'",
      "    empty:",
      "  labels: {}",
      "spec:",
      "  template:",
      "    spec:",
      "      containers:",
      "      - name: web",
      "        args: [\"--port\", '8080', -v]",
      "        command:",
      "          - /bin/sh",
      "          - -c",
      "          - |",
      "            echo hi: there",
      "            exit 0",
      "        resources:",
      "          {}",
      "      description: a long plain",
      "        text on two lines",
    ].join("\n");
    expect(fastHead(doc)).toEqual({ apiVersion: "apps/v1", kind: "Deployment", name: "web", annotations: { "helm.sh/hook": "pre-install,pre-upgrade", "helm.sh/hook-weight": "-5", empty: "" } });
    expect(full(doc)).toEqual({ head: fastHead(doc) });
  });

  // Each is left to the full parse: invalid YAML, or valid YAML outside the subset.
  const outside: [string, string][] = [
    ["a mapping value on a continuation line", "kind: A\n  b: c"],
    ["a tab", "kind: A\nx:\n\ty: 1"],
    ["an anchor and alias", "a: &x 1\nb: *x"],
    ["a tag", "kind: !!str A"],
    ["a flow mapping", "kind: A\nx: {a: b}"],
    ["a duplicate key", "kind: A\nkind: B"],
    ["a number where kind is a string", "kind: 12"],
    ["a bool annotation", "metadata:\n  annotations:\n    a: true"],
    ["an annotation that is a map", "metadata:\n  annotations:\n    a:\n      b: c"],
    ["metadata as a list", "metadata:\n- a"],
    ["a top-level list", "- a\n- b"],
    ["a top-level scalar", "just text"],
    ["a block scalar with an indentation indicator", "x: |2\n   a"],
    ["a multi-line quoted scalar", "x: 'a\n  b'"],
    ["a plain scalar with ': ' inside", "x: a: b"],
    ["an unknown escape", 'x: "\\q"'],
    ["an alias in a flow sequence", "x: [*a]"],
    ["a block indicator in a flow sequence", "x: [- a]"],
    ["a control character", "x: a\u0001b"],
    ["a YAML 1.1 line break", "x: a\u2028b"],
    ["a key that is not a plain word", "? complex\n: value"],
    ["a nested list under a list item", "x:\n- - a"],
    ["a key YAML reads as a bool", "on: push"],
    ["a wrongly indented sequence", "a:\n  - x\n  b: 1"],
    ["a directive", "%YAML 1.1\n---\nkind: A"],
  ];
  for (const [name, doc] of outside) {
    it(`leaves ${name} to the full parse`, () => {
      expect(fastHead(doc)).toBeUndefined();
    });
  }

  it("answers only what the full parse answers, on thousands of mutated manifests", () => {
    const docs: string[] = [];
    for (const f of readdirSync(join(fixtures, "demo-goldens"))) docs.push(...splitManifests(readFileSync(join(fixtures, "demo-goldens", f), "utf8")));
    expect(docs.length).toBeGreaterThan(5);
    const bits = [":", ": ", "-", "- ", "#", " #", "'", '"', "{", "}", "[", "]", "\t", " ", "  ", "\n", "|", ">", "&a", "*a", "!t", "?", ",", "\\", "---", "true", "1", "null", "~", "metadata:", "name:", "annotations:", "kind:", "yes", ".inf", "{a: b}", "[1, 2]", "%", "\u0001", "\u2028", "- - a", "|2", "\n  x: y"];
    let seed = 12345;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    let answered = 0;
    for (let n = 0; n < 4000; n++) {
      let d = docs[rnd(docs.length)]!;
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
      const fast = fastHead(d);
      if (fast === undefined) continue;
      answered++;
      expect(full(d), d).toEqual({ head: fast });
    }
    expect(answered).toBeGreaterThan(500);
  });
});
