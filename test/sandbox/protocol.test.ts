// The HTTP protocol as kube-apiserver shapes it, checked with raw requests.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sandbox } from "../../src/sandbox/index.js";
import { http, newSandbox } from "./helpers.js";

let sb: Sandbox;
beforeAll(async () => {
  sb = await newSandbox({ controllers: false });
});
afterAll(() => sb.stop());

const cm = (name: string, labels: Record<string, string> = {}) => ({ apiVersion: "v1", kind: "ConfigMap", metadata: { name, labels }, data: { k: name } });

describe("non-resource endpoints", () => {
  it("serves version and health", async () => {
    const v = await http(sb, "GET", "/version");
    expect(v.json.gitVersion).toMatch(/^v1\.32\./);
    expect(v.json.major).toBe("1");
    for (const p of ["/healthz", "/readyz", "/livez"]) expect((await http(sb, "GET", p)).json).toBe("ok");
  });

  it("serves legacy and aggregated discovery", async () => {
    const groups = await http(sb, "GET", "/apis");
    expect(groups.json.kind).toBe("APIGroupList");
    expect(groups.json.groups.map((g: any) => g.name)).toContain("apps");
    const apps = await http(sb, "GET", "/apis/apps/v1");
    const deploy = apps.json.resources.find((r: any) => r.name === "deployments");
    expect(deploy).toMatchObject({ kind: "Deployment", namespaced: true, shortNames: ["deploy"] });
    expect(apps.json.resources.map((r: any) => r.name)).toContain("deployments/scale");
    const accept = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json";
    const agg = await http(sb, "GET", "/apis", undefined, { Accept: accept });
    expect(agg.headers.get("content-type")).toContain("as=APIGroupDiscoveryList");
    expect(agg.json.kind).toBe("APIGroupDiscoveryList");
    const batch = agg.json.items.find((i: any) => i.metadata.name === "batch");
    expect(batch.versions[0].resources.find((r: any) => r.resource === "jobs")).toMatchObject({ scope: "Namespaced", responseKind: { kind: "Job" } });
    const core = await http(sb, "GET", "/api", undefined, { Accept: accept });
    expect(core.json.items[0].versions[0].version).toBe("v1");
  });

  it("serves openapi v3 with fieldValidation on PATCH and an empty protobuf v2", async () => {
    const root = await http(sb, "GET", "/openapi/v3");
    expect(root.json.paths["apis/apps/v1"].serverRelativeURL).toBe("/openapi/v3/apis/apps/v1");
    const doc = await http(sb, "GET", "/openapi/v3/apis/apps/v1");
    const patch = doc.json.paths["/apis/apps/v1/namespaces/{namespace}/deployments/{name}"].patch;
    expect(patch.parameters.map((p: any) => p.name)).toContain("fieldValidation");
    expect(patch["x-kubernetes-group-version-kind"]).toEqual({ group: "apps", version: "v1", kind: "Deployment" });
    const v2 = await fetch(`${sb.url}/openapi/v2`, { headers: { Accept: "application/com.github.proto-openapi.spec.v2@v1.0+protobuf" } });
    expect(v2.status).toBe(200);
    expect((await v2.arrayBuffer()).byteLength).toBe(0);
  });

});

describe("errors are Status objects", () => {
  it("NotFound, AlreadyExists, Invalid, BadRequest, MethodNotAllowed", async () => {
    const nf = await http(sb, "GET", "/api/v1/namespaces/default/secrets/x");
    expect(nf.status).toBe(404);
    expect(nf.json).toMatchObject({ kind: "Status", status: "Failure", reason: "NotFound", code: 404, message: 'secrets "x" not found' });
    const dep = await http(sb, "GET", "/apis/apps/v1/namespaces/default/deployments/web");
    expect(dep.json.message).toBe('deployments.apps "web" not found');
    await http(sb, "POST", "/api/v1/namespaces/default/configmaps", cm("dup"));
    const ae = await http(sb, "POST", "/api/v1/namespaces/default/configmaps", cm("dup"));
    expect(ae.status).toBe(409);
    expect(ae.json).toMatchObject({ reason: "AlreadyExists", message: 'configmaps "dup" already exists' });
    const inv = await http(sb, "POST", "/api/v1/namespaces/default/configmaps", cm("Bad_Name"));
    expect(inv.status).toBe(422);
    expect(inv.json.reason).toBe("Invalid");
    expect(inv.json.message).toMatch(/^ConfigMap "Bad_Name" is invalid: metadata.name: Invalid value: "Bad_Name"/);
    expect(inv.json.details.causes[0]).toMatchObject({ type: "FieldValueInvalid", field: "metadata.name" });
    const br = await http(sb, "POST", "/api/v1/namespaces/default/configmaps", "{not json");
    expect(br).toMatchObject({ status: 400, json: { reason: "BadRequest" } });
    const mna = await http(sb, "PUT", "/api/v1/namespaces/default/configmaps", cm("x"));
    expect(mna).toMatchObject({ status: 405, json: { reason: "MethodNotAllowed" } });
    const nons = await http(sb, "POST", "/api/v1/namespaces/nope/configmaps", cm("x"));
    expect(nons).toMatchObject({ status: 404, json: { message: 'namespaces "nope" not found' } });
    const bad = await http(sb, "POST", "/apis/apps/v1/namespaces/default/deployments", {
      metadata: { name: "d" },
      spec: { selector: { matchLabels: { a: "b" } }, template: { metadata: { labels: { a: "c" } }, spec: { containers: [{ name: "c", image: "x" }] } } },
    });
    expect(bad.status).toBe(422);
    expect(bad.json.details.causes[0].field).toBe("spec.template.metadata.labels");
  });

  it("rejects a stale resourceVersion with Conflict", async () => {
    const created = (await http(sb, "POST", "/api/v1/namespaces/default/configmaps", cm("rv"))).json;
    const first = await http(sb, "PUT", "/api/v1/namespaces/default/configmaps/rv", { ...created, data: { k: "1" } });
    expect(first.status).toBe(200);
    expect(Number(first.json.metadata.resourceVersion)).toBeGreaterThan(Number(created.metadata.resourceVersion));
    const stale = await http(sb, "PUT", "/api/v1/namespaces/default/configmaps/rv", { ...created, data: { k: "2" } });
    expect(stale.status).toBe(409);
    expect(stale.json.message).toBe(
      'Operation cannot be fulfilled on configmaps "rv": the object has been modified; please apply your changes to the latest version and try again',
    );
  });

});

