import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { baseFuncs } from "../../src/funcs/index.js";
import { TemplateSet } from "../../src/template/index.js";

process.env.TZ = "UTC"; // helm's expectations were recorded with TZ=UTC

function run(text: string): string {
  const set = new TemplateSet(baseFuncs());
  set.parse("t", text);
  return set.execute("t", null);
}

// Each case was rendered by helm v3.17.3 as {{ toJson (EXPR) }}; errors keep
// the text after "error calling ".
const golden: { expr: string; out?: unknown; error?: string }[] = JSON.parse(
  readFileSync(new URL("../fixtures/funcs/encoding-golden.json", import.meta.url), "utf8"),
);

describe("encoding functions match helm", () => {
  it.each(golden.map((g) => [g.expr, g] as const))("%s", (_expr, g) => {
    if (g.error !== undefined) {
      expect(() => run(`{{ ${g.expr} }}`)).toThrow(g.error);
    } else {
      expect(JSON.parse(run(`{{ toJson (${g.expr}) }}`))).toEqual(g.out);
    }
  });
});
