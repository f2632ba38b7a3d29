// Real kubectl and helm against an in-process sandbox. The clients run as
// child processes asynchronously: a synchronous spawn would block the very
// event loop that serves their requests.
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export { findKubectl } from "../helpers.js";

export function run(bin: string, args: string[], kubeconfig: string, timeoutMs = 60_000): Promise<RunResult> {
  const home = mkdtempSync(join(tmpdir(), "ctl-home-"));
  const env = {
    ...process.env,
    KUBECONFIG: kubeconfig,
    // Keep helm's caches and config away from the user's own.
    HELM_CACHE_HOME: join(home, "cache"),
    HELM_CONFIG_HOME: join(home, "config"),
    HELM_DATA_HOME: join(home, "data"),
  };
  return new Promise((resolve) => {
    execFile(bin, args, { env, timeout: timeoutMs, maxBuffer: 16 << 20 }, (err, stdout, stderr) => {
      const code = err ? (typeof (err as { code?: unknown }).code === "number" ? (err as { code: number }).code : 1) : 0;
      resolve({ code, stdout: String(stdout), stderr: String(stderr) });
    });
  });
}

/** Writes a chart directory from a map of relative path -> content and returns its path. */
export function writeChart(name: string, files: Record<string, string>): string {
  const dir = join(mkdtempSync(join(tmpdir(), "chart-")), name);
  const all = { "Chart.yaml": `apiVersion: v2\nname: ${name}\nversion: 0.1.0\n`, ...files };
  for (const [rel, content] of Object.entries(all)) {
    const path = join(dir, rel);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  }
  return dir;
}

export function writeManifest(content: string): string {
  const path = join(mkdtempSync(join(tmpdir(), "manifest-")), "m.yaml");
  writeFileSync(path, content);
  return path;
}

export async function poll<T>(fn: () => Promise<T | undefined>, timeoutMs: number, everyMs = 200): Promise<T | undefined> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    const v = await fn();
    if (v !== undefined) return v;
    await new Promise((r) => setTimeout(r, everyMs));
  }
  return undefined;
}

export function deploymentYaml(name: string, image: string, replicas = 1): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  replicas: ${replicas}
  selector:
    matchLabels: {app: ${name}}
  template:
    metadata:
      labels: {app: ${name}}
    spec:
      containers:
      - name: main
        image: ${image}
`;
}
