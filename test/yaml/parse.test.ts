import { describe, expect, test } from "vitest";
import { GoInt } from "../../src/template/value.js";
import { parseYaml, parseYamlArray, parseYamlMap, parseYamlRaw, YamlError } from "../../src/yaml/parse.js";

/** encoding/json with sorted keys, as helm's toJson prints maps. */
function goJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(goJson).join(",")}]`;
  if (v !== null && typeof v === "object") {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${goJson(o[k])}`)
      .join(",")}}`;
  }
  if (Object.is(v, -0)) return "-0";
  return JSON.stringify(v);
}

// Each row: values.yaml text, then what helm v3.17.3 printed for
// `{{ toJson .Values }}`, or the error after "cannot load values.yaml: ".
const HELM: [name: string, input: string, kind: "ok" | "err", want: string][] = [
  ["tab", "a:\n\tb: 1\n", "err", "error converting YAML to JSON: yaml: line 2: found character that cannot start any token"],
  // A line of blanks with a tab: the `yaml` package reads an empty line, go-yaml does not.
  ["tab_line_after_plain", "a: 1\n\t\nb: 2\n", "err", "error converting YAML to JSON: yaml: line 2: found a tab character that violates indentation"],
  ["tab_line_after_key", "a:\n\t\n  b: 1\n", "err", "error converting YAML to JSON: yaml: line 2: found character that cannot start any token"],
  ["tab_line_after_quoted", "a: \"1\"\n\t\nb: 2\n", "err", "error converting YAML to JSON: yaml: line 2: found character that cannot start any token"],
  ["tab_line_nested_plain", "a:\n  b: 1\n\t\nc: 2\n", "err", "error converting YAML to JSON: yaml: line 3: found a tab character that violates indentation"],
  ["tab_line_right_of_block", "a:\n  b: 1\n   \t\nc: 2\n", "ok", "{\"a\":{\"b\":1},\"c\":2}"],
  ["tab_line_after_comment", "a: 1\n# x\n\t\nb: 2\n", "err", "error converting YAML to JSON: yaml: line 3: found character that cannot start any token"],
  ["tab_line_in_seq", "a:\n- x\n\t\n- y\n", "err", "error converting YAML to JSON: yaml: line 3: found a tab character that violates indentation"],
  ["tab_line_first", "\t\na: 1\n", "err", "error converting YAML to JSON: yaml: found character that cannot start any token"],
  ["tab_line_last", "a: 1\n\t\n", "err", "error converting YAML to JSON: yaml: line 2: found a tab character that violates indentation"],
  ["tab_line_in_flow", "a: [1,\n\t\n 2]\n", "ok", "{\"a\":[1,2]}"],
  // Quoted scalars and flow collections run on to lines of any indentation in go-yaml.
  ["dq_continued_left", "d: \"abc\ndef\"\n", "ok", "{\"d\":\"abc def\"}"],
  ["dq_continued_nested", "a:\n  d: \"abc\n  def\"\n", "ok", "{\"a\":{\"d\":\"abc def\"}}"],
  ["sq_continued_nested", "a:\n  d: 'abc\n  def'\n", "ok", "{\"a\":{\"d\":\"abc def\"}}"],
  ["seq_item_dq_left", "a:\n- \"x\ny\"\n", "ok", "{\"a\":[\"x y\"]}"],
  ["flow_seq_left", "d: [1,\n2]\n", "ok", "{\"d\":[1,2]}"],
  ["flow_map_nested_left", "a:\n  d: {x: 1,\n  y: 2}\n", "ok", "{\"a\":{\"d\":{\"true\":2,\"x\":1}}}"],
  ["flow_nested_mixed", "a:\n  - [1, \"a\nb\",\n  {c: d,\ne: f}]\n", "ok", "{\"a\":[[1,\"a b\",{\"c\":\"d\",\"e\":\"f\"}]]}"],
  ["quote_escapes_continued", "a: 'it''s\nok'\nb: \"q\\\"\nr\"\n", "ok", "{\"a\":\"it's ok\",\"b\":\"q\\\" r\"}"],
  ["block_scalar_then_dq", "a:\n  b: |\n    \"x\n  c: \"y\nz\"\n", "ok", "{\"a\":{\"b\":\"\\\"x\\n\",\"c\":\"y z\"}}"],
  ["dq_doc_marker", "a: \"x\n---\ny\"\n", "err", "error converting YAML to JSON: yaml: line 2: found unexpected document indicator"],
  ["plain_continued_left", "a:\n  d: abc\n  def\n", "err", "error converting YAML to JSON: yaml: line 4: could not find expected ':'"],
  ["mapping_in_ctx", "a: b: c\n", "err", "error converting YAML to JSON: yaml: mapping values are not allowed in this context"],
  ["unclosed_flow_seq", "a: [1\n", "err", "error converting YAML to JSON: yaml: line 1: did not find expected ',' or ']'"],
  ["unclosed_flow_map", "a: {x: 1\n", "err", "error converting YAML to JSON: yaml: line 1: did not find expected ',' or '}'"],
  ["bad_indent", "a:\n  b: 1\n c: 2\n", "err", "error converting YAML to JSON: yaml: line 2: did not find expected key"],
  ["unknown_alias", "a: *nope\n", "err", "error converting YAML to JSON: yaml: unknown anchor 'nope' referenced"],
  ["unclosed_dq", "a: \"abc\n", "err", "error converting YAML to JSON: yaml: line 2: found unexpected end of stream"],
  ["unclosed_sq", "a: 'abc\n", "err", "error converting YAML to JSON: yaml: line 2: found unexpected end of stream"],
  ["block_seq_in_map", "a: 1\n- b\n", "err", "error converting YAML to JSON: yaml: line 1: did not find expected key"],
  ["seq_then_map", "- a\nb: 1\n", "err", "error converting YAML to JSON: yaml: line 1: did not find expected '-' indicator"],
  ["backtick", "a: `x`\n", "err", "error converting YAML to JSON: yaml: found character that cannot start any token"],
  ["at", "a: @x\n", "err", "error converting YAML to JSON: yaml: found character that cannot start any token"],
  ["percent", "a: %x\n", "err", "error converting YAML to JSON: yaml: found character that cannot start any token"],
  ["bad_escape", "a: \"\\q\"\n", "err", "error converting YAML to JSON: yaml: found unknown escape character"],
  ["key_no_colon_after_map", "a: 1\nb\nc: 2\n", "err", "error converting YAML to JSON: yaml: line 3: could not find expected ':'"],
  ["lone_colon", ": x\n", "err", "error converting YAML to JSON: yaml: did not find expected key"],
  ["inf", "a: .inf\n", "err", "error converting YAML to JSON: json: unsupported value: +Inf"],
  ["nan", "a: .nan\n", "err", "error converting YAML to JSON: json: unsupported value: NaN"],
  ["neginf", "a: -.inf\n", "err", "error converting YAML to JSON: json: unsupported value: -Inf"],
  ["null_key", "~: 1\n", "err", "error converting YAML to JSON: unsupported map key of type: %!s(<nil>), key: <nil>, value: 1"],
  ["complex_key", "? [a, b]\n: 1\n", "err", "error converting YAML to JSON: yaml: invalid map key: []interface {}{\"a\", \"b\"}"],
  ["bool_key_map", "true: 1\nfalse: 2\n", "ok", "{\"false\":2,\"true\":1}"],
  ["float_key", "1.5: a\n1e3: b\n0x10: c\n", "ok", "{\"1.5\":\"a\",\"1000\":\"b\",\"16\":\"c\"}"],
  ["big_int", "a: 12345678901234567890\nb: 9007199254740993\n", "ok", "{\"a\":12345678901234567000,\"b\":9007199254740992}"],
  ["binary0b", "a: 0b101\nb: -0b11\nc: +0x1F\nd: -017\n", "ok", "{\"a\":5,\"b\":-3,\"c\":31,\"d\":-15}"],
  ["signs", "a: +.5\nb: -.5\nc: 1.\nd: 1.e3\ne: 1e+3\nf: +\nh: 0.\ni: -a\n", "ok", "{\"a\":0.5,\"b\":-0.5,\"c\":1,\"d\":1000,\"e\":1000,\"f\":\"+\",\"h\":0,\"i\":\"-a\"}"],
  ["dup", "a: 1\nb: 2\na: 3\n", "ok", "{\"a\":3,\"b\":2}"],
  ["merge_override", "x: &x {a: 1, b: 2}\ny:\n  a: 9\n  <<: *x\n", "ok", "{\"true\":{\"a\":1,\"b\":2},\"x\":{\"a\":1,\"b\":2}}"],
  ["tagged", "a: !!str 1\nb: !!int \"5\"\nc: !!float 1\nd: !!bool yes\ne: !custom hi\n", "ok", "{\"a\":\"1\",\"b\":5,\"c\":1,\"d\":true,\"e\":\"hi\"}"],
  ["timestamp_key", "2024-01-01: x\n", "ok", "{\"2024-01-01\":\"x\"}"],
  ["doc_end", "a: 1\n...\nb: 2\n", "ok", "{\"a\":1}"],
  ["second_doc_invalid", "a: 1\n---\nb: [\n", "ok", "{\"a\":1}"],
  ["dash_only", "---\n", "ok", "{}"],
  ["directive", "%YAML 1.1\n---\na: 1\n", "ok", "{\"a\":1}"],
  ["folded", "a: >\n  x\n  y\nb: |-\n  p\n  q\n", "ok", "{\"a\":\"x y\\n\",\"b\":\"p\\nq\"}"],
  ["control_char", "a: \"x\u0001\"\n", "err", "error converting YAML to JSON: yaml: control characters are not allowed"],
  ["seq_root_tag", "!!map\na: 1\n", "ok", "{\"a\":1}"],
  ["multiline_implicit", "a\nb: 1\n", "err", "error converting YAML to JSON: yaml: line 2: mapping values are not allowed in this context"],
  ["anchor_redefine", "a: &x 1\nb: &x 2\nc: *x\n", "ok", "{\"a\":1,\"b\":2,\"c\":2}"],
  ["empty_flow", "a: {}\nb: []\nc: [,]\n", "err", "error converting YAML to JSON: yaml: line 2: did not find expected node content"],
  ["trailing_comma", "a: [1, 2,]\nb: {x: 1,}\n", "ok", "{\"a\":[1,2],\"b\":{\"x\":1}}"],
  ["dq_multiline", "a: \"x\n  y\"\n", "ok", "{\"a\":\"x y\"}"],
  ["plain_multiline", "a: x\n  y\n", "ok", "{\"a\":\"x y\"}"],
  ["hash_in_plain", "a: x#y\nb: x #y\n", "ok", "{\"a\":\"x#y\",\"b\":\"x\"}"],
  ["colon_in_plain", "a: x:y\nb: http://x\n", "ok", "{\"a\":\"x:y\",\"b\":\"http://x\"}"],
  ["bom", "\ufeffa: 1\n", "ok", "{\"a\":1}"],
  ["nul", "a: 1\u0000\n", "err", "error converting YAML to JSON: yaml: control characters are not allowed"],
  ["yes_list", "- y\n- Off\n- ON\n- oN\n", "err", "error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go value of type map[string]interface {}"],
  ["octal_like", "a: 0o8\nb: 0x\nc: 09.5\nd: 1_0.5\ne: 1__0\n", "ok", "{\"a\":\"0o8\",\"b\":\"0x\",\"c\":9.5,\"d\":10.5,\"e\":10}"],
  ["deep_indent_err", "a:\n  - b\n  c: 1\n", "err", "error converting YAML to JSON: yaml: line 2: did not find expected '-' indicator"],  ["block_keep", "a: |+\n  x\n\nb: >-\n  y\n  z\n", "ok", "{\"a\":\"x\\n\\n\",\"b\":\"y z\"}"],
  ["block_indent_ind", "a: |2\n   x\n  y\n", "ok", "{\"a\":\" x\\ny\\n\"}"],
  ["flow_in_seq", "a:\n  - {x: 1, y: [2, 3]}\n  - [a, {b: c}]\n", "ok", "{\"a\":[{\"true\":[2,3],\"x\":1},[\"a\",{\"b\":\"c\"}]]}"],
  ["explicit_key", "? a\n: b\n", "ok", "{\"a\":\"b\"}"],
  ["anchor_key", "&k a: 1\nb: *k\n", "ok", "{\"a\":1,\"b\":\"a\"}"],
  ["unicode_esc", "a: \"\\U0001F600 \\u263A \\x41\"\n", "ok", "{\"a\":\"\ud83d\ude00 \u263a A\"}"],
  ["sq_multiline", "a: 'x\n  y\n\n  z'\n", "ok", "{\"a\":\"x y\\nz\"}"],
  ["tab_in_value", "a: x\ty\n", "ok", "{\"a\":\"x\\ty\"}"],
  ["no_space_colon", "a:b\nc: d\n", "err", "error converting YAML to JSON: yaml: line 2: mapping values are not allowed in this context"],
  ["nested_seq", "a:\n- - 1\n  - 2\n- - 3\n", "ok", "{\"a\":[[1,2],[3]]}"],
  ["seq_indentless", "a:\n- x\n- y\nb: 1\n", "ok", "{\"a\":[\"x\",true],\"b\":1}"],
  ["doc_start_inline", "--- {a: 1}\n", "ok", "{\"a\":1}"],
  ["comment_between", "a: # c\n  b: 1 # d\n# e\nc: 2\n", "ok", "{\"a\":{\"b\":1},\"c\":2}"],
  ["empty_values", "a:\nb: ''\nc: \"\"\nd: []\ne: {}\n", "ok", "{\"a\":null,\"b\":\"\",\"c\":\"\",\"d\":[],\"e\":{}}"],
  ["url_value", "a: http://x:80/y?z=1#f\n", "ok", "{\"a\":\"http://x:80/y?z=1#f\"}"],
  ["colon_end", "a: x:\n", "err", "error converting YAML to JSON: yaml: mapping values are not allowed in this context"],
  ["dash_value", "a: -\n", "err", "error converting YAML to JSON: yaml: block sequence entries are not allowed in this context"],
  ["question_value", "a: ?x\n", "ok", "{\"a\":\"?x\"}"],
  ["star_value", "a: x*y\n", "ok", "{\"a\":\"x*y\"}"],
  ["percent_mid", "a: 50%\n", "ok", "{\"a\":\"50%\"}"],
  ["exclaim_value", "a: x!\n", "ok", "{\"a\":\"x!\"}"],
  ["pipe_in_plain", "a: x|y\n", "ok", "{\"a\":\"x|y\"}"],
  ["big_exp", "a: 1e308\nb: 2e308\nc: -1e-400\n", "ok", "{\"a\":1e+308,\"b\":\"2e308\",\"c\":-0}"],
  ["neg_zero", "a: -0\nb: -0.0\n", "ok", "{\"a\":0,\"b\":-0}"],
  ["hex_float", "a: 0x1p3\n", "ok", "{\"a\":\"0x1p3\"}"],
  ["plus_inf", "a: +.inf\n", "err", "error converting YAML to JSON: json: unsupported value: +Inf"],
  ["sexagesimal", "a: 1:30\nb: 190:20:30\n", "ok", "{\"a\":\"1:30\",\"b\":\"190:20:30\"}"],
  ["int_underscore_hex", "a: 0x_1F\nb: 0b1_0\n", "ok", "{\"a\":31,\"b\":2}"],
  ["bool_like_strs", "a: True\nb: tRUE\nc: Yes\nd: yES\ne: on\nf: oN\n", "ok", "{\"a\":true,\"b\":\"tRUE\",\"c\":true,\"d\":\"yES\",\"e\":true,\"f\":\"oN\"}"],
  ["null_like", "a: Nul\nb: nULL\nc: ~x\n", "ok", "{\"a\":\"Nul\",\"b\":\"nULL\",\"c\":\"~x\"}"],
  ["dup_merge", "a: &a {x: 1}\nb:\n  <<: *a\n  <<: {y: 2}\n", "ok", "{\"a\":{\"x\":1},\"b\":{\"true\":2,\"x\":1}}"],
  ["merge_scalar", "a: &a 1\nb:\n  <<: *a\n", "err", "error converting YAML to JSON: yaml: map merge requires map or sequence of maps as the value"],
  ["bad_indent_seq", "a:\n  - 1\n - 2\n", "err", "error converting YAML to JSON: yaml: line 2: did not find expected key"],
  ["unterminated_flow_nested", "a: [1, {b: 2]\n", "err", "error converting YAML to JSON: yaml: did not find expected ',' or '}'"],
  ["unclosed_block_seq_flow", "- [a\n- b\n", "err", "error converting YAML to JSON: yaml: line 2: did not find expected ',' or ']'"],
  ["alias_to_later", "a: *b\nb: &b 1\n", "err", "error converting YAML to JSON: yaml: unknown anchor 'b' referenced"],
  ["self_alias", "a: &a [*a]\n", "err", "error converting YAML to JSON: yaml: anchor 'a' value contains itself"],
  ["deep_nesting", "a: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]\n", "ok", "{\"a\":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}"],
  ["crlf_block", "a: |\r\n  x\r\n  y\r\nb: 1\r\n", "ok", "{\"a\":\"x\\ny\\n\",\"b\":1}"],
  ["tabs_after_colon", "a:\t1\n", "ok", "{\"a\":1}"],
  ["trailing_ws_key", "a : 1\n", "ok", "{\"a\":1}"],
  ["mixed_seq_map", "a:\n  - x\n  y: 1\n", "err", "error converting YAML to JSON: yaml: line 2: did not find expected '-' indicator"],
  ["second_doc_only", "---\n---\na: 1\n", "ok", "{}"],
  ["leading_comment_doc", "# x\n---\na: 1\n", "ok", "{\"a\":1}"],
  ["literal_tab_indent", "a: |\n\tx\n", "err", "error converting YAML to JSON: yaml: line 2: found a tab character where an indentation space is expected"],
  // A plain scalar running onto the next line ends at the ':' go-yaml stops on.
  ["multiline_value_key", "image:\n  repository: nginx\n   tag: latest\n", "err", "error converting YAML to JSON: yaml: line 3: mapping values are not allowed in this context"],
  ["multiline_value_key_top", "a: b\nc: d\n  e: f\n", "err", "error converting YAML to JSON: yaml: line 3: mapping values are not allowed in this context"],
  ["multiline_value_key_first", "a: 1\n b: 2\n", "err", "error converting YAML to JSON: yaml: line 2: mapping values are not allowed in this context"],
  ["flow_seq_then_key", "apiVersion: v2\nname: [broken\nversion: 0.1.0\n", "err", "error converting YAML to JSON: yaml: line 2: did not find expected ',' or ']'"],
  ["flow_seq_to_end", "name: [broken\nversion 0.1.0\n", "err", "error converting YAML to JSON: yaml: line 2: did not find expected ',' or ']'"],
  ["flow_seq_next_key", "a: [1, 2\nb: 3\n", "err", "error converting YAML to JSON: yaml: line 1: did not find expected ',' or ']'"],
  ["flow_map_next_key", "a: {x: 1\nb: 2\n", "err", "error converting YAML to JSON: yaml: line 1: did not find expected ',' or '}'"],
];

describe("parseYamlMap matches helm's values.yaml parsing", () => {
  test.each(HELM)("%s", (_name, input, kind, want) => {
    if (kind === "ok") expect(goJson(parseYamlMap(input))).toBe(want);
    else expect(() => parseYamlMap(input)).toThrow(new YamlError(want));
  });
});

describe("go-yaml v2 scalars", () => {
  test("YAML 1.1 booleans, also as keys", () => {
    expect(goJson(parseYaml("a: yes\nb: Off\nc: y\nd: N\ne: 'yes'\n"))).toBe('{"a":true,"b":false,"c":true,"d":false,"e":"yes"}');
    expect(goJson(parseYaml("yes: 1\noff: 2\n"))).toBe('{"false":2,"true":1}');
  });

  test("every number is a float64 after the JSON step; the raw tree keeps ints", () => {
    expect(parseYaml("a: 017")).toEqual(Object.assign(Object.create(null), { a: 15 }));
    const raw = parseYamlRaw("a: 0x1F\nb: 1.5\n") as Record<string, unknown>;
    expect(raw.a).toEqual(new GoInt(31n, "int64"));
    expect(raw.b).toBe(1.5);
  });

  test("timestamps and version-like strings stay strings", () => {
    expect(goJson(parseYaml("d: 2024-01-01\nt: 12:30\nv: 1.2.3\n"))).toBe('{"d":"2024-01-01","t":"12:30","v":"1.2.3"}');
  });

  test("overflowing floats stay strings", () => {
    expect(goJson(parseYaml("c: 1e400\n"))).toBe('{"c":"1e400"}');
  });

  test("only the first document counts", () => {
    expect(goJson(parseYaml("a: 1\n---\nb: 2\n"))).toBe('{"a":1}');
  });

  test("merge keys: a list of maps, earlier maps win", () => {
    expect(goJson(parseYaml("a: &a {x: 1, z: 1}\nb: &b {x: 2, w: 2}\nc:\n  <<: [*a, *b]\n"))).toBe(
      '{"a":{"x":1,"z":1},"b":{"w":2,"x":2},"c":{"w":2,"x":1,"z":1}}',
    );
  });

  test("!!binary decodes to a string", () => {
    expect(goJson(parseYaml("b: !!binary aGVsbG8=\n"))).toBe('{"b":"hello"}');
  });

  test("maps have a null prototype, so __proto__ is an ordinary key", () => {
    const m = parseYamlMap("__proto__: x\n");
    expect(Object.getPrototypeOf(m)).toBe(null);
    expect(Object.getOwnPropertyDescriptor(m, "__proto__")?.value).toBe("x");
  });
});

describe("unmarshal targets", () => {
  test("a scalar document is not a map", () => {
    expect(() => parseYamlMap("just a string\n")).toThrow(
      "error unmarshaling JSON: while decoding JSON: json: cannot unmarshal string into Go value of type map[string]interface {}",
    );
  });

  test("arrays for fromYamlArray", () => {
    expect(parseYamlArray("- 1\n- a\n")).toEqual([1, "a"]);
    expect(() => parseYamlArray("a: 1\n")).toThrow("cannot unmarshal object into Go value of type []interface {}");
  });

  test("an empty document is an empty map", () => {
    expect(Object.keys(parseYamlMap(""))).toEqual([]);
    expect(Object.keys(parseYamlMap("# only a comment\n"))).toEqual([]);
  });

  test("self-referencing aliases and alias bombs are rejected", () => {
    const bomb = ["a: &a [x,x,x,x,x,x,x,x,x,x]"];
    for (let i = 0; i < 8; i++) bomb.push(`${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10).fill(`*${String.fromCharCode(97 + i)}`).join(",")}]`);
    expect(() => parseYaml(`${bomb.join("\n")}\n`)).toThrow("document contains excessive aliasing");
  });
});
