import { describe, expect, test } from "vitest";
import { loadFiles } from "../../src/chart/load.js";
import type { ChartMetadata } from "../../src/chart/model.js";

function goMap(m: Record<string, string>): string {
  return `map[${Object.keys(m)
    .sort()
    .map((k) => `${k}:${m[k]}`)
    .join(" ")}]`;
}

/** The fields helm printed: Version|AppVersion|Name|Description|Deprecated|Annotations|APIVersion */
function summary(md: ChartMetadata): string {
  return [md.version, md.appVersion, md.name, JSON.stringify(md.description), String(md.deprecated), goMap(md.annotations), md.apiVersion].join("|");
}

// Chart.yaml text, then what helm v3.17.3 printed for those fields, or its error.
const HELM: [name: string, chartYaml: string, want: string][] = [
  ["float_versions", "apiVersion: v2\nname: vec\nversion: 1.10\nappVersion: 1.10\n", "1.1|1.1|vec|\"\"|false|map[]|v2"],
  ["int_version", "apiVersion: v2\nname: vec\nversion: 1\nappVersion: 16777217\n", "1|16777217|vec|\"\"|false|map[]|v2"],
  ["keywords_string", "apiVersion: v2\nname: vec\nversion: 0.1.0\nkeywords: web\n", "Error: cannot load Chart.yaml: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal string into Go struct field Metadata.keywords of type []string"],
  ["deprecated_string", "apiVersion: v2\nname: vec\nversion: 0.1.0\ndeprecated: \"yes\"\n", "Error: cannot load Chart.yaml: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal string into Go struct field Metadata.deprecated of type bool"],
  ["deprecated_yes", "apiVersion: v2\nname: vec\nversion: 0.1.0\ndeprecated: yes\n", "0.1.0||vec|\"\"|true|map[]|v2"],
  ["name_slash", "apiVersion: v2\nname: a/b\nversion: 0.1.0\n", "Error: validation: chart.metadata.name \"a/b\" is invalid"],
  ["bad_alias", "apiVersion: v2\nname: vec\nversion: 0.1.0\ndependencies:\n  - name: x\n    alias: a.b\n", "Error: validation: dependency \"x\" has disallowed characters in the alias"],
  ["dup_dep", "apiVersion: v2\nname: vec\nversion: 0.1.0\ndependencies:\n  - name: x\n  - name: y\n    alias: x\n", "Error: validation: more than one dependency with name or alias \"x\""],
  ["null_dep", "apiVersion: v2\nname: vec\nversion: 0.1.0\ndependencies:\n  -\n", "Error: validation: dependencies must not contain empty or null nodes"],
  ["null_maint", "apiVersion: v2\nname: vec\nversion: 0.1.0\nmaintainers:\n  -\n", "Error: validation: maintainers must not contain empty or null nodes"],
  ["caps_keys", "ApiVersion: v2\nNAME: vec\nVersion: 0.1.0\nDescription: hi\n", "0.1.0||vec|\"hi\"|false|map[]|v2"],
  ["annotations_num", "apiVersion: v2\nname: vec\nversion: 0.1.0\nannotations:\n  a: 1\n  b: true\n  c: 1.50\n", "0.1.0||vec|\"\"|false|map[a:1 b:true c:1.5]|v2"],
  ["annotations_list", "apiVersion: v2\nname: vec\nversion: 0.1.0\nannotations: [a]\n", "Error: cannot load Chart.yaml: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go struct field Metadata.annotations of type map[string]string"],
  ["ctrl_chars", "apiVersion: v2\nname: vec\nversion: 0.1.0\ndescription: \"a\\tb\\u0007c\\nd\"\n", "0.1.0||vec|\"a bc d\"|false|map[]|v2"],
  ["version_v", "apiVersion: v2\nname: vec\nversion: v1.2\n", "v1.2||vec|\"\"|false|map[]|v2"],
  ["version_lead0", "apiVersion: v2\nname: vec\nversion: 1.2.3-01\n", "Error: validation: chart.metadata.version \"1.2.3-01\" is invalid"],
  ["yaml_error", "apiVersion: v2\nname: [vec\n", "Error: cannot load Chart.yaml: error converting YAML to JSON: yaml: line 2: did not find expected ',' or ']'"],
  ["list_root", "- a\n", "Error: cannot load Chart.yaml: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go value of type chart.Metadata"],
  ["empty", "", "Error: validation: chart.metadata.name is required"],
  ["tags_list", "apiVersion: v2\nname: vec\nversion: 0.1.0\ndependencies:\n  - name: x\n    tags: a\n", "Error: cannot load Chart.yaml: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal string into Go struct field Dependency.dependencies.tags of type []string"],
];

describe("Chart.yaml decoding and validation match helm", () => {
  test.each(HELM)("%s", (_name, chartYaml, want) => {
    const files = [{ name: "Chart.yaml", data: Buffer.from(chartYaml) }];
    if (want.startsWith("Error: ")) {
      let caught: unknown;
      try {
        loadFiles(files);
      } catch (err) {
        caught = err;
      }
      expect((caught as Error).message).toBe(want.slice("Error: ".length));
      expect((caught as { userFacing?: boolean }).userFacing).toBe(true);
    } else {
      expect(summary(loadFiles(files).metadata)).toBe(want);
    }
  });
});

describe("apiVersion", () => {
  test("defaults to v1 when Chart.yaml leaves it out", () => {
    const c = loadFiles([{ name: "Chart.yaml", data: Buffer.from("name: x\nversion: 1.0.0\n") }]);
    expect(c.metadata.apiVersion).toBe("v1");
  });

  test("v1 charts take dependencies from requirements.yaml and keep it in .Files", () => {
    const c = loadFiles([
      { name: "Chart.yaml", data: Buffer.from("name: x\nversion: 1.0.0\n") },
      { name: "requirements.yaml", data: Buffer.from("dependencies:\n  - name: sub\n    version: ~1.0\n    condition: sub.on\n") },
    ]);
    expect(c.metadata.dependencies.map((d) => [d?.name, d?.version, d?.condition])).toEqual([["sub", "~1.0", "sub.on"]]);
    expect(c.files.map((f) => f.name)).toEqual(["requirements.yaml"]);
  });
});
