// Random floats, integers and strings printed by real helm v3.17.3 through
// printf with many verbs and flags, and through js/html/urlquery.
// Re-record with: node test/fixtures/fmt/record.mjs $(path to helm)
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { htmlEscape, jsEscape, urlQueryEscape } from "../../src/template/escape.js";
import { sprintf } from "../../src/template/fmt.js";
import { GoInt, type Value } from "../../src/template/value.js";

interface Golden {
  format: string;
  cases: string[][];
}
const golden = JSON.parse(
  readFileSync(new URL("../fixtures/fmt/helm-golden.json", import.meta.url), "utf8"),
) as Record<"float" | "int" | "string", Golden>;

function check(set: Golden, toValue: (s: string) => Value): void {
  const verbs = set.format.split("|");
  for (const [input, want] of set.cases) {
    const got = sprintf(set.format, [toValue(input!)]);
    if (got !== want) {
      // Name the first differing verb so a failure is readable.
      const g = got.split("|");
      const w = want!.split("|");
      const i = g.findIndex((s, k) => s !== w[k]);
      expect({ input, verb: verbs[i], got: g[i] }).toEqual({ input, verb: verbs[i], got: w[i] });
    }
    expect(got).toBe(want);
  }
}

describe("printf agrees with helm on recorded values", () => {
  it(`floats (${golden.float.cases.length} values)`, () => {
    check(golden.float, (s) => Number(s));
  });
  it(`int64s (${golden.int.cases.length} values)`, () => {
    check(golden.int, (s) => new GoInt(BigInt(s), "int64"));
  });
  it(`strings (${golden.string.cases.length} values)`, () => {
    check(golden.string, (s) => s);
  });
  it("js, html and urlquery escape strings as helm does", () => {
    for (const [input, , js, html, query] of golden.string.cases) {
      expect([jsEscape(input!), htmlEscape(input!), urlQueryEscape(input!)]).toEqual([js, html, query]);
    }
  });
});
