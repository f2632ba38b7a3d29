import { describe, expect, test } from "vitest";
import { GoInt, type GoMap } from "../../src/template/value.js";
import { goTypeName } from "../../src/values/gotype.js";
import { mergeValuesOptions, type ValuesOptions } from "../../src/values/options.js";

function goJson(v: unknown): string {
  if (v instanceof GoInt) return v.toString();
  if (Array.isArray(v)) return `[${v.map(goJson).join(",")}]`;
  if (v !== null && typeof v === "object") {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${goJson(o[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(v ?? null);
}

const FILES: Record<string, string> = {
  "f.txt": "file\ncontent",
  "v1.yaml": "m:\n  k: v1\n  j: v1\nl: [1]\n",
  "v2.yaml": "m:\n  j: v2\nl: [2, 3]\n",
};

function readFile(path: string): string {
  const data = FILES[path];
  if (data === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: "ENOENT" });
  return data;
}

const FLAGS: Record<string, keyof ValuesOptions> = {
  "-f": "valueFiles",
  "--set": "values",
  "--set-string": "stringValues",
  "--set-json": "jsonValues",
  "--set-file": "fileValues",
  "--set-literal": "literalValues",
};

function toOptions(args: string[]): ValuesOptions {
  const opts: ValuesOptions = {};
  for (let i = 0; i < args.length; i += 2) {
    const key = FLAGS[args[i] as string] as keyof ValuesOptions;
    opts[key] = [...(opts[key] ?? []), args[i + 1] as string];
  }
  return opts;
}

function exactly(msg: string): RegExp {
  return new RegExp(`^${msg.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`);
}

function types(m: GoMap): string {
  return Object.keys(m)
    .sort()
    .map((k) => `${k}=${goTypeName(m[k]) === "nil" ? "<nil>" : goTypeName(m[k])};`)
    .join("");
}

// Flags, then helm v3.17.3's `toJson .Values` and the typeOf of each top-level
// key, or its error message (without "Error: ").
const HELM: [args: string[], json: string, typesOrError: string][] = [
  [["--set", "a=b,c=d"], "{\"a\":\"b\",\"c\":\"d\"}", "a=string;c=string;"],
  [["--set", "a.b.c=1"], "{\"a\":{\"b\":{\"c\":1}}}", "a=map[string]interface {};"],
  [["--set", "a=1,a.b=2"], "err", "failed parsing --set data: unable to parse key: interface conversion: interface {} is int64, not map[string]interface {}"],
  [["--set", "a.b=1,a[0]=2"], "err", "failed parsing --set data: unable to parse key: interface conversion: interface {} is map[string]interface {}, not []interface {}"],
  [["--set", "a[0]=1,a[0].b=2"], "{\"a\":[{\"b\":2}]}", "a=[]interface {};"],
  [["--set", "a[1][0]=x"], "{\"a\":[null,[\"x\"]]}", "a=[]interface {};"],
  [["--set", "a[-1]=x"], "err", "failed parsing --set data: negative -1 index not allowed"],
  [["--set", "a[x]=1"], "err", "failed parsing --set data: error parsing index: strconv.Atoi: parsing \"x\": invalid syntax"],
  [["--set", "a[0]"], "{\"a\":[]}", "a=[]interface {};"],
  [["--set", "a[0]x=1"], "err", "failed parsing --set data: unexpected data at end of array index: ['x']"],
  [["--set", "a=1,"], "{\"a\":1}", "a=int64;"],
  [["--set", ",a=1"], "err", "failed parsing --set data: key \"\" has no value (cannot end with ,)"],
  [["--set", "a.=1"], "err", "failed parsing --set data: key map \"a\" has no value"],
  [["--set", ".a=1"], "{}", ""],
  [["--set", "a={b,c"], "err", "failed parsing --set data: list must terminate with '}'"],
  [["--set", "a={b,c},d=e"], "{\"a\":[\"b\",\"c\"],\"d\":\"e\"}", "a=[]interface {};d=string;"],
  [["--set", "a\\.b=1"], "{\"a.b\":1}", "a.b=int64;"],
  [["--set", "a=\\{x\\}"], "{\"a\":\"{x}\"}", "a=string;"],
  [["--set", "a=9223372036854775807"], "{\"a\":9223372036854775807}", "a=int64;"],
  [["--set", "a=9223372036854775808"], "{\"a\":\"9223372036854775808\"}", "a=string;"],
  [["--set", "a=-0"], "{\"a\":0}", "a=int64;"],
  [["--set", "a=007"], "{\"a\":\"007\"}", "a=string;"],
  [["--set", "a=NULL,b=TrUe"], "{\"a\":null,\"b\":true}", "a=<nil>;b=bool;"],
  [["--set", "a[0].b="], "{\"a\":[]}", "a=[]interface {};"],
  [["--set", "a="], "{\"a\":\"\"}", "a=string;"],
  [["--set", "a.b="], "{\"a\":{\"b\":\"\"}}", "a=map[string]interface {};"],
  [["--set", "a[65537]=1"], "err", "failed parsing --set data: index of 65537 is greater than maximum supported index of 65536"],
  [["--set", "=x"], "{}", ""],
  [["--set", "a.b"], "err", "failed parsing --set data: key \"b\" has no value"],
  [["--set", "a,b=1"], "err", "failed parsing --set data: key \"a\" has no value (cannot end with ,)"],
  [["--set-string", "a={1,2}"], "{\"a\":[\"1\",\"2\"]}", "a=[]interface {};"],
  [["--set-string", "a.b=07"], "{\"a\":{\"b\":\"07\"}}", "a=map[string]interface {};"],
  [["--set-json", "a=[1,{\"b\":null}]"], "{\"a\":[1,{\"b\":null}]}", "a=[]interface {};"],
  [["--set-json", "a="], "{\"a\":null}", "a=<nil>;"],
  [["--set-json", "a=1,b=\"x\""], "{\"a\":1,\"b\":\"x\"}", "a=float64;b=string;"],
  [["--set-json", "a={bad"], "err", "failed parsing --set-json data a={bad"],
  [["--set-json", "a[0]={\"x\":1}"], "{\"a\":[{\"x\":1}]}", "a=[]interface {};"],
  [["--set-json", "a.b=true"], "{\"a\":{\"b\":true}}", "a=map[string]interface {};"],
  [["--set-literal", "a=x,y=z\\n"], "{\"a\":\"x,y=z\\\\n\"}", "a=string;"],
  [["--set-literal", "a.b[0]=1,2"], "{\"a\":{\"b\":[\"1,2\"]}}", "a=map[string]interface {};"],
  [["--set-literal", "a"], "err", "failed parsing --set-literal data: key \"a\" has no value"],
  [["--set-literal", "a[1]=q"], "{\"a\":[null,\"q\"]}", "a=[]interface {};"],
  [["--set-file", "a=f.txt"], "{\"a\":\"file\\ncontent\"}", "a=string;"],
  [["--set-file", "a=missing.txt"], "err", "failed parsing --set-file data: open missing.txt: no such file or directory"],
  [["--set-file", "a={f.txt,f.txt}"], "{\"a\":[\"file\\ncontent\",\"file\\ncontent\"]}", "a=[]interface {};"],
  [["--set", "a=1", "--set", "a.b=2"], "err", "failed parsing --set data: unable to parse key: interface conversion: interface {} is int64, not map[string]interface {}"],
  [["--set", "a.b=1", "--set", "a=2"], "{\"a\":2}", "a=int64;"],
  [["--set", "x[0]=1", "--set-string", "x[2]=s"], "{\"x\":[1,null,\"s\"]}", "x=[]interface {};"],
  [["-f", "v1.yaml", "--set", "m.k=set"], "{\"l\":[1],\"m\":{\"j\":\"v1\",\"k\":\"set\"}}", "l=[]interface {};m=map[string]interface {};"],
  [["-f", "missing.yaml"], "err", "open missing.yaml: no such file or directory"],
  [["-f", "v1.yaml", "-f", "v2.yaml"], "{\"l\":[2,3],\"m\":{\"j\":\"v2\",\"k\":\"v1\"}}", "l=[]interface {};m=map[string]interface {};"],
  [["--set-json", "a=1", "--set", "a=2", "--set-string", "a=3", "--set-literal", "a=4"], "{\"a\":\"4\"}", "a=string;"],
];

describe("mergeValuesOptions matches helm", () => {
  test.each(HELM)("%j", (args, json, second) => {
    if (json === "err") {
      expect(() => mergeValuesOptions(toOptions(args), readFile)).toThrow(exactly(second));
      return;
    }
    const got = mergeValuesOptions(toOptions(args), readFile);
    expect(goJson(got)).toBe(json);
    expect(types(got)).toBe(second);
  });
});

describe("values errors are user-facing", () => {
  test("a --set error carries the flag name", () => {
    try {
      mergeValuesOptions({ values: ["a"] });
      expect.unreachable();
    } catch (err) {
      expect((err as { userFacing?: boolean }).userFacing).toBe(true);
      expect((err as Error).message).toBe('failed parsing --set data: key "a" has no value');
    }
  });
});
