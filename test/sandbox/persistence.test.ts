// State in a directory survives a restart and a kill -9, and a torn last
// record is dropped rather than corrupting the store.
import { spawn } from "node:child_process";
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { startSandbox } from "../../src/sandbox/index.js";
import { http } from "./helpers.js";

const BIN = join(import.meta.dirname, "../../bin/chartroom.js");
const built = existsSync(join(import.meta.dirname, "../../dist/sandbox/daemon.js"));
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function stateDir(): string {
  const d = mkdtempSync(join(tmpdir(), "sandbox-state-"));
  dirs.push(d);
  return d;
}

const cm = (name: string) => ({ metadata: { name }, data: { v: name } });

describe("persistence", () => {
  it("restores objects, uids and the resourceVersion counter after a restart", async () => {
    const dir = stateDir();
    const a = await startSandbox({ stateDir: dir, controllers: false });
    const created = (await http(a, "POST", "/api/v1/namespaces/default/configmaps", cm("keep"))).json;
    await http(a, "POST", "/api/v1/namespaces", { metadata: { name: "extra" } });
    await http(a, "DELETE", "/api/v1/namespaces/default/configmaps/kube-root-ca.crt");
    await a.stop();
    const b = await startSandbox({ stateDir: dir, controllers: false });
    try {
      const back = (await http(b, "GET", "/api/v1/namespaces/default/configmaps/keep")).json;
      expect(back.metadata.uid).toBe(created.metadata.uid);
      expect(back.metadata.resourceVersion).toBe(created.metadata.resourceVersion);
      expect((await http(b, "GET", "/api/v1/namespaces/extra")).status).toBe(200);
      const next = (await http(b, "POST", "/api/v1/namespaces/default/configmaps", cm("after"))).json;
      expect(Number(next.metadata.resourceVersion)).toBeGreaterThan(Number(created.metadata.resourceVersion));
      // The watch history did not survive: an old resourceVersion is 410 Gone.
      const res = await fetch(`${b.url}/api/v1/namespaces/default/configmaps?watch=1&resourceVersion=${created.metadata.resourceVersion}`);
      const ev = JSON.parse((await res.text()).trim());
      expect(ev).toMatchObject({ type: "ERROR", object: { kind: "Status", code: 410, reason: "Expired" } });
    } finally {
      await b.stop();
    }
  });

  it("drops a torn final record", async () => {
    const dir = stateDir();
    const a = await startSandbox({ stateDir: dir, controllers: false });
    await http(a, "POST", "/api/v1/namespaces/default/configmaps", cm("whole"));
    await a.stop();
    appendFileSync(join(dir, "objects.log"), '{"p":"/configmaps","o":{"metadata":{"name":"to');
    const b = await startSandbox({ stateDir: dir, controllers: false });
    try {
      expect((await http(b, "GET", "/api/v1/namespaces/default/configmaps/whole")).status).toBe(200);
      await http(b, "POST", "/api/v1/namespaces/default/configmaps", cm("later"));
    } finally {
      await b.stop();
    }
    const c = await startSandbox({ stateDir: dir, controllers: false });
    try {
      expect((await http(c, "GET", "/api/v1/namespaces/default/configmaps/later")).status).toBe(200);
    } finally {
      await c.stop();
    }
  });

  it.skipIf(!built)("loses no acknowledged write to kill -9", async () => {
    const dir = stateDir();
    const child = spawn(process.execPath, [BIN, "sandbox", "start", "--state-dir", dir], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    while (!/kubeconfig\n/.test(out)) await new Promise((r) => setTimeout(r, 50));
    const url = /listening on (\S+)/.exec(out)![1];
    const names = Array.from({ length: 60 }, (_, i) => `cm-${i}`);
    await Promise.all(
      names.map((n) => fetch(`${url}/api/v1/namespaces/default/configmaps`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(cm(n)) })),
    );
    child.kill("SIGKILL");
    await new Promise((r) => child.once("exit", r));
    expect(JSON.parse(readFileSync(join(dir, "sandbox.json"), "utf8")).pid).toBe(child.pid);
    const b = await startSandbox({ stateDir: dir, controllers: false });
    try {
      const list = (await http(b, "GET", "/api/v1/namespaces/default/configmaps?labelSelector=")).json;
      const got = new Set(list.items.map((i: any) => i.metadata.name));
      for (const n of names) expect(got.has(n)).toBe(true);
    } finally {
      await b.stop();
    }
  });
});
