// `chartroom sandbox start|stop|status|kubeconfig`: one sandbox per state
// directory, its pid and port recorded in sandbox.json there.
import { spawn } from "node:child_process";
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join, resolve } from "node:path";
import { startSandbox } from "./index.js";

export class SandboxError extends Error {
  override name = "SandboxError";
  readonly userFacing = true;
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}

export interface SandboxState {
  pid: number;
  port: number;
  url: string;
  kubeconfig: string;
  startedAt: string;
}

export function defaultStateDir(): string {
  const base = process.env.XDG_STATE_HOME || join(homedir(), ".local", "state");
  return join(base, "chartroom", "sandbox");
}

const STATE_FILE = "sandbox.json";

function stateDirOf(dir?: string): string {
  return resolve(dir ?? defaultStateDir());
}

export function readState(dir?: string): SandboxState | undefined {
  const file = join(stateDirOf(dir), STATE_FILE);
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, "utf8")) as SandboxState;
  } catch {
    return undefined;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  // After a kill -9 the recorded pid may since belong to another program.
  const cmdline = `/proc/${pid}/cmdline`;
  return !existsSync("/proc/self") || (existsSync(cmdline) && readFileSync(cmdline, "utf8").includes("sandbox"));
}

async function ready(url: string): Promise<boolean> {
  try {
    const res = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(3000) });
    return res.ok;
  } catch {
    return false;
  }
}

/** The sandbox process of `dir`, if alive; `responding` says whether it answers /readyz. */
export async function running(dir?: string): Promise<(SandboxState & { responding: boolean }) | undefined> {
  const st = readState(dir);
  if (!st || !alive(st.pid)) return undefined;
  return { ...st, responding: await ready(st.url) };
}

export interface StartOptions {
  port?: number;
  stateDir?: string;
  out: NodeJS.WritableStream;
}

/** Serves in the foreground until SIGINT or SIGTERM. */
export async function startForeground(opts: StartOptions): Promise<void> {
  const dir = stateDirOf(opts.stateDir);
  const existing = await running(dir);
  if (existing) {
    throw new SandboxError(`a sandbox is already running for ${dir} (pid ${existing.pid}, ${existing.url})`, "Stop it first with 'chartroom sandbox stop'.");
  }
  mkdirSync(dir, { recursive: true });
  const sb = await startOnPort(dir, opts.port ?? 0);
  const state: SandboxState = { pid: process.pid, port: sb.port, url: sb.url, kubeconfig: sb.kubeconfigPath, startedAt: new Date().toISOString() };
  const file = join(dir, STATE_FILE);
  writeFileSync(`${file}.tmp`, `${JSON.stringify(state, null, 2)}\n`);
  renameSync(`${file}.tmp`, file);
  opts.out.write(`Sandbox API server listening on ${sb.url}\n`);
  opts.out.write(`State directory: ${dir}\n`);
  opts.out.write(`${sb.kubeconfigPath}\n`);
  await new Promise<void>((done) => {
    const stop = () => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      sb.stop().then(() => {
        if (readState(dir)?.pid === process.pid) rmSync(file, { force: true });
        done();
      });
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
}

/**
 * With port 0, the port of the previous run is tried first, so kubeconfig
 * copies made before a restart keep working.
 */
async function startOnPort(dir: string, port: number) {
  const portFile = join(dir, "port");
  const previous = port === 0 && existsSync(portFile) ? Number(readFileSync(portFile, "utf8")) : undefined;
  if (previous) {
    try {
      return await startSandbox({ port: previous, stateDir: dir });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EADDRINUSE") throw err;
    }
  }
  const sb = await startSandbox({ port, stateDir: dir });
  writeFileSync(portFile, `${sb.port}\n`);
  return sb;
}

/** Starts the sandbox as a background process and returns once it is ready. */
export async function startDetached(opts: StartOptions & { entry: string }): Promise<SandboxState> {
  const dir = stateDirOf(opts.stateDir);
  const existing = await running(dir);
  if (existing) {
    throw new SandboxError(`a sandbox is already running for ${dir} (pid ${existing.pid}, ${existing.url})`, "Stop it first with 'chartroom sandbox stop'.");
  }
  mkdirSync(dir, { recursive: true });
  const log = openSync(join(dir, "sandbox.log"), "a");
  const args = [opts.entry, "sandbox", "start", "--state-dir", dir, "--port", String(opts.port ?? 0)];
  const child = spawn(process.execPath, args, { detached: true, stdio: ["ignore", log, log] });
  closeSync(log);
  child.unref();
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const st = readState(dir);
    if (st && st.pid === child.pid && (await ready(st.url))) return st;
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new SandboxError(`the sandbox did not start; see ${join(dir, "sandbox.log")}`);
}

export async function stop(dir?: string): Promise<SandboxState> {
  const d = stateDirOf(dir);
  const st = readState(d);
  if (!st || !alive(st.pid)) {
    rmSync(join(d, STATE_FILE), { force: true });
    throw new SandboxError(`no sandbox is running for ${d}`);
  }
  process.kill(st.pid, "SIGTERM");
  const deadline = Date.now() + 15_000;
  while (alive(st.pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  if (alive(st.pid)) process.kill(st.pid, "SIGKILL");
  rmSync(join(d, STATE_FILE), { force: true });
  return st;
}

export function kubeconfigPath(dir?: string): string {
  const d = stateDirOf(dir);
  const path = readState(d)?.kubeconfig ?? join(d, "kubeconfig");
  if (!existsSync(path)) {
    throw new SandboxError(`no sandbox kubeconfig in ${d}`, "Start one with 'chartroom sandbox start --detach'.");
  }
  return path;
}
