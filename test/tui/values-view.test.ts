import { describe, expect, test } from "vitest";
import { checkValues, highlightYamlLine, keyLine, valuesRows } from "../../src/tui/view/values.js";
import { editKey, editorFrom, editorText } from "../../src/tui/view/values-edit.js";
import { effectiveValues } from "../../src/tui/view/values-layers.js";
import type { KeyPress } from "../../src/tui/keymap.js";

const SCHEMA = JSON.stringify({
  type: "object",
  properties: {
    replicaCount: { type: "integer" },
    service: { type: "object", properties: { port: { type: "integer", minimum: 1 } } },
  },
});
const TEXT = "# pods\nreplicaCount: 2\nservice:\n  type: ClusterIP\n  port: 80\n";

describe("checkValues", () => {
  test("valid values have no issues", () => {
    expect(checkValues(TEXT, SCHEMA).issues).toEqual([]);
  });
  test("a schema violation lands on the line of its key with helm's message", () => {
    const { issues } = checkValues(TEXT.replace("port: 80", "port: -3"), SCHEMA);
    expect(issues).toEqual([{ key: "service.port", line: 5, message: "service.port: Must be greater than or equal to 1" }]);
  });
  test("a type error names the expected type", () => {
    const { issues } = checkValues(TEXT.replace("replicaCount: 2", "replicaCount: two"), SCHEMA);
    expect(issues[0]).toMatchObject({ line: 2, message: "replicaCount: Invalid type. Expected: integer, given: string" });
  });
  test("a YAML error is reported as helm words it, and the schema is not checked", () => {
    const { issues, values } = checkValues("a: 1\nb: c: d\n", SCHEMA);
    expect(values).toBeUndefined();
    expect(issues).toEqual([{ line: 2, message: "error converting YAML to JSON: yaml: line 2: mapping values are not allowed in this context" }]);
  });
});

describe("keyLine", () => {
  test("finds nested keys and sequence items, or the nearest parent", () => {
    const text = "a:\n  b:\n    - x\n    - y\nc: 1\n";
    expect(keyLine(text, ["a", "b"])).toBe(2);
    expect(keyLine(text, ["a", "b", "1"])).toBe(4);
    expect(keyLine(text, ["c"])).toBe(5);
    expect(keyLine(text, ["a", "missing"])).toBe(1);
  });
});

describe("valuesRows and highlighting", () => {
  test("numbers lines, marks the cursor, attaches issues", () => {
    const rows = valuesRows(TEXT, [{ line: 2, message: "bad" }], 2);
    expect(rows).toHaveLength(5);
    expect(rows[1]).toMatchObject({ number: 2, issues: ["bad"], cursor: false });
    expect(rows[2]!.cursor).toBe(true);
  });
  test("keys, scalars and comments get their tokens", () => {
    expect(highlightYamlLine("  port: 80 # http")).toEqual([
      { text: "  ", token: "muted" },
      { text: "port:", token: "accent" },
      { text: " 80 ", token: "status.info" },
      { text: "# http", token: "muted" },
    ]);
    expect(highlightYamlLine('tag: "a#b"')[1]).toEqual({ text: ' "a#b"', token: "status.ok" });
    expect(highlightYamlLine("# only")).toEqual([{ text: "# only", token: "muted" }]);
  });
});

const key = (input: string, name?: KeyPress["name"]): KeyPress => ({ input, name, ctrl: false, shift: false });

describe("line editor", () => {
  test("moves, deletes and inserts", () => {
    let s = editorFrom("port: 80\n");
    s = editKey(s, key("", "end"), 10);
    s = editKey(s, key("", "backspace"), 10);
    s = editKey(s, key("", "backspace"), 10);
    s = editKey(s, key("9"), 10);
    expect(editorText(s)).toBe("port: 9\n");
  });
  test("Enter splits keeping the indentation; backspace at column 0 joins", () => {
    let s = editorFrom("a:\n  b: 1\n", 1);
    s = editKey(s, key("", "end"), 10);
    s = editKey(s, key("", "return"), 10);
    s = editKey(s, key("c: 2"), 10);
    expect(editorText(s)).toBe("a:\n  b: 1\n  c: 2\n");
    s = editKey(s, key("", "home"), 10);
    s = editKey(s, key("", "backspace"), 10);
    expect(s.lines[1]).toBe("  b: 1  c: 2");
  });
  test("scrolling follows the cursor", () => {
    let s = editorFrom("1\n2\n3\n4\n5\n");
    for (let i = 0; i < 4; i++) s = editKey(s, key("", "down"), 2);
    expect(s).toMatchObject({ row: 4, top: 3 });
    for (let i = 0; i < 4; i++) s = editKey(s, key("", "up"), 2);
    expect(s).toMatchObject({ row: 0, top: 0 });
  });
});

describe("effectiveValues", () => {
  test("each leaf names the layer that gave it its final value", () => {
    const rows = effectiveValues([
      { name: "subchart redis", at: ["redis"], values: { port: 6379, image: "redis" } },
      { name: "chart default", values: { replicas: 1, redis: { port: 6380 }, tags: ["a"] } },
      { name: "user edit", values: { replicas: 3, redis: { port: 6380 }, tags: ["a"] } },
    ]);
    expect(rows).toEqual([
      { key: "redis.image", value: '"redis"', layer: "subchart redis" },
      { key: "redis.port", value: "6380", layer: "chart default" },
      { key: "replicas", value: "3", layer: "user edit" },
      { key: "tags", value: '["a"]', layer: "chart default" },
    ]);
  });
  test("a null removes the key and everything under it", () => {
    const rows = effectiveValues([
      { name: "chart default", values: { a: { b: 1, c: 2 }, d: 1 } },
      { name: "user edit", values: { a: null, d: 1 } },
    ]);
    expect(rows.map((r) => r.key)).toEqual(["d"]);
  });
});
