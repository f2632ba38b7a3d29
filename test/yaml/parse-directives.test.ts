import { describe, expect, it } from "vitest";
import { parseYaml } from "../../src/yaml/parse.js";

// helm v3.17.3: a directive with no document after it is go-yaml's parser error.
describe("YAML directives", () => {
  it("rejects a directive without a document", () => {
    expect(() => parseYaml("%YAML 1.1")).toThrow(
      "error converting YAML to JSON: yaml: line 1: did not find expected <document start>",
    );
  });

  it("accepts a directive followed by a document", () => {
    expect(parseYaml("%YAML 1.1\n---\na: 1\n")).toEqual({ a: 1 });
  });
});