describe("object bookkeeping", () => {
  it("assigns uid, resourceVersion, creationTimestamp, generateName and generation", async () => {
    const r = await http(sb, "POST", "/api/v1/namespaces/default/configmaps", { metadata: { generateName: "gen-" }, data: {} });
    expect(r.status).toBe(201);
    expect(r.json.metadata.name).toMatch(/^gen-[a-z0-9]{5}$/);
    expect(r.json.metadata.uid).toMatch(/^[0-9a-f-]{36}$/);
    expect(r.json.metadata.creationTimestamp).toMatch(/Z$/);
    expect(r.json.metadata.managedFields[0]).toMatchObject({ operation: "Update", fieldsType: "FieldsV1" });
    const spec = { selector: { matchLabels: { a: "b" } }, template: { metadata: { labels: { a: "b" } }, spec: { containers: [{ name: "c", image: "x:1" }] } } };
    const d = (await http(sb, "POST", "/apis/apps/v1/namespaces/default/deployments", { metadata: { name: "gen" }, spec })).json;
    expect(d.metadata.generation).toBe(1);
    const labelled = (await http(sb, "PATCH", "/apis/apps/v1/namespaces/default/deployments/gen", { metadata: { labels: { x: "y" } } }, { "Content-Type": "application/merge-patch+json" })).json;
    expect(labelled.metadata.generation).toBe(1);
    const scaled = (await http(sb, "PATCH", "/apis/apps/v1/namespaces/default/deployments/gen", { spec: { replicas: 3 } }, { "Content-Type": "application/merge-patch+json" })).json;
    expect(scaled.metadata.generation).toBe(2);
    const scale = await http(sb, "GET", "/apis/apps/v1/namespaces/default/deployments/gen/scale");
    expect(scale.json).toMatchObject({ kind: "Scale", spec: { replicas: 3 }, status: { selector: "a=b" } });
  });

  it("dryRun=All validates without storing", async () => {
    const r = await http(sb, "POST", "/api/v1/namespaces/default/configmaps?dryRun=All", cm("dry"));
    expect(r.status).toBe(201);
    expect((await http(sb, "GET", "/api/v1/namespaces/default/configmaps/dry")).status).toBe(404);
  });

  it("lists with label and field selectors, limit and continue", async () => {
    await http(sb, "POST", "/api/v1/namespaces", { metadata: { name: "sel" } });
    for (const [n, tier] of [["a", "web"], ["b", "db"], ["c", "web"], ["d", "cache"]]) {
      await http(sb, "POST", "/api/v1/namespaces/sel/configmaps", cm(n, { tier }));
    }
    const names = (r: any) => r.json.items.map((i: any) => i.metadata.name);
    expect(names(await http(sb, "GET", "/api/v1/namespaces/sel/configmaps?labelSelector=tier%3Dweb"))).toEqual(["a", "c"]);
    expect(names(await http(sb, "GET", "/api/v1/namespaces/sel/configmaps?labelSelector=tier%20in%20(db,cache)"))).toEqual(["b", "d"]);
    expect(names(await http(sb, "GET", "/api/v1/namespaces/sel/configmaps?labelSelector=tier!%3Dweb,tier"))).toEqual(["b", "d"]);
    expect(names(await http(sb, "GET", "/api/v1/configmaps?fieldSelector=metadata.name%3Db,metadata.namespace%3Dsel"))).toEqual(["b"]);
    const page1 = await http(sb, "GET", "/api/v1/namespaces/sel/configmaps?limit=2&labelSelector=tier");
    expect(names(page1)).toEqual(["a", "b"]);
    expect(page1.json.metadata.remainingItemCount).toBe(2);
    const page2 = await http(sb, "GET", `/api/v1/namespaces/sel/configmaps?limit=2&labelSelector=tier&continue=${encodeURIComponent(page1.json.metadata.continue)}`);
    expect(names(page2)).toEqual(["c", "d"]);
    expect(page2.json.metadata.continue).toBeUndefined();
  });

  it("serves Tables when kubectl asks for them", async () => {
    const t = await http(sb, "GET", "/api/v1/namespaces/sel/configmaps", undefined, { Accept: "application/json;as=Table;v=v1;g=meta.k8s.io,application/json" });
    expect(t.json.kind).toBe("Table");
    expect(t.json.columnDefinitions.map((c: any) => c.name)).toEqual(["Name", "Data", "Age"]);
    expect(t.json.rows[0].cells.slice(0, 2)).toEqual(["a", 1]);
    expect(t.json.rows[0].object.kind).toBe("PartialObjectMetadata");
  });

});

