import { describe, expect, test } from "vitest";
import { loadFiles } from "../../src/chart/load.js";
import { coalesceValues } from "../../src/values/coalesce.js";
import { validateSchema } from "../../src/values/schema.js";

const SCHEMA = "{\"$schema\": \"http://json-schema.org/draft-07/schema#\", \"type\": \"object\", \"required\": [\"image\"], \"properties\": {\"image\": {\"type\": \"object\", \"required\": [\"repo\"], \"properties\": {\"repo\": {\"type\": \"string\", \"minLength\": 3}, \"tag\": {\"type\": [\"string\", \"null\"]}}}, \"ports\": {\"type\": \"array\", \"items\": {\"type\": \"integer\", \"maximum\": 65535, \"exclusiveMinimum\": 0}, \"maxItems\": 3, \"uniqueItems\": true}, \"mode\": {\"anyOf\": [{\"const\": \"a\"}, {\"type\": \"integer\"}]}, \"ratio\": {\"type\": \"number\", \"multipleOf\": 0.5, \"maximum\": 2.5}, \"labels\": {\"type\": \"object\", \"additionalProperties\": {\"type\": \"string\"}, \"maxProperties\": 2}, \"email\": {\"type\": \"string\", \"format\": \"email\"}, \"one\": {\"oneOf\": [{\"type\": \"string\"}, {\"type\": \"string\", \"maxLength\": 2}]}, \"ref\": {\"$ref\": \"#/definitions/pos\"}, \"notnull\": {\"not\": {\"type\": \"null\"}}}, \"definitions\": {\"pos\": {\"type\": \"integer\", \"minimum\": 1}}}";

// values.yaml, then helm v3.17.3's error (without "Error: "), or "" when it rendered.
const HELM: [name: string, valuesYaml: string, error: string][] = [
  ["missing_required", "x: 1\n", "values don't meet the specifications of the schema(s) in the following chart(s):\nvec:\n- (root): image is required"],
  ["nested", "image:\n  repo: ab\n  tag: 5\n", "values don't meet the specifications of the schema(s) in the following chart(s):\nvec:\n- image.repo: String length must be greater than or equal to 3\n- image.tag: Invalid type. Expected: [string,null], given: integer"],
  ["array", "image: {repo: abc}\nports: [80, 0, 70000, 80]\n", "values don't meet the specifications of the schema(s) in the following chart(s):\nvec:\n- ports.1: Must be greater than 0\n- ports.2: Must be less than or equal to 65535\n- ports: Array must have at most 3 items\n- ports: array items[0,3] must be unique"],
  ["anyof", "image: {repo: abc}\nmode: b\n", "values don't meet the specifications of the schema(s) in the following chart(s):\nvec:\n- mode: Must validate at least one schema (anyOf)\n- mode: mode does not match: \"a\""],
  ["number", "image: {repo: abc}\nratio: 2.75\n", "values don't meet the specifications of the schema(s) in the following chart(s):\nvec:\n- ratio: Must be a multiple of 0.5\n- ratio: Must be less than or equal to 2.5"],
  ["addl", "image: {repo: abc}\nlabels: {a: x, b: 1, c: z}\n", "values don't meet the specifications of the schema(s) in the following chart(s):\nvec:\n- labels: Must have at most 2 properties\n- labels.b: Invalid type. Expected: string, given: integer"],
  ["format", "image: {repo: abc}\nemail: nope\n", "values don't meet the specifications of the schema(s) in the following chart(s):\nvec:\n- email: Does not match format 'email'"],
  ["oneof", "image: {repo: abc}\none: ab\n", "values don't meet the specifications of the schema(s) in the following chart(s):\nvec:\n- one: Must validate one and only one schema (oneOf)"],
  ["ref", "image: {repo: abc}\nref: 0\n", "values don't meet the specifications of the schema(s) in the following chart(s):\nvec:\n- ref: Must be greater than or equal to 1"],
  ["not", "image: {repo: abc}\nnotnull: null\n", "values don't meet the specifications of the schema(s) in the following chart(s):\nvec:\n- notnull: Must not validate the schema (not)"],
  ["ok", "image: {repo: abc, tag: null}\nports: [80]\nmode: 3\n", ""],
  ["root_type", "image: {repo: abc}\nports: {a: 1}\n", "values don't meet the specifications of the schema(s) in the following chart(s):\nvec:\n- ports: Invalid type. Expected: array, given: object"],
];

function chartWith(valuesYaml: string, schema: string) {
  return loadFiles([
    { name: "Chart.yaml", data: Buffer.from("apiVersion: v2\nname: vec\nversion: 0.1.0\n") },
    { name: "values.yaml", data: Buffer.from(valuesYaml) },
    { name: "values.schema.json", data: Buffer.from(schema) },
  ]);
}

describe("values.schema.json messages match helm (gojsonschema)", () => {
  test.each(HELM)("%s", (_name, valuesYaml, error) => {
    const chart = chartWith(valuesYaml, SCHEMA);
    const values = coalesceValues(chart, null);
    if (error === "") expect(() => validateSchema(chart, values)).not.toThrow();
    else {
      let message = "";
      try {
        validateSchema(chart, values);
      } catch (err) {
        message = (err as Error).message;
      }
      expect(message).toBe(`${error}\n`);
    }
  });
});

describe("subchart schemas", () => {
  test("each chart's errors under its own name", () => {
    const chart = loadFiles([
      { name: "Chart.yaml", data: Buffer.from("apiVersion: v2\nname: top\nversion: 0.1.0\n") },
      { name: "values.yaml", data: Buffer.from("sub:\n  count: x\n") },
      { name: "charts/sub/Chart.yaml", data: Buffer.from("apiVersion: v2\nname: sub\nversion: 0.1.0\n") },
      { name: "charts/sub/values.schema.json", data: Buffer.from('{"properties":{"count":{"type":"integer"}}}') },
    ]);
    expect(() => validateSchema(chart, coalesceValues(chart, null))).toThrow(
      "values don't meet the specifications of the schema(s) in the following chart(s):\nsub:\n- count: Invalid type. Expected: integer, given: string\n",
    );
  });
});
