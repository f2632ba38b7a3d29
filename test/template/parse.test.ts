// The parser prints every tree back to source (Go's node String() forms), so
// each case is one line: template text, then how Go prints its parse tree.
import { describe, expect, test } from "vitest";
import { builtins, parseFile, TemplateError } from "../../src/template/index.js";

const funcs = new Set(["printf", "upper", "include", "default", ...Object.keys(builtins)]);
const hasFunc = (n: string) => funcs.has(n);

function printed(text: string): string {
  return parseFile("t", text, hasFunc).get("t")!.root.toString();
}

const roundTrips: [string, string][] = [
  ["", ""],
  ["hello", "hello"],
  ["{{.}}", "{{.}}"],
  ["{{ .X }}", "{{.X}}"],
  ["{{ .X.Y.Z }}", "{{.X.Y.Z}}"],
  ["{{ $ }}", "{{$}}"],
  ["{{ $.X }}", "{{$.X}}"],
  ["{{ $x := .X }}{{ $x.Y }}", "{{$x := .X}}{{$x.Y}}"],
  ["{{ $x := 1 }}{{ $x = 2 }}", "{{$x := 1}}{{$x = 2}}"],
  ["{{ .X | printf \"%s\" }}", '{{.X | printf "%s"}}'],
  ["{{ .X.Y 1 2 | }}", "{{.X.Y 1 2}}"],
  ["{{ printf \"%d\" 1 | upper | printf \"%s\" }}", '{{printf "%d" 1 | upper | printf "%s"}}'],
  ["{{ (.X) }}", "{{(.X)}}"],
  ["{{ (printf \"a\").Y.Z }}", '{{(printf "a").Y.Z}}'],
  ["{{ printf \"%s\" (upper .X) }}", '{{printf "%s" (upper .X)}}'],
  ["{{ 1 }} {{ -1.5 }} {{ 0x1F }} {{ 1e3 }} {{ 'a' }} {{ 1_000 }}", "{{1}} {{-1.5}} {{0x1F}} {{1e3}} {{'a'}} {{1_000}}"],
  ["{{ 2i }}{{ 1+2i }}", "{{2i}}{{1+2i}}"],
  ["{{ \"a\\tb\" }}{{ `raw` }}", '{{"a\\tb"}}{{`raw`}}'],
  ["{{ true }}{{ false }}{{ nil | printf \"%v\" }}", '{{true}}{{false}}{{nil | printf "%v"}}'],
  ["{{- .X -}}", "{{.X}}"],
  ["a  {{- .X -}}  b", "a{{.X}}b"],
  ["a {{/* comment */}} b", "a  b"],
  ["a {{- /* comment */ -}} b", "ab"],
  ["{{ if .X }}a{{ end }}", "{{if .X}}a{{end}}"],
  ["{{ if .X }}a{{ else }}b{{ end }}", "{{if .X}}a{{else}}b{{end}}"],
  ["{{ if .X }}a{{ else if .Y }}b{{ else }}c{{ end }}", "{{if .X}}a{{else}}{{if .Y}}b{{else}}c{{end}}{{end}}"],
  ["{{ if $x := .X }}{{ $x }}{{ end }}", "{{if $x := .X}}{{$x}}{{end}}"],
  ["{{ with .X }}a{{ else with .Y }}b{{ end }}", "{{with .X}}a{{else}}{{with .Y}}b{{end}}{{end}}"],
  ["{{ with $v := .X }}{{ $v }}{{ else }}none{{ end }}", "{{with $v := .X}}{{$v}}{{else}}none{{end}}"],
  ["{{ range .X }}{{ . }}{{ end }}", "{{range .X}}{{.}}{{end}}"],
  ["{{ range $i, $v := .X }}{{ $i }}{{ $v }}{{ end }}", "{{range $i, $v := .X}}{{$i}}{{$v}}{{end}}"],
  ["{{ range $v := .X }}{{ else }}e{{ end }}", "{{range $v := .X}}{{else}}e{{end}}"],
  ["{{ range .X }}{{ break }}{{ continue }}{{ end }}", "{{range .X}}{{break}}{{continue}}{{end}}"],
  ["{{ template \"a\" }}", '{{template "a"}}'],
  ["{{ template \"a\" .X | upper }}", '{{template "a" .X | upper}}'],
  ["{{ define \"a\" }}A{{ end }}rest", "rest"],
  ["{{ block \"b\" .X }}body{{ end }}", '{{template "b" .X}}'],
  ["{{ and .X .Y }}{{ or .X (not .Y) }}", "{{and .X .Y}}{{or .X (not .Y)}}"],
  ["{{ eq .X 1 2 3 }}", "{{eq .X 1 2 3}}"],
  ["{{ index .X 1 \"a\" }}", '{{index .X 1 "a"}}'],
  ["{{ .Method 1 \"a\" }}", '{{.Method 1 "a"}}'],
  ["{{ $x := .X }}{{ $x.Method 1 }}", "{{$x := .X}}{{$x.Method 1}}"],
  ["{{ printf\n  \"%s\"\n  .X }}", '{{printf "%s" .X}}'],
  ["{{ include \"x\" . | default \"d\" }}", '{{include "x" . | default "d"}}'],
  ["x{{ if .A }}{{ range .B }}{{ with .C }}{{ . }}{{ end }}{{ end }}{{ end }}y", "x{{if .A}}{{range .B}}{{with .C}}{{.}}{{end}}{{end}}{{end}}y"],
];

