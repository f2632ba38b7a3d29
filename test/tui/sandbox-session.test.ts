import { connect } from "node:net";
import { existsSync, readFileSync } from "node:fs";
import { expect, test } from "vitest";
import { openSandbox } from "../../src/tui/sandbox.js";
import { sandboxOffer } from "../../src/tui/view/chrome.js";

const portOpen = (port: number) =>
  new Promise<boolean>((done) => {
    const s = connect(port, "127.0.0.1");
    s.once("connect", () => {
      s.destroy();
      done(true);
    });
    s.once("error", () => done(false));
  });

test("openSandbox serves the chartroom-sandbox context and stop() closes the port", async () => {
  const session = await openSandbox({ namespace: "tour" });
  try {
    expect(session.target).toMatchObject({ context: "chartroom-sandbox", namespace: "tour", problem: undefined });
    expect(readFileSync(session.kubeconfigPath, "utf8")).toContain(`127.0.0.1:${session.sandbox.port}`);
    expect(await portOpen(session.sandbox.port)).toBe(true);
    const res = await fetch(`${session.sandbox.url}/api/v1/namespaces/default`);
    expect(res.status).toBe(200);
  } finally {
    await session.stop();
  }
  expect(await portOpen(session.sandbox.port)).toBe(false);
  expect(existsSync(session.kubeconfigPath)).toBe(false);
});

test("the status bar offers the sandbox only when there is no usable cluster and it is not running", () => {
  const base = { namespace: "default", readonly: false } as const;
  expect(sandboxOffer({ ...base, sandbox: "off", problem: "no kubeconfig found" })).toBe("no cluster: :sandbox starts a local one");
  expect(sandboxOffer({ ...base, sandbox: "off" })).toBe("no cluster: :sandbox starts a local one");
  expect(sandboxOffer({ ...base, sandbox: "off", context: "kind" })).toBeUndefined();
  expect(sandboxOffer({ ...base, sandbox: "running", context: "chartroom-sandbox" })).toBeUndefined();
});
