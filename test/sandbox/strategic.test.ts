// Strategic merge patch semantics as the API server applies them.
import { describe, expect, it } from "vitest";
import { mergePatch, jsonPatch } from "../../src/sandbox/patch/json.js";
import { schemaFor } from "../../src/sandbox/patch/meta.js";
import { strategicMerge } from "../../src/sandbox/patch/strategic.js";

const pod = schemaFor("", "Pod", false);
const deploy = schemaFor("apps", "Deployment", false);

const base = {
  metadata: { name: "p", finalizers: ["a", "b"] },
  spec: {
    containers: [
      { name: "web", image: "nginx:1", ports: [{ containerPort: 80 }, { containerPort: 443 }], env: [{ name: "A", value: "1" }], args: ["x", "y"] },
      { name: "side", image: "busybox" },
    ],
    volumes: [{ name: "data", emptyDir: {} }],
  },
};

describe("strategic merge patch", () => {
  it("merges containers by name, ports by containerPort and env by name; replaces atomic lists", () => {
    const out = strategicMerge(base, {
      spec: { containers: [{ name: "web", image: "nginx:2", ports: [{ containerPort: 8080 }], env: [{ name: "B", value: "2" }], args: ["z"] }] },
    }, pod);
    const web = out.spec.containers[0];
    expect(web.image).toBe("nginx:2");
    expect(web.ports.map((p: any) => p.containerPort)).toEqual([80, 443, 8080]);
    expect(web.env.map((e: any) => e.name)).toEqual(["A", "B"]);
    expect(web.args).toEqual(["z"]);
    expect(out.spec.containers[1].name).toBe("side");
  });

  it("honours $patch delete and replace in lists and maps, and null deletes", () => {
    const del = strategicMerge(base, { spec: { containers: [{ name: "side", $patch: "delete" }] } }, pod);
    expect(del.spec.containers.map((c: any) => c.name)).toEqual(["web"]);
    const rep = strategicMerge(base, { spec: { containers: [{ $patch: "replace" }, { name: "only", image: "x" }] } }, pod);
    expect(rep.spec.containers).toEqual([{ name: "only", image: "x" }]);
    const mapRep = strategicMerge({ data: { a: "1", b: "2" } }, { data: { $patch: "replace", c: "3" } }, pod);
    expect(mapRep.data).toEqual({ c: "3" });
    const nul = strategicMerge(base, { spec: { volumes: null } }, pod);
    expect(nul.spec.volumes).toBeUndefined();
    const mapDel = strategicMerge(base, { spec: { $patch: "delete" } }, pod);
    expect(mapDel.spec).toBeUndefined();
  });

  it("applies $setElementOrder, $deleteFromPrimitiveList and $retainKeys", () => {
    const ordered = strategicMerge(base, {
      spec: { "$setElementOrder/containers": [{ name: "side" }, { name: "web" }], containers: [{ name: "side", image: "busybox:2" }] },
    }, pod);
    expect(ordered.spec.containers.map((c: any) => `${c.name}:${c.image}`)).toEqual(["side:busybox:2", "web:nginx:1"]);
    const fin = strategicMerge(base, { metadata: { "$deleteFromPrimitiveList/finalizers": ["a"], finalizers: ["c"] } }, pod);
    expect(fin.metadata.finalizers).toEqual(["b", "c"]);
    const d = { spec: { strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: 1 } } } };
    const recreate = strategicMerge(d, { spec: { strategy: { $retainKeys: ["type"], type: "Recreate" } } }, deploy);
    expect(recreate.spec.strategy).toEqual({ type: "Recreate" });
  });

  it("treats unknown kinds as unsupported and JSON merge patch as RFC 7386", () => {
    expect(schemaFor("example.com", "Widget", true).known).toBe(false);
    expect(mergePatch({ a: { b: 1, c: 2 }, l: [1, 2] }, { a: { b: null, d: 3 }, l: [3] })).toEqual({ a: { c: 2, d: 3 }, l: [3] });
  });

  it("applies RFC 6902 JSON patches and fails a failed test op", () => {
    const doc = { a: [1, 2], b: { c: "x" } };
    expect(jsonPatch(doc, [{ op: "add", path: "/a/-", value: 3 }, { op: "move", from: "/b/c", path: "/d" }, { op: "copy", from: "/d", path: "/e" }])).toEqual({ a: [1, 2, 3], b: {}, d: "x", e: "x" });
    expect(() => jsonPatch(doc, [{ op: "test", path: "/b/c", value: "y" }])).toThrow(/test failed/);
    expect(() => jsonPatch(doc, [{ op: "remove", path: "/zz" }])).toThrow(/missing/);
  });
});
