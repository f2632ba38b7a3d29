// Release operations on the sandbox, whole process, chartroom against helm on
// the same server: install and upgrade of a generated 100-resource chart (wall
// time and API requests counted by the sandbox), then `list -A` over 1,000
// releases of 10 revisions each, seeded in helm's Secret storage format.
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { helmBinary } from "./template.js";
import { fmt, median } from "./util.js";

const TARGETS = { installRatio: 1.0, upgradeRatio: 1.0, listMs: 1000 };
const dist = (p) => new URL(`../dist/${p}`, import.meta.url).href;
const bin = new URL("../bin/chartroom.js", import.meta.url).pathname;

// --- the chart: 20 services of Deployment, Service, ConfigMap and ServiceAccount,
// half with a Secret, plus Ingresses, PodDisruptionBudgets and autoscalers: 100 objects.
const SERVICES = 20;

function component(i) {
  const n = `svc${String(i).padStart(2, "0")}`;
  const docs = [
    `apiVersion: v1
kind: ServiceAccount
metadata:
  name: {{ include "bench.fullname" . }}-${n}
  labels: {{- include "bench.labels" . | nindent 4 }}`,
    `apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ include "bench.fullname" . }}-${n}
  labels: {{- include "bench.labels" . | nindent 4 }}
data:
  LOG_LEVEL: {{ .Values.logLevel | quote }}
  SERVICE: ${n}
  app.properties: |
    {{- range $k, $v := .Values.settings }}
    {{ $k }}={{ $v }}
    {{- end }}`,
    `apiVersion: v1
kind: Service
metadata:
  name: {{ include "bench.fullname" . }}-${n}
  labels: {{- include "bench.labels" . | nindent 4 }}
spec:
  type: ClusterIP
  selector:
    app.kubernetes.io/instance: {{ .Release.Name }}
    app.kubernetes.io/component: ${n}
  ports:
    - name: http
      port: 80
      targetPort: http`,
    `apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "bench.fullname" . }}-${n}
  labels: {{- include "bench.labels" . | nindent 4 }}
spec:
  replicas: {{ .Values.replicaCount }}
  selector:
    matchLabels:
      app.kubernetes.io/instance: {{ .Release.Name }}
      app.kubernetes.io/component: ${n}
  template:
    metadata:
      labels:
        app.kubernetes.io/instance: {{ .Release.Name }}
        app.kubernetes.io/component: ${n}
      annotations:
        checksum/config: {{ .Values.settings | toYaml | sha256sum }}
    spec:
      serviceAccountName: {{ include "bench.fullname" . }}-${n}
      containers:
        - name: app
          image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"
          ports:
            - name: http
              containerPort: 8080
          envFrom:
            - configMapRef:
                name: {{ include "bench.fullname" . }}-${n}
          resources: {{- toYaml .Values.resources | nindent 12 }}`,
  ];
  if (i % 2 === 0)
    docs.push(`apiVersion: v1
kind: Secret
metadata:
  name: {{ include "bench.fullname" . }}-${n}
  labels: {{- include "bench.labels" . | nindent 4 }}
type: Opaque
data:
  password: {{ printf "%s-${n}" .Values.secretSeed | b64enc | quote }}`);
  if (i < 5)
    docs.push(`apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: {{ include "bench.fullname" . }}-${n}
  labels: {{- include "bench.labels" . | nindent 4 }}
spec:
  rules:
    - host: ${n}.example.test
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: {{ include "bench.fullname" . }}-${n}
                port:
                  name: http`);
  if (i >= 5 && i < 8)
    docs.push(`apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: {{ include "bench.fullname" . }}-${n}
spec:
  minAvailable: 1
  selector:
    matchLabels:
      app.kubernetes.io/component: ${n}`);
  if (i >= 8 && i < 10)
    docs.push(`apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: {{ include "bench.fullname" . }}-${n}
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: {{ include "bench.fullname" . }}-${n}
  minReplicas: 1
  maxReplicas: 5
  metrics:
    - type: Resource
      resource:
        name: cpu
        target:
          type: Utilization
          averageUtilization: 80`);
  return `${docs.join("\n---\n")}\n`;
}

