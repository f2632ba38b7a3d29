// The real kubectl against the sandbox: apply, get, describe, patch, server-side
// apply, watch, delete, CRDs and namespace deletion.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { Sandbox } from "../../src/sandbox/index.js";
import { KUBECTL, kubectl, kubectlIn, newSandbox, runUntil } from "./helpers.js";

let sb: Sandbox;
beforeAll(async () => {
  sb = await newSandbox();
});
afterAll(() => sb.stop());

const deployment = (image: string, env: string) => `
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels: {app: web}
spec:
  replicas: 1
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: web
        image: ${image}
        ports: [{containerPort: 80}]
        env: [{name: MODE, value: "${env}"}]
`;

describe("kubectl", () => {
  it("applies, reads back, applies a change (three-way strategic patch) and describes", async () => {
    const first = await kubectlIn(sb, deployment("nginx:1.25", "a"), "apply", "-f", "-");
    expect(first.stderr).toBe("");
    expect(first.stdout.trim()).toBe("deployment.apps/web created");
    const unchanged = await kubectlIn(sb, deployment("nginx:1.25", "a"), "apply", "-f", "-");
    expect(unchanged.stdout.trim()).toBe("deployment.apps/web unchanged");
    // Someone else adds a sidecar; kubectl apply must keep it (three-way merge).
    const side = await kubectl(sb, "patch", "deployment", "web", "--type=strategic", "-p", '{"spec":{"template":{"spec":{"containers":[{"name":"side","image":"busybox"}]}}}}');
    expect(side.stdout.trim()).toBe("deployment.apps/web patched");
    const second = await kubectlIn(sb, deployment("nginx:1.26", "b"), "apply", "-f", "-");
    expect(second.stdout.trim()).toBe("deployment.apps/web configured");
    const obj = parse((await kubectl(sb, "get", "deployment", "web", "-o", "yaml")).stdout);
    const containers = obj.spec.template.spec.containers;
    expect(containers.map((c: any) => c.name)).toEqual(["web", "side"]);
    expect(containers[0]).toMatchObject({ image: "nginx:1.26", env: [{ name: "MODE", value: "b" }] });
    expect(obj.metadata.generation).toBe(3);
    expect(obj.metadata.annotations["kubectl.kubernetes.io/last-applied-configuration"]).toContain("nginx:1.26");
    const desc = await kubectl(sb, "describe", "deployment", "web");
    expect(desc.code).toBe(0);
    expect(desc.stdout).toMatch(/Name:\s+web/);
    expect(desc.stdout).toMatch(/Image:\s+nginx:1.26/);
  });

  it("rejects unknown top-level and metadata fields under strict validation", async () => {
    const typo = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: typo\n  label: {a: b}\ndata: {a: b}\ndatta: {b: c}\n";
    const strict = await kubectlIn(sb, typo, "apply", "-f", "-");
    expect(strict.code).not.toBe(0);
    expect(strict.stderr).toContain('ConfigMap in version "v1" cannot be handled as a ConfigMap: strict decoding error: unknown field "datta", unknown field "metadata.label"');
    const warned = await kubectlIn(sb, typo, "apply", "--validate=warn", "-f", "-");
    expect(warned.code).toBe(0);
    expect(warned.stderr).toContain('Warning: unknown field "datta"');
  });

  it("prints server-side tables", async () => {
    await kubectl(sb, "create", "configmap", "table-cm", "--from-literal=a=1", "--from-literal=b=2");
    const out = await kubectl(sb, "get", "configmap", "table-cm");
    expect(out.stdout).toMatch(/^NAME\s+DATA\s+AGE\ntable-cm\s+2\s+\d+s\n$/);
    const svc = await kubectl(sb, "get", "svc", "kubernetes");
    expect(svc.stdout).toMatch(/kubernetes\s+ClusterIP\s+10\.96\.0\.1\s+<none>\s+443\/TCP/);
  });

  it("patches with merge, json and strategic patches and reports errors as the server words them", async () => {
    await kubectl(sb, "create", "configmap", "p", "--from-literal=a=1");
    expect((await kubectl(sb, "patch", "cm", "p", "--type=merge", "-p", '{"data":{"b":"2"}}')).code).toBe(0);
    expect((await kubectl(sb, "patch", "cm", "p", "--type=json", "-p", '[{"op":"remove","path":"/data/a"}]')).code).toBe(0);
    expect(parse((await kubectl(sb, "get", "cm", "p", "-o", "yaml")).stdout).data).toEqual({ b: "2" });
    const bad = await kubectl(sb, "patch", "cm", "p", "--type=json", "-p", '[{"op":"replace","path":"/data/zz","value":"1"}]');
    expect(bad.code).not.toBe(0);
    const missing = await kubectl(sb, "get", "cm", "nope");
    expect(missing.stderr.trim()).toBe('Error from server (NotFound): configmaps "nope" not found');
    const dup = await kubectl(sb, "create", "configmap", "p");
    expect(dup.stderr.trim()).toBe('error: failed to create configmap: configmaps "p" already exists');
  });

  it("server-side applies with field ownership and conflicts", async () => {
    const cm = (v: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ssa\ndata:\n  owned: "${v}"\n  other: "x"\n`;
    expect((await kubectlIn(sb, cm("1"), "apply", "--server-side", "-f", "-")).stdout.trim()).toBe("configmap/ssa serverside-applied");
    const obj = parse((await kubectl(sb, "get", "cm", "ssa", "-o", "yaml", "--show-managed-fields")).stdout);
    expect(obj.metadata.managedFields[0]).toMatchObject({ manager: "kubectl", operation: "Apply", fieldsV1: { "f:data": { "f:owned": {}, "f:other": {} } } });
    const clash = await kubectlIn(sb, cm("2"), "apply", "--server-side", "--field-manager=rival", "-f", "-");
    expect(clash.code).not.toBe(0);
    expect(clash.stderr).toContain('Apply failed with 1 conflict: conflict with "kubectl" using v1: .data.owned');
    const forced = await kubectlIn(sb, cm("2"), "apply", "--server-side", "--field-manager=rival", "--force-conflicts", "-f", "-");
    expect(forced.code).toBe(0);
    // kubectl stops applying `other`: it stays, since rival co-owns it.
    const slim = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ssa\ndata:\n  mine: "m"\n`;
    expect((await kubectlIn(sb, slim, "apply", "--server-side", "-f", "-")).code).toBe(0);
    expect(parse((await kubectl(sb, "get", "cm", "ssa", "-o", "yaml")).stdout).data).toEqual({ owned: "2", other: "x", mine: "m" });
    // rival stops applying everything but `owned`: `other` has no owner left and goes.
    const rivalSlim = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ssa\ndata:\n  owned: "2"\n`;
    expect((await kubectlIn(sb, rivalSlim, "apply", "--server-side", "--field-manager=rival", "-f", "-")).code).toBe(0);
    expect(parse((await kubectl(sb, "get", "cm", "ssa", "-o", "yaml")).stdout).data).toEqual({ owned: "2", mine: "m" });
  });

  it("watches with get --watch", async () => {
    await kubectl(sb, "create", "namespace", "watched");
    const watching = runUntil(KUBECTL, ["--kubeconfig", sb.kubeconfigPath, "-n", "watched", "get", "configmaps", "--watch", "--output-watch-events"], /ADDED\s+late/, 10_000);
    await new Promise((r) => setTimeout(r, 700));
    await kubectl(sb, "-n", "watched", "create", "configmap", "late");
    const out = await watching;
    expect(out).toMatch(/EVENT\s+NAME\s+DATA\s+AGE/);
    expect(out).toMatch(/ADDED\s+kube-root-ca\.crt/);
    expect(out).toMatch(/ADDED\s+late\s+0/);
  });

  it("registers a CRD's resource, serves its objects, and unregisters it on delete", async () => {
    const crd = `
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: widgets.example.com
spec:
  group: example.com
  scope: Namespaced
  names: {plural: widgets, singular: widget, kind: Widget, shortNames: [wg], categories: [all]}
  versions:
  - name: v1
    served: true
    storage: true
    schema: {openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}}
    additionalPrinterColumns:
    - {name: Size, type: string, jsonPath: .spec.size}
`;
    expect((await kubectlIn(sb, crd, "apply", "-f", "-")).code).toBe(0);
    const est = await kubectl(sb, "wait", "--for=condition=Established", "crd/widgets.example.com", "--timeout=10s");
    expect(est.stdout.trim()).toBe("customresourcedefinition.apiextensions.k8s.io/widgets.example.com condition met");
    const w = "apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w1\nspec:\n  size: large\n";
    expect((await kubectlIn(sb, w, "apply", "-f", "-")).stdout.trim()).toBe("widget.example.com/w1 created");
    const table = await kubectl(sb, "get", "wg");
    expect(table.stdout).toMatch(/NAME\s+SIZE\s+AGE\nw1\s+large\s+\d+s/);
    const changed = await kubectlIn(sb, w.replace("large", "small"), "apply", "-f", "-");
    expect(changed.stdout.trim()).toBe("widget.example.com/w1 configured");
    expect((await kubectl(sb, "delete", "crd", "widgets.example.com")).code).toBe(0);
    const after = await kubectl(sb, "get", "widgets.example.com");
    expect(after.stderr).toContain('the server doesn\'t have a resource type "widgets"');
  });

  it("deletes a namespace with its objects", async () => {
    await kubectl(sb, "create", "namespace", "doomed");
    await kubectl(sb, "-n", "doomed", "create", "configmap", "c1");
    await kubectlIn(sb, deployment("nginx:1.25", "a"), "-n", "doomed", "apply", "-f", "-");
    const del = await kubectl(sb, "delete", "namespace", "doomed", "--timeout=20s");
    expect(del.stdout.trim()).toBe('namespace "doomed" deleted');
    expect((await kubectl(sb, "get", "namespace", "doomed")).stderr.trim()).toBe('Error from server (NotFound): namespaces "doomed" not found');
    expect((await kubectl(sb, "get", "configmaps,pods", "-n", "doomed", "-o", "name")).stdout.trim()).toBe("");
  });

  it("deletes a deployment and its replica sets and pods", async () => {
    await kubectlIn(sb, deployment("nginx:1.25", "a").replace("name: web", "name: gone").replaceAll("app: web", "app: gone"), "apply", "-f", "-");
    expect((await kubectl(sb, "rollout", "status", "deployment/gone", "--timeout=60s")).code).toBe(0);
    const logs = await kubectl(sb, "logs", "deployment/gone");
    expect(logs).toMatchObject({ code: 0, stdout: "" });
    const wrong = await kubectl(sb, "logs", "deployment/gone", "-c", "nope");
    expect(wrong.stderr).toMatch(/container nope is not valid for pod gone-/);
    expect((await kubectl(sb, "delete", "deployment", "gone")).stdout.trim()).toBe('deployment.apps "gone" deleted');
    const left = await kubectl(sb, "get", "rs,pods", "-o", "name");
    expect(left.stdout).not.toContain("gone");
  });

  it("accepts the protobuf bodies of kubectl's typed commands", async () => {
    expect((await kubectl(sb, "create", "namespace", "typed")).stdout.trim()).toBe("namespace/typed created");
    expect((await kubectl(sb, "-n", "typed", "create", "secret", "generic", "s", "--from-literal=k=v")).code).toBe(0);
    expect((await kubectl(sb, "-n", "typed", "create", "serviceaccount", "robot")).code).toBe(0);
    const secret = parse((await kubectl(sb, "-n", "typed", "get", "secret", "s", "-o", "yaml")).stdout);
    expect(secret).toMatchObject({ type: "Opaque", data: { k: Buffer.from("v").toString("base64") } });
    expect((await kubectl(sb, "auth", "can-i", "create", "pods")).stdout.trim()).toBe("yes");
    expect((await kubectl(sb, "-n", "typed", "delete", "serviceaccount", "robot")).stdout.trim()).toBe('serviceaccount "robot" deleted');
    expect((await kubectl(sb, "-n", "typed", "create", "deployment", "web", "--image=nginx:1.25", "--port=80", "--replicas=2")).code).toBe(0);
    expect((await kubectl(sb, "-n", "typed", "expose", "deployment", "web", "--port=8080", "--target-port=80")).stdout.trim()).toBe("service/web exposed");
    expect((await kubectl(sb, "-n", "typed", "run", "one", "--image=busybox", "--env=A=1", "--", "sleep", "10")).code).toBe(0);
    expect((await kubectl(sb, "-n", "typed", "create", "cronjob", "cj", "--image=busybox", "--schedule=*/5 * * * *")).code).toBe(0);
    const deploy = parse((await kubectl(sb, "-n", "typed", "get", "deploy", "web", "-o", "yaml")).stdout);
    expect(deploy.spec).toMatchObject({ replicas: 2, selector: { matchLabels: { app: "web" } }, strategy: { type: "RollingUpdate" } });
    expect(deploy.spec.template.spec.containers[0]).toMatchObject({ name: "nginx", image: "nginx:1.25", ports: [{ containerPort: 80, protocol: "TCP" }] });
    expect(deploy.spec.template.spec.containers[0].workingDir).toBeUndefined();
    const svc = parse((await kubectl(sb, "-n", "typed", "get", "svc", "web", "-o", "yaml")).stdout);
    expect(svc.spec).toMatchObject({ type: "ClusterIP", selector: { app: "web" }, ports: [{ port: 8080, targetPort: 80, protocol: "TCP" }] });
    const pod = parse((await kubectl(sb, "-n", "typed", "get", "pod", "one", "-o", "yaml")).stdout);
    expect(pod.spec.containers[0]).toMatchObject({ args: ["sleep", "10"], env: [{ name: "A", value: "1" }] });
  });
});