describe("parse trees print back to source", () => {
  test.each(roundTrips)("%j", (text, want) => {
    expect(printed(text)).toBe(want);
  });

  test("printing is stable", () => {
    for (const [, want] of roundTrips) expect(printed(want)).toBe(want);
  });
});

describe("defines become their own trees", () => {
  test("define and block bodies", () => {
    const trees = parseFile("t", '{{ define "a" }}A{{ .X }}{{ end }}{{ block "b" . }}B{{ end }}', hasFunc);
    expect([...trees.keys()].sort()).toEqual(["a", "b", "t"]);
    expect(trees.get("a")!.root.toString()).toBe("A{{.X}}");
    expect(trees.get("b")!.root.toString()).toBe("B");
    expect(trees.get("a")!.parseName).toBe("t");
  });
});

const parseErrors: [string, string][] = [
  ["{{ .X", "template: t:1: unclosed action"],
  ["{{ .X\n\n", "template: t:3: unclosed action started at t:1"],
  ["a\n{{ if .X }}", "template: t:2: unexpected EOF"],
  ["{{ end }}", "template: t:1: unexpected {{end}}"],
  ["{{ else }}", "template: t:1: unexpected {{else}}"],
  ["{{ nofunc }}", 'template: t:1: function "nofunc" not defined'],
  ["{{ $x }}", 'template: t:1: undefined variable "$x"'],
  ["{{ range $a, $b, $c := .X }}{{ end }}", "template: t:1: too many declarations in range"],
  ["{{ $a, $b := .X }}", "template: t:1: too many declarations in command"],
  ["{{ break }}", "template: t:1: {{break}} outside {{range}}"],
  ["{{ 1 | 2 }}", "template: t:1: non executable command in pipeline stage 2"],
  ["{{ .X | 2 | . }}", "template: t:1: non executable command in pipeline stage 2"],
  ["{{ }}", "template: t:1: missing value for command"],
  ["{{ ( }}", "template: t:1: unclosed left paren"],
  ["{{ ) }}", "template: t:1: unexpected right paren"],
  ["{{ 'ab' }}", "template: t:1: malformed character constant: 'ab'"],
  ["{{ 9999999999999999999999 }}", 'template: t:1: integer overflow: "9999999999999999999999"'],
  ["{{ 3k }}", 'template: t:1: bad number syntax: "3k"'],
  ["{{ .X# }}", "template: t:1: bad character U+0023 '#'"],
  ["{{ \"\\z\" }}", "template: t:1: invalid syntax"],
  ["{{ template .X }}", 'template: t:1: unexpected ".X" in template clause'],
  ["{{ template . }}", "template: t:1: unexpected <.> in template clause"],
  ["{{ template \"a\" }}{{ define \"a\" }}1{{ end }}{{ define \"a\" }}2{{ end }}", 'template: t:1: template: multiple definition of template "a"'],
  ["{{ printf \"%s\" if }}", "template: t:1: unexpected <if> in operand"],
  ["{{/* unterminated", "template: t:1: unclosed comment"],
  ["{{ $x := 1 }}{{ $x : 1 }}", "template: t:1: expected :="],
  ["{{ \"x\".y }}", 'template: t:1: unexpected . after term "\\"x\\""'],
  ["{{ printf \"a\nb\" }}", "template: t:1: unterminated quoted string"],
  ["{{ if 1 }}\n{{ else }}{{ else }}{{ end }}", "template: t:2: expected end; found {{else}}"],
  ["{{ define \"a\" }}", "template: t:1: unexpected EOF"],
  ["{{ define \"a\" }}{{ else }}{{ end }}", "template: t:1: unexpected {{else}} in define clause"],
  ["x {{ if .X }}\n\n{{ .Y\n", "template: t:4: unclosed action started at t:3"],
];

describe("parse errors carry Go's text and line", () => {
  test.each(parseErrors)("%j", (text, want) => {
    let got: unknown;
    try {
      parseFile("t", text, hasFunc);
    } catch (e) {
      got = e;
    }
    expect(got).toBeInstanceOf(TemplateError);
    expect((got as TemplateError).message).toBe(want);
    expect((got as TemplateError).kind).toBe("parse");
  });
});