export function writeBenchChart(dir) {
  mkdirSync(join(dir, "templates"), { recursive: true });
  writeFileSync(join(dir, "Chart.yaml"), "apiVersion: v2\nname: bench\nversion: 1.0.0\nappVersion: \"1.0\"\ndescription: 100 objects for the release benchmark\n");
  writeFileSync(
    join(dir, "values.yaml"),
    "replicaCount: 1\nlogLevel: info\nsecretSeed: s3cret\nimage:\n  repository: registry.example.test/app\n  tag: \"1.0\"\n" +
      "settings:\n  pool: 10\n  timeout: 30s\n  feature.x: true\nresources:\n  requests:\n    cpu: 10m\n    memory: 32Mi\n",
  );
  writeFileSync(
    join(dir, "templates", "_helpers.tpl"),
    `{{- define "bench.fullname" -}}{{ printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" }}{{- end }}
{{- define "bench.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}
`,
  );
  for (let i = 0; i < SERVICES; i++) writeFileSync(join(dir, "templates", `svc${String(i).padStart(2, "0")}.yaml`), component(i));
  writeFileSync(join(dir, "templates", "NOTES.txt"), "{{ .Release.Name }}: {{ len .Values.settings }} settings\n");
}

// --- whole processes, asynchronously: the sandbox answers from this process.

function runProcess(cmd, args, env) {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(cmd, args, { stdio: ["ignore", "ignore", "pipe"], env: { ...process.env, ...env } });
    let err = "";
    child.stderr.on("data", (d) => {
      err += d;
    });
    child.on("error", reject);
    child.on("exit", (code) => {
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      if (code !== 0) reject(new Error(`${cmd} ${args.join(" ")} exited ${code}: ${err.slice(0, 300)}`));
      else resolve(ms);
    });
  });
}

/** Wall time and the API requests the sandbox received for one run. */
async function measure(sb, cmd, args, env) {
  sb.requests.reset();
  const ms = await runProcess(cmd, args, env);
  return { ms, requests: sb.requests.total, byMethod: { ...sb.requests.byMethod } };
}

function summary(runs) {
  return { ms: median(runs.map((r) => r.ms)), requests: median(runs.map((r) => r.requests)), byMethod: runs[runs.length - 1].byMethod };
}

function methods(m) {
  return Object.entries(m)
    .sort()
    .map(([k, v]) => `${k} ${v}`)
    .join(", ");
}

async function installUpgrade(sb, helm, chart, runs) {
  const kc = ["--kubeconfig", sb.kubeconfigPath, "-n", "bench"];
  const env = { HELM_DRIVER: "secret" };
  const tools = {
    chartroom: (...a) => measure(sb, process.execPath, [bin, ...kc, ...a], env),
    helm: (...a) => measure(sb, helm, [...kc, ...a], env),
  };
  const got = { chartroom: { install: [], upgrade: [] }, helm: { install: [], upgrade: [] } };
  // One warm-up each (page cache, the sandbox's first discovery), then alternate who goes first.
  for (let i = -1; i < runs; i++) {
    const order = i % 2 === 0 ? ["helm", "chartroom"] : ["chartroom", "helm"];
    for (const tool of order) {
      const name = `${tool === "helm" ? "h" : "c"}${i + 1}`;
      const ins = await tools[tool]("install", name, chart, "--create-namespace");
      const up = await tools[tool]("upgrade", name, chart, "--set", "image.tag=2.0", "--set", "logLevel=debug");
      if (i >= 0) {
        got[tool].install.push(ins);
        got[tool].upgrade.push(up);
      }
    }
  }
  return {
    chartroom: { install: summary(got.chartroom.install), upgrade: summary(got.chartroom.upgrade) },
    helm: { install: summary(got.helm.install), upgrade: summary(got.helm.upgrade) },
  };
}

// --- list -A over 1,000 releases x 10 revisions, written through the storage driver.

