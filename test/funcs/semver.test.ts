import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { baseFuncs } from "../../src/funcs/index.js";
import { TemplateSet } from "../../src/template/index.js";

function run(text: string): string {
  const set = new TemplateSet(baseFuncs());
  set.parse("t", text);
  return set.execute("t", null);
}

// Every pair was evaluated by helm v3.17.3 as {{ semverCompare C V }}.
const golden: [string, string, boolean][] = JSON.parse(
  readFileSync(new URL("../fixtures/funcs/semver-compare-golden.json", import.meta.url), "utf8"),
);

describe("semverCompare matches helm (Masterminds v3.3)", () => {
  const byConstraint = new Map<string, [string, boolean][]>();
  for (const [c, v, want] of golden) byConstraint.set(c, [...(byConstraint.get(c) ?? []), [v, want]]);
  it.each([...byConstraint.entries()])("%s", (c, cases) => {
    const got = cases.map(([v]) => run(`{{ semverCompare ${JSON.stringify(c)} ${JSON.stringify(v)} }}`) === "true");
    expect(cases.map(([v], i) => `${v}=${got[i]}`)).toEqual(cases.map(([v, w]) => `${v}=${w}`));
  });
});

describe("semver", () => {
  it("exposes fields and methods", () => {
    expect(run(`{{ $v := semver "1.2.3-beta.1+build.5" }}{{ $v.Major }} {{ $v.Minor }} {{ $v.Patch }} {{ $v.Prerelease }} {{ $v.Metadata }} {{ $v.Original }}`)).toBe(
      "1 2 3 beta.1 build.5 1.2.3-beta.1+build.5",
    );
    expect(run(`{{ semver "v1.2.3" }} {{ semver "1.2" }} {{ semver "1" }} {{ semver "01.2.3" }}`)).toBe("1.2.3 1.2.0 1.0.0 1.2.3");
    expect(run(`{{ (semver "1.2.3").Compare (semver "1.2.4") }} {{ (semver "1.0.0").Compare (semver "1.0.0+x") }}`)).toBe("-1 0");
    expect(run(`{{ (semver "v1.2.3").IncPatch }} {{ (semver "1.2.3").IncMinor }} {{ (semver "1.2.3").IncMajor }} {{ (semver "1.2.3-rc1").IncPatch }}`)).toBe(
      "1.2.4 1.3.0 2.0.0 1.2.3",
    );
    expect(run(`{{ (semver "v1.2.3").IncPatch.Original }} {{ typeOf (semver "1.0.0") }} {{ semver "1.0.0" | toJson }}`)).toBe(
      `v1.2.4 *semver.Version "1.0.0"`,
    );
  });
  it("reports Masterminds' errors", () => {
    expect(() => run(`{{ semver "not.a.version" }}`)).toThrow(/error calling semver: Invalid Semantic Version/);
    expect(() => run(`{{ semver "1.2.3-01" }}`)).toThrow(/Version segment starts with 0/);
    expect(() => run(`{{ semverCompare "==x" "1.0.0" }}`)).toThrow(/improper constraint: ==x/);
    expect(() => run(`{{ semverCompare "" "1.0.0" }}`)).toThrow(/improper constraint: $/);
    expect(() => run(`{{ semverCompare ">1" "x" }}`)).toThrow(/Invalid Semantic Version/);
  });
});
