// Server-side apply over associative lists, with Update managers in between.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sandbox } from "../../src/sandbox/index.js";
import { http, newSandbox } from "./helpers.js";

let sb: Sandbox;
beforeAll(async () => {
  sb = await newSandbox({ controllers: false });
});
afterAll(() => sb.stop());

const PATH = "/apis/apps/v1/namespaces/default/deployments/app";
const APPLY = { "Content-Type": "application/apply-patch+yaml" };

function deployment(env: Record<string, string>, replicas?: number): string {
  const envYaml = Object.entries(env)
    .map(([name, value]) => `        - name: ${name}\n          value: "${value}"`)
    .join("\n");
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: app
spec:
${replicas === undefined ? "" : `  replicas: ${replicas}\n`}  selector:
    matchLabels: {app: app}
  template:
    metadata:
      labels: {app: app}
    spec:
      containers:
      - name: main
        image: busybox
        env:
${envYaml}
`;
}

describe("server-side apply", () => {
  it("creates with 201, then merges and prunes list items by key", async () => {
    const created = await http(sb, "PATCH", `${PATH}?fieldManager=tool`, deployment({ A: "1", B: "2" }, 2), APPLY);
    expect(created.status).toBe(201);
    expect(created.json.metadata.managedFields).toHaveLength(1);
    expect(created.json.metadata.managedFields[0]).toMatchObject({ manager: "tool", operation: "Apply" });
    const fields = created.json.metadata.managedFields[0].fieldsV1;
    expect(fields["f:spec"]["f:template"]["f:spec"]["f:containers"]['k:{"name":"main"}']["f:env"]['k:{"name":"A"}']).toEqual({ ".": {}, "f:name": {}, "f:value": {} });
    const pruned = await http(sb, "PATCH", `${PATH}?fieldManager=tool`, deployment({ A: "1" }, 2), APPLY);
    expect(pruned.status).toBe(200);
    expect(pruned.json.spec.template.spec.containers[0].env).toEqual([{ name: "A", value: "1" }]);
    expect(pruned.json.metadata.generation).toBe(2);
  });

  it("lets an Update take a field over, then conflicts with that manager", async () => {
    const scaled = await http(sb, "PATCH", `${PATH}?fieldManager=scaler`, { spec: { replicas: 5 } }, { "Content-Type": "application/merge-patch+json" });
    const managers = scaled.json.metadata.managedFields.map((m: any) => `${m.manager}/${m.operation}`);
    expect(managers).toEqual(["tool/Apply", "scaler/Update"]);
    const clash = await http(sb, "PATCH", `${PATH}?fieldManager=tool`, deployment({ A: "1" }, 2), APPLY);
    expect(clash.status).toBe(409);
    expect(clash.json.message).toBe('Apply failed with 1 conflict: conflict with "scaler" using apps/v1: .spec.replicas');
    expect(clash.json.details.causes).toEqual([{ type: "FieldManagerConflict", message: 'conflict with "scaler" using apps/v1', field: ".spec.replicas" }]);
    // Leaving replicas out of the applied configuration avoids the conflict and keeps the value.
    const ceded = await http(sb, "PATCH", `${PATH}?fieldManager=tool`, deployment({ A: "3" }), APPLY);
    expect(ceded.status).toBe(200);
    expect(ceded.json.spec.replicas).toBe(5);
    const forced = await http(sb, "PATCH", `${PATH}?fieldManager=tool&force=true`, deployment({ A: "3" }, 1), APPLY);
    expect(forced.json.spec.replicas).toBe(1);
    expect(forced.json.metadata.managedFields.map((m: any) => m.manager)).toEqual(["tool"]);
  });

  it("requires a fieldManager; custom kinds take merge but not strategic patches", async () => {
    const none = await http(sb, "PATCH", PATH, deployment({ A: "3" }), APPLY);
    expect(none.status).toBe(400);
    expect(none.json.message).toContain("fieldManager is required");
    await http(sb, "POST", "/apis/apiextensions.k8s.io/v1/customresourcedefinitions", {
      metadata: { name: "gadgets.example.com" },
      spec: {
        group: "example.com",
        scope: "Namespaced",
        names: { plural: "gadgets", singular: "gadget", kind: "Gadget" },
        versions: [{ name: "v1", served: true, storage: true, schema: { openAPIV3Schema: { type: "object", "x-kubernetes-preserve-unknown-fields": true } } }],
      },
    });
    const g = "/apis/example.com/v1/namespaces/default/gadgets";
    expect((await http(sb, "POST", g, { apiVersion: "example.com/v1", kind: "Gadget", metadata: { name: "g" }, spec: { a: 1 } })).status).toBe(201);
    const smp = await http(sb, "PATCH", `${g}/g`, { spec: { b: 2 } }, { "Content-Type": "application/strategic-merge-patch+json" });
    expect(smp.status).toBe(415);
    expect(smp.json.reason).toBe("UnsupportedMediaType");
    const merged = await http(sb, "PATCH", `${g}/g`, { spec: { b: 2 } }, { "Content-Type": "application/merge-patch+json" });
    expect(merged.json.spec).toEqual({ a: 1, b: 2 });
    expect(merged.json.metadata.generation).toBe(2);
  });
});
