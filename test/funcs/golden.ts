// Shared harness for function goldens recorded from helm v3.17.3: each case was
// rendered as {{ toJson (EXPR) }}; errors keep the text after "error calling ".
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { baseFuncs } from "../../src/funcs/index.js";
import { TemplateSet } from "../../src/template/index.js";

process.env.TZ = "UTC"; // helm's expectations were recorded with TZ=UTC

export function run(text: string): string {
  const set = new TemplateSet(baseFuncs());
  set.parse("t", text);
  return set.execute("t", null);
}

export interface GoldenCase {
  expr: string;
  out?: unknown;
  error?: string;
}

export function loadGolden(area: string): GoldenCase[] {
  return JSON.parse(readFileSync(new URL(`../fixtures/funcs/${area}-golden.json`, import.meta.url), "utf8"));
}

/** One test per recorded case of test/fixtures/funcs/AREA-golden.json. */
export function describeGolden(area: string): void {
  describe(`${area} functions match helm`, () => {
    it.each(loadGolden(area).map((g) => [g.expr, g] as const))("%s", (_expr, g) => {
      if (g.error !== undefined) {
        expect(() => run(`{{ ${g.expr} }}`)).toThrow(g.error);
      } else {
        expect(JSON.parse(run(`{{ toJson (${g.expr}) }}`))).toEqual(g.out);
      }
    });
  });
}
