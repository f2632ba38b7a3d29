import { describe, expect, test } from "vitest";
import { goMatch, IgnoreRules } from "../../src/chart/ignore.js";

const BAD = "bad";

// Go's own path/filepath Match test table (pattern, name, result).
const GO_MATCH: [string, string, boolean | typeof BAD][] = [
  ["abc", "abc", true],
  ["*", "abc", true],
  ["*c", "abc", true],
  ["a*", "a", true],
  ["a*", "abc", true],
  ["a*", "ab/c", false],
  ["a*/b", "abc/b", true],
  ["a*/b", "a/c/b", false],
  ["a*b*c*d*e*/f", "axbxcxdxe/f", true],
  ["a*b*c*d*e*/f", "axbxcxdxexxx/f", true],
  ["a*b*c*d*e*/f", "axbxcxdxe/xxx/f", false],
  ["a*b*c*d*e*/f", "axbxcxdxexxx/fff", false],
  ["a*b?c*x", "abxbbxdbxebxczzx", true],
  ["a*b?c*x", "abxbbxdbxebxczzy", false],
  ["ab[c]", "abc", true],
  ["ab[b-d]", "abc", true],
  ["ab[e-g]", "abc", false],
  ["ab[^c]", "abc", false],
  ["ab[^b-d]", "abc", false],
  ["ab[^e-g]", "abc", true],
  ["a\\*b", "a*b", true],
  ["a\\*b", "ab", false],
  ["a?b", "a☺b", true],
  ["a[^a]b", "a☺b", true],
  ["a???b", "a☺b", false],
  ["a[^a][^a][^a]b", "a☺b", false],
  ["[a-ζ]*", "α", true],
  ["*[a-ζ]", "A", false],
  ["a?b", "a/b", false],
  ["a*b", "a/b", false],
  ["[\\]a]", "]", true],
  ["[\\-]", "-", true],
  ["[x\\-]", "x", true],
  ["[x\\-]", "-", true],
  ["[x\\-]", "z", false],
  ["[\\-x]", "x", true],
  ["[\\-x]", "-", true],
  ["[\\-x]", "a", false],
  ["[]a]", "]", BAD],
  ["[-]", "-", BAD],
  ["[x-]", "x", BAD],
  ["[x-]", "-", BAD],
  ["[x-]", "z", BAD],
  ["[-x]", "x", BAD],
  ["[-x]", "-", BAD],
  ["[-x]", "a", BAD],
  ["\\", "a", BAD],
  ["[a-b-c]", "a", BAD],
  ["[", "a", BAD],
  ["[^", "a", BAD],
  ["[^bc", "a", BAD],
  ["a[", "a", BAD],
  ["a[", "ab", BAD],
  ["a[", "x", BAD],
  ["a/b[", "x", BAD],
  ["*x", "xxx", true],
];

describe("goMatch", () => {
  test.each(GO_MATCH)("Match(%j, %j)", (pattern, name, want) => {
    if (want === BAD) expect(() => goMatch(pattern, name)).toThrow("syntax error in pattern");
    else expect(goMatch(pattern, name)).toBe(want);
  });
});

describe(".helmignore rules", () => {
  const rules = IgnoreRules.parse("# comment\n\n*.bak\n/top.txt\ndocs/*.md\nsecret/\n");
  rules.addDefaults();
  const cases: [string, boolean, boolean][] = [
    ["a.bak", false, true],
    ["deep/dir/a.bak", false, true],
    ["top.txt", false, true],
    ["data/top.txt", false, false],
    ["docs/a.md", false, true],
    ["docs/deep/b.md", false, false],
    ["secret", true, true],
    ["secret", false, false],
    ["templates/.hidden.yaml", false, true],
    ["templates/sub/.hidden.yaml", false, false],
    ["templates/a.yaml", false, false],
  ];
  test.each(cases)("%s (dir: %s) ignored: %s", (path, isDir, want) => {
    expect(rules.ignores(path, isDir)).toBe(want);
  });

  test("a leading BOM and CRLF line ends are accepted", () => {
    expect(IgnoreRules.parse("\uFEFF*.tmp\r\nlogs/\r\n").ignores("x.tmp", false)).toBe(true);
  });

  test("malformed patterns are refused when the file is read", () => {
    expect(() => IgnoreRules.parse("[x-]\n")).toThrow("syntax error in pattern");
  });
});