describe("watch", () => {
  it("streams events from a resourceVersion", async () => {
    await http(sb, "POST", "/api/v1/namespaces", { metadata: { name: "w" } });
    const list = await http(sb, "GET", "/api/v1/namespaces/w/configmaps");
    const rv = list.json.metadata.resourceVersion;
    const ctrl = new AbortController();
    const res = await fetch(`${sb.url}/api/v1/namespaces/w/configmaps?watch=true&resourceVersion=${rv}&allowWatchBookmarks=true&timeoutSeconds=5`, { signal: ctrl.signal });
    const reader = res.body!.getReader();
    const created = (await http(sb, "POST", "/api/v1/namespaces/w/configmaps", cm("one"))).json;
    await http(sb, "PUT", "/api/v1/namespaces/w/configmaps/one", { ...created, data: { k: "2" } });
    await http(sb, "DELETE", "/api/v1/namespaces/w/configmaps/one");
    let text = "";
    while ((text.match(/\n/g) ?? []).length < 3) text += new TextDecoder().decode((await reader.read()).value);
    ctrl.abort();
    const events = text.trim().split("\n").map((l) => JSON.parse(l));
    expect(events.map((e) => e.type)).toEqual(["ADDED", "MODIFIED", "DELETED"]);
    expect(events[1].object.data.k).toBe("2");
  });


  it("sends the current state first, then a bookmark that ends the initial events", async () => {
    await http(sb, "POST", "/api/v1/namespaces", { metadata: { name: "w2" } });
    await http(sb, "POST", "/api/v1/namespaces/w2/configmaps", cm("there"));
    const res = await fetch(`${sb.url}/api/v1/namespaces/w2/configmaps?watch=true&sendInitialEvents=true&allowWatchBookmarks=true&resourceVersionMatch=NotOlderThan&timeoutSeconds=1`);
    const events = (await res.text()).trim().split("\n").map((l) => JSON.parse(l));
    expect(events.map((e) => `${e.type}:${e.object.metadata.name ?? ""}`)).toEqual(["ADDED:kube-root-ca.crt", "ADDED:there", "BOOKMARK:"]);
    expect(events[2].object.metadata.annotations).toEqual({ "k8s.io/initial-events-end": "true" });
  });

  it("turns updates that enter or leave a label selection into ADDED and DELETED", async () => {
    await http(sb, "POST", "/api/v1/namespaces", { metadata: { name: "w3" } });
    const rv = (await http(sb, "GET", "/api/v1/namespaces/w3/configmaps")).json.metadata.resourceVersion;
    const merge = { "Content-Type": "application/merge-patch+json" };
    await http(sb, "POST", "/api/v1/namespaces/w3/configmaps", cm("m", { sel: "no" }));
    await http(sb, "PATCH", "/api/v1/namespaces/w3/configmaps/m", { metadata: { labels: { sel: "yes" } } }, merge);
    await http(sb, "PATCH", "/api/v1/namespaces/w3/configmaps/m", { data: { k: "2" } }, merge);
    await http(sb, "PATCH", "/api/v1/namespaces/w3/configmaps/m", { metadata: { labels: { sel: "no" } } }, merge);
    const res = await fetch(`${sb.url}/api/v1/namespaces/w3/configmaps?watch=true&labelSelector=sel%3Dyes&resourceVersion=${rv}&timeoutSeconds=1`);
    const events = (await res.text()).trim().split("\n").map((l) => JSON.parse(l));
    expect(events.map((e) => e.type)).toEqual(["ADDED", "MODIFIED", "DELETED"]);
  });
});
