// `chartroom sandbox start --detach | status | kubeconfig | stop` on a state directory.
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { KUBECTL, run } from "./helpers.js";

const BIN = join(import.meta.dirname, "../../bin/chartroom.js");
const built = existsSync(join(import.meta.dirname, "../../dist/cli/commands/sandbox.js"));
const dir = mkdtempSync(join(tmpdir(), "sandbox-cli-"));
const cli = (...args: string[]) => run(process.execPath, [BIN, "sandbox", ...args, "--state-dir", dir]);

afterAll(async () => {
  const state = join(dir, "sandbox.json");
  const pid = existsSync(state) ? (JSON.parse(readFileSync(state, "utf8")).pid as number) : undefined;
  await cli("stop");
  // A failed assertion must not leave the background server running.
  if (pid) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // Already stopped.
    }
  }
  rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!built)("chartroom sandbox", () => {
  it("starts detached, reports status and its kubeconfig, keeps state across restarts, and stops", async () => {
    const start = await cli("start", "--detach");
    expect(start.stderr).toBe("");
    expect(start.code).toBe(0);
    const kubeconfig = start.stdout.trim().split("\n").pop()!;
    expect(kubeconfig).toBe(join(dir, "kubeconfig"));
    expect((await cli("kubeconfig")).stdout.trim()).toBe(kubeconfig);
    const status = await cli("status");
    expect(status.stdout).toMatch(/^sandbox: running\nurl: http:\/\/127\.0\.0\.1:\d+\npid: \d+\n/);
    const url = /url: (\S+)/.exec(status.stdout)![1];
    const again = await cli("start", "--detach");
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(`Error: a sandbox is already running for ${dir}`);
    expect((await run(KUBECTL, ["--kubeconfig", kubeconfig, "create", "configmap", "kept", "--from-literal=a=1"])).code).toBe(0);
    expect((await cli("stop")).stdout).toMatch(/^sandbox stopped \(pid \d+\)/);
    const stopped = await cli("status");
    expect(stopped).toMatchObject({ code: 3, stdout: "sandbox: stopped\n" });
    expect((await cli("stop")).stderr).toContain(`Error: no sandbox is running for ${dir}`);
    expect((await cli("start", "--detach")).code).toBe(0);
    // The previous port is reused, so copies of the kubeconfig stay valid.
    expect((await cli("status")).stdout).toContain(`url: ${url}\n`);
    const got = await run(KUBECTL, ["--kubeconfig", kubeconfig, "get", "configmap", "kept", "-o", "jsonpath={.data.a}"]);
    expect(got.stdout).toBe("1");
  }, 180_000);
});