export async function seedReleases(sb, chart, releases, revisions) {
  const { ActionConfig, install } = await import(dist("actions/index.js"));
  const { KubeClient } = await import(dist("kube/index.js"));
  const { SecretsDriver } = await import(dist("storage/index.js"));
  const noValues = { valueFiles: [], values: [], stringValues: [], fileValues: [], jsonValues: [], literalValues: [] };
  // A real release record, rendered from the chart, as the template of every seeded revision.
  const base = await install(new ActionConfig({ kubeconfig: sb.kubeconfigPath, namespace: "seed" }), { args: ["seed", chart], values: noValues, dryRun: "client" });
  const kube = KubeClient.fromTarget({ kubeconfig: sb.kubeconfigPath });
  const namespaces = Array.from({ length: 10 }, (_, i) => `team-${i}`);
  for (const ns of namespaces) await kube.create({ apiVersion: "v1", kind: "Namespace", metadata: { name: ns } });
  const drivers = new Map(namespaces.map((ns) => [ns, new SecretsDriver(kube, ns)]));
  const jobs = [];
  for (let i = 0; i < releases; i++) {
    const ns = namespaces[i % namespaces.length];
    const name = `app-${String(i).padStart(4, "0")}`;
    for (let v = 1; v <= revisions; v++) jobs.push({ ns, name, v });
  }
  let next = 0;
  const t0 = Date.now();
  const worker = async () => {
    while (next < jobs.length) {
      const { ns, name, v } = jobs[next++];
      const at = new Date(Date.UTC(2025, 0, 1) + v * 3_600_000).toISOString();
      const rel = {
        ...base,
        name,
        namespace: ns,
        version: v,
        info: { ...base.info, first_deployed: at, last_deployed: at, status: v === revisions ? "deployed" : "superseded", description: v === 1 ? "Install complete" : "Upgrade complete" },
      };
      await drivers.get(ns).create(`sh.helm.release.v1.${name}.v${v}`, rel);
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
  return { seconds: (Date.now() - t0) / 1000 };
}

async function listAll(sb, helm, runs) {
  const kc = ["--kubeconfig", sb.kubeconfigPath];
  const env = { HELM_DRIVER: "secret" };
  const ours = [];
  const theirs = [];
  await measure(sb, process.execPath, [bin, ...kc, "list", "-A"], env);
  // helm decodes every revision (~15 s here): fewer runs of it.
  for (let i = 0; i < runs; i++) {
    ours.push(await measure(sb, process.execPath, [bin, ...kc, "list", "-A"], env));
    if (i < 2) theirs.push(await measure(sb, helm, [...kc, "list", "-A"], env));
  }
  return { chartroom: summary(ours), helm: summary(theirs) };
}

export async function run({ runs = 5, listRuns = 5, releases = 1000, revisions = 10 } = {}) {
  const helm = helmBinary();
  if (!helm) return { name: "release", skipped: "helm could not be obtained" };
  const { startSandbox } = await import(dist("sandbox/index.js"));
  const tmp = mkdtempSync(join(tmpdir(), "chartroom-bench-release-"));
  const chart = join(tmp, "bench");
  writeBenchChart(chart);
  const sb = await startSandbox({ controllers: false });
  try {
    const iu = await installUpgrade(sb, helm, chart, runs);
    const line = (op) => {
      const c = iu.chartroom[op];
      const h = iu.helm[op];
      const ok = c.ms <= h.ms * TARGETS[`${op}Ratio`] && c.requests < h.requests;
      console.log(
        `release: ${op} of 100 objects: chartroom ${fmt(c.ms)} / ${c.requests} requests, helm ${fmt(h.ms)} / ${h.requests} requests; ` +
          `ratio ${(c.ms / h.ms).toFixed(2)} (target <= 1.0), requests ${c.requests < h.requests ? "fewer" : "not fewer"} (target: fewer) -> ${ok ? "meets" : "misses"}`,
      );
      console.log(`release:   ${op} requests by method: chartroom ${methods(c.byMethod)}; helm ${methods(h.byMethod)}`);
      return ok;
    };
    const installOk = line("install");
    const upgradeOk = line("upgrade");

    const seeded = await seedReleases(sb, chart, releases, revisions);
    console.log(`release: seeded ${releases} releases x ${revisions} revisions (${releases * revisions} Secrets) in ${seeded.seconds.toFixed(1)} s`);
    const ls = await listAll(sb, helm, listRuns);
    const listOk = ls.chartroom.ms < TARGETS.listMs;
    console.log(
      `release: list -A over ${releases} releases x ${revisions} revisions: chartroom ${fmt(ls.chartroom.ms)} / ${ls.chartroom.requests} requests, ` +
        `helm ${fmt(ls.helm.ms)} / ${ls.helm.requests} requests (target: chartroom < ${TARGETS.listMs} ms) -> ${listOk ? "meets" : "misses"}`,
    );
    return {
      name: "release",
      install: iu.chartroom.install,
      upgrade: iu.chartroom.upgrade,
      helmInstall: iu.helm.install,
      helmUpgrade: iu.helm.upgrade,
      listMs: ls.chartroom.ms,
      listRequests: ls.chartroom.requests,
      helmListMs: ls.helm.ms,
      helmListRequests: ls.helm.requests,
      targets: TARGETS,
      ok: installOk && upgradeOk && listOk,
    };
  } finally {
    await sb.stop();
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
