// Finalizers, deletionTimestamp and garbage collection over ownerReferences.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sandbox } from "../../src/sandbox/index.js";
import { http, newSandbox } from "./helpers.js";

let sb: Sandbox;
beforeAll(async () => {
  sb = await newSandbox({ controllers: false });
  await http(sb, "POST", "/api/v1/namespaces", { metadata: { name: "gc" } });
});
afterAll(() => sb.stop());

const CM = "/api/v1/namespaces/gc/configmaps";

async function owner(name: string) {
  const o = (await http(sb, "POST", CM, { metadata: { name } })).json;
  const ref = { apiVersion: "v1", kind: "ConfigMap", name, uid: o.metadata.uid, blockOwnerDeletion: true };
  for (const child of ["a", "b"]) await http(sb, "POST", CM, { metadata: { name: `${name}-${child}`, ownerReferences: [ref] } });
  return o;
}

const exists = async (name: string) => (await http(sb, "GET", `${CM}/${name}`)).status === 200;

describe("deletion", () => {
  it("keeps an object with finalizers until they are removed", async () => {
    await http(sb, "POST", CM, { metadata: { name: "fin", finalizers: ["example.com/hold"] } });
    const del = await http(sb, "DELETE", `${CM}/fin`);
    expect(del.status).toBe(200);
    expect(del.json.metadata.deletionTimestamp).toBeTruthy();
    const still = (await http(sb, "GET", `${CM}/fin`)).json;
    expect(still.metadata.deletionTimestamp).toBeTruthy();
    const add = await http(sb, "PATCH", `${CM}/fin`, { metadata: { finalizers: ["example.com/hold", "x/y"] } }, { "Content-Type": "application/merge-patch+json" });
    expect(add.status).toBe(403);
    await http(sb, "PATCH", `${CM}/fin`, { metadata: { finalizers: null } }, { "Content-Type": "application/merge-patch+json" });
    expect(await exists("fin")).toBe(false);
  });

  it("collects dependents in the background", async () => {
    await owner("bg");
    await http(sb, "DELETE", `${CM}/bg`, { propagationPolicy: "Background" });
    expect(await exists("bg")).toBe(false);
    expect(await exists("bg-a")).toBe(false);
    expect(await exists("bg-b")).toBe(false);
  });

  it("orphans dependents when asked", async () => {
    await owner("or");
    await http(sb, "DELETE", `${CM}/or?propagationPolicy=Orphan`);
    expect(await exists("or")).toBe(false);
    const child = (await http(sb, "GET", `${CM}/or-a`)).json;
    expect(child.metadata.ownerReferences).toBeUndefined();
  });

  it("deletes in the foreground: dependents first, then the owner", async () => {
    await owner("fg");
    await http(sb, "POST", CM, { metadata: { name: "fg-held", finalizers: ["example.com/hold"], ownerReferences: [(await http(sb, "GET", `${CM}/fg-a`)).json.metadata.ownerReferences[0]] } });
    const del = await http(sb, "DELETE", `${CM}/fg`, { propagationPolicy: "Foreground" });
    expect(del.json.metadata.finalizers).toContain("foregroundDeletion");
    expect(await exists("fg-a")).toBe(false);
    expect(await exists("fg")).toBe(true);
    await http(sb, "PATCH", `${CM}/fg-held`, [{ op: "remove", path: "/metadata/finalizers" }], { "Content-Type": "application/json-patch+json" });
    expect(await exists("fg-held")).toBe(false);
    expect(await exists("fg")).toBe(false);
  });

  it("collects an object created for owners that no longer exist", async () => {
    const ref = { apiVersion: "v1", kind: "ConfigMap", name: "ghost", uid: "00000000-0000-0000-0000-000000000000" };
    expect((await http(sb, "POST", CM, { metadata: { name: "dangling", ownerReferences: [ref] } })).status).toBe(201);
    await new Promise((r) => setTimeout(r, 100));
    expect(await exists("dangling")).toBe(false);
  });

  it("checks delete preconditions and supports deletecollection", async () => {
    await http(sb, "POST", CM, { metadata: { name: "pre" } });
    const pre = await http(sb, "DELETE", `${CM}/pre`, { preconditions: { uid: "nope" } });
    expect(pre.status).toBe(409);
    expect(pre.json.message).toContain("Precondition failed: UID in precondition: nope");
    for (const n of ["col-1", "col-2"]) await http(sb, "POST", CM, { metadata: { name: n, labels: { col: "yes" } } });
    const col = await http(sb, "DELETE", `${CM}?labelSelector=col%3Dyes`);
    expect(col.json.items.map((i: any) => i.metadata.name)).toEqual(["col-1", "col-2"]);
    expect(await exists("col-1")).toBe(false);
  });

  it("gives each namespace a default ServiceAccount and binds PVCs", async () => {
    const sa = await http(sb, "GET", "/api/v1/namespaces/gc/serviceaccounts/default");
    expect(sa.status).toBe(200);
    await http(sb, "POST", "/api/v1/namespaces/gc/persistentvolumeclaims", {
      metadata: { name: "data" },
      spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "1Gi" } } },
    });
    const pvc = (await http(sb, "GET", "/api/v1/namespaces/gc/persistentvolumeclaims/data")).json;
    expect(pvc.status.phase).toBe("Bound");
    expect(pvc.spec.storageClassName).toBe("standard");
    const pv = (await http(sb, "GET", `/api/v1/persistentvolumes/${pvc.spec.volumeName}`)).json;
    expect(pv.spec.claimRef.name).toBe("data");
    const svc = (await http(sb, "POST", "/api/v1/namespaces/gc/services", { metadata: { name: "s" }, spec: { ports: [{ port: 80 }] } })).json;
    expect(svc.spec.clusterIP).toMatch(/^10\.96\.\d+\.\d+$/);
    const lb = (await http(sb, "POST", "/api/v1/namespaces/gc/services", { metadata: { name: "lb" }, spec: { type: "LoadBalancer", ports: [{ port: 80 }] } })).json;
    expect(lb.spec.ports[0].nodePort).toBeGreaterThanOrEqual(30000);
    expect(lb.status.loadBalancer.ingress[0].ip).toMatch(/^172\.18\.255\.\d+$/);
  });
});
