// The controllers as kubectl sees them over the sandbox's HTTP API.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Sandbox, startSandbox } from "../../../src/sandbox/index.js";
import { deploymentYaml, findKubectl, poll, run, writeManifest } from "./clients.js";

const kubectl = findKubectl();
if (!kubectl) console.warn("skipping kubectl end-to-end tests: no kubectl in $KUBECTL, on PATH or beside the helm that scripts/get-helm.mjs fetches");

describe.skipIf(!kubectl)("controllers through kubectl", () => {
  let sb: Sandbox;
  const k = (...args: string[]) => run(kubectl!, args, sb.kubeconfigPath);

  beforeAll(async () => {
    // A short back-off cap keeps crash-loop restarts coming quickly.
    sb = await startSandbox({ controllerOptions: { delays: { maxBackoff: 1500 } } });
  });
  afterAll(async () => {
    await sb?.stop();
  });

  it("rollout status succeeds once a Deployment's pods are ready", async () => {
    expect((await k("apply", "-f", writeManifest(deploymentYaml("web", "nginx:1.25", 3)))).code).toBe(0);
    const started = Date.now();
    const r = await k("rollout", "status", "deployment/web", "--timeout=20s");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('deployment "web" successfully rolled out');
    expect(Date.now() - started).toBeLessThan(10_000);
    const pods = await k("get", "pods", "-l", "app=web", "--no-headers");
    expect(pods.stdout.trim().split("\n")).toHaveLength(3);
    for (const line of pods.stdout.trim().split("\n")) expect(line).toMatch(/\s1\/1\s+Running\s+0\s/);
  });

  it("a Service over the Deployment lists its pods as endpoints", async () => {
    const svc = "apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  selector: {app: web}\n  ports: [{port: 80}]\n";
    expect((await k("apply", "-f", writeManifest(svc))).code).toBe(0);
    const ips = await poll(async () => {
      const out = (await k("get", "endpoints", "web", "-o", "jsonpath={.subsets[0].addresses[*].ip}")).stdout.trim();
      return out.split(" ").length === 3 ? out : undefined;
    }, 10_000);
    const podIPs = (await k("get", "pods", "-l", "app=web", "-o", "jsonpath={.items[*].status.podIP}")).stdout.trim();
    expect(ips?.split(" ").sort()).toEqual(podIPs.split(" ").sort());
  });

  it("a second rollout moves to a new ReplicaSet and revision 2", async () => {
    expect((await k("set", "image", "deployment/web", "main=nginx:1.26")).code).toBe(0);
    const r = await k("rollout", "status", "deployment/web", "--timeout=20s");
    expect(r.code).toBe(0);
    const history = await k("rollout", "history", "deployment/web");
    expect(history.stdout).toMatch(/^1\s/m);
    expect(history.stdout).toMatch(/^2\s/m);
    const rs = await k("get", "rs", "-l", "app=web", "-o", "jsonpath={range .items[*]}{.spec.replicas}{' '}{end}");
    expect(rs.stdout.trim().split(" ").sort()).toEqual(["0", "3"]);
  });

  it("rollout undo returns to the previous template as revision 3", async () => {
    const undo = await k("rollout", "undo", "deployment/web");
    expect(undo.stderr).toBe("");
    expect((await k("rollout", "status", "deployment/web", "--timeout=20s")).code).toBe(0);
    const image = await k("get", "deployment", "web", "-o", "jsonpath={.spec.template.spec.containers[0].image} {.metadata.annotations.deployment\\.kubernetes\\.io/revision}");
    expect(image.stdout).toBe("nginx:1.25 3");
  });

  it("a crash-looping Deployment times out and shows CrashLoopBackOff with restarts counting up", async () => {
    await k("apply", "-f", writeManifest(deploymentYaml("crash", "busybox:crashloop")));
    const r = await k("rollout", "status", "deployment/crash", "--timeout=3s");
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain("timed out waiting for the condition");
    const line = await poll(async () => {
      const out = (await k("get", "pods", "-l", "app=crash", "--no-headers")).stdout;
      return out.includes("CrashLoopBackOff") ? out : undefined;
    }, 10_000);
    expect(line).toMatch(/0\/1\s+CrashLoopBackOff\s+\d+/);
    const restarts = async () => Number((await k("get", "pods", "-l", "app=crash", "-o", "jsonpath={.items[0].status.containerStatuses[0].restartCount}")).stdout);
    const first = await restarts();
    const later = await poll(async () => {
      const n = await restarts();
      return n > first ? n : undefined;
    }, 15_000);
    expect(later).toBeGreaterThan(first);
    const events = await k("get", "events", "--field-selector", "reason=BackOff", "-o", "jsonpath={.items[*].type}");
    expect(events.stdout).toContain("Warning");
  });

  it("an image that cannot be pulled shows ErrImagePull or ImagePullBackOff", async () => {
    await k("apply", "-f", writeManifest(deploymentYaml("nopull", "example.com/app:pullerror")));
    const out = await poll(async () => {
      const o = (await k("get", "pods", "-l", "app=nopull", "--no-headers")).stdout;
      return /ErrImagePull|ImagePullBackOff/.test(o) ? o : undefined;
    }, 10_000);
    expect(out).toBeDefined();
  });

  it("a crash-looping init container shows as Init:CrashLoopBackOff", async () => {
    const manifest = `apiVersion: v1
kind: Pod
metadata: {name: init-crash}
spec:
  initContainers: [{name: wait, image: "busybox:crashloop"}]
  containers: [{name: app, image: nginx}]
`;
    expect((await k("apply", "-f", writeManifest(manifest))).code).toBe(0);
    const out = await poll(async () => {
      const o = (await k("get", "pod", "init-crash", "--no-headers")).stdout;
      return o.includes("Init:CrashLoopBackOff") ? o : undefined;
    }, 10_000);
    expect(out).toMatch(/0\/1\s+Init:CrashLoopBackOff/);
  });

  it("waits on Jobs, StatefulSets and DaemonSets", async () => {
    const manifest = `apiVersion: batch/v1
kind: Job
metadata: {name: once}
spec:
  template:
    spec:
      restartPolicy: Never
      containers: [{name: run, image: busybox}]
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db}
spec:
  serviceName: db
  replicas: 2
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec:
      containers: [{name: db, image: postgres}]
---
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent}
spec:
  selector: {matchLabels: {app: agent}}
  template:
    metadata: {labels: {app: agent}}
    spec:
      containers: [{name: agent, image: fluentd}]
`;
    expect((await k("apply", "-f", writeManifest(manifest))).code).toBe(0);
    const job = await k("wait", "--for=condition=complete", "job/once", "--timeout=20s");
    expect(job.stdout).toContain("condition met");
    const sts = await k("rollout", "status", "statefulset/db", "--timeout=20s");
    expect(sts.code).toBe(0);
    expect(sts.stdout).toContain("partitioned roll out complete: 2 new pods have been updated...");
    const ds = await k("rollout", "status", "daemonset/agent", "--timeout=20s");
    expect(ds.stdout).toContain('daemon set "agent" successfully rolled out');
    const names = (await k("get", "pods", "-l", "app=db", "-o", "name")).stdout.trim().split("\n");
    expect(names).toEqual(["pod/db-0", "pod/db-1"]);
    expect((await k("set", "image", "statefulset/db", "db=postgres:17")).code).toBe(0);
    expect((await k("rollout", "status", "statefulset/db", "--timeout=20s")).code).toBe(0);
    const history = await k("rollout", "history", "statefulset/db");
    expect(history.stdout).toMatch(/^1\s/m);
    expect(history.stdout).toMatch(/^2\s/m);
    expect((await k("rollout", "undo", "statefulset/db")).code).toBe(0);
    expect((await k("rollout", "status", "statefulset/db", "--timeout=20s")).code).toBe(0);
    const images = await k("get", "pods", "-l", "app=db", "-o", "jsonpath={.items[*].spec.containers[0].image}");
    expect(images.stdout).toBe("postgres postgres");
  });
});
