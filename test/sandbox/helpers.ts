// Shared by the sandbox tests: run the real kubectl and helm against a
// sandbox, and raw HTTP for protocol details the clients hide.
import { execFile, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { homedir } from "node:os";
import { delimiter, join } from "node:path";
import { type Sandbox, startSandbox } from "../../src/sandbox/index.js";

/**
 * kubectl: $KUBECTL, else the one on PATH (Debian's package), else the one
 * scripts/get-helm.mjs unpacks beside helm from the same npm package.
 */
export function findKubectl(): string | undefined {
  const env = process.env.KUBECTL;
  if (env && existsSync(env)) return env;
  for (const dir of (process.env.PATH ?? "").split(delimiter)) if (dir && existsSync(join(dir, "kubectl"))) return join(dir, "kubectl");
  const cache = process.env.XDG_CACHE_HOME || join(homedir(), ".cache");
  const beside = join(cache, "chartroom", "helm", "v3.17.3", "kubectl");
  return existsSync(beside) ? beside : undefined;
}

export const KUBECTL = findKubectl() ?? "kubectl";

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export function run(cmd: string, args: string[], env: Record<string, string> = {}, input?: string): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(cmd, args, { env: { ...process.env, ...env }, maxBuffer: 32 << 20, timeout: 120_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
    if (input !== undefined) child.stdin!.end(input);
  });
}

export function kubectl(sb: Sandbox, ...args: string[]): Promise<Run> {
  return run(KUBECTL, ["--kubeconfig", sb.kubeconfigPath, ...args]);
}

export function kubectlIn(sb: Sandbox, input: string, ...args: string[]): Promise<Run> {
  return run(KUBECTL, ["--kubeconfig", sb.kubeconfigPath, ...args], {}, input);
}

/** Runs a long-lived command until `until` matches its stdout (or the time runs out), then stops it. */
export function runUntil(cmd: string, args: string[], until: RegExp, ms: number): Promise<string> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    const done = () => {
      clearTimeout(timer);
      child.kill("SIGTERM");
      resolve(out);
    };
    const timer = setTimeout(done, ms);
    child.stdout.on("data", (d) => {
      out += d;
      if (until.test(out)) done();
    });
  });
}

export async function newSandbox(opts: Parameters<typeof startSandbox>[0] = {}): Promise<Sandbox> {
  return startSandbox({ controllerOptions: { delays: { schedule: 20, pull: 20, start: 20, ready: 20, jobRun: 50 } }, ...opts });
}

export async function http(sb: Sandbox, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: any; headers: Headers }> {
  const res = await fetch(`${sb.url}${path}`, {
    method,
    headers: { "Content-Type": "application/json", ...headers },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = text;
  }
  return { status: res.status, json, headers: res.headers };
}

const helmCache = new Map<string, { path?: string; reason?: string }>();

/** A real helm (v3.17.3 or v4.1.4), fetched from the npm registry on first use; undefined (with the reason) if it cannot be had. */
export async function helmBinary(version = "v3.17.3"): Promise<{ path?: string; reason?: string }> {
  const cached = helmCache.get(version);
  if (cached) return cached;
  let found: { path?: string; reason?: string };
  try {
    const script = join(import.meta.dirname, "../../scripts/get-helm.mjs");
    const { getHelm } = (await import(script)) as { getHelm: (v: string) => string };
    found = { path: getHelm(version) };
  } catch (err) {
    found = { reason: `helm ${version} could not be fetched from the npm registry (${(err as Error).message}); skipping its tests` };
  }
  helmCache.set(version, found);
  return found;
}
