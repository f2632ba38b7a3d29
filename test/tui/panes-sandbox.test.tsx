// Pane behaviour against the real engine: a sandbox cluster and the demo
// repository served on loopback, driven by keys through ink-testing-library.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cleanup } from "ink-testing-library";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { ActionConfig, getRelease, listReleases } from "../../src/actions/index.js";
import { helmPaths } from "../../src/repo/index.js";
import { type Sandbox, startSandbox } from "../../src/sandbox/index.js";
import { App, type AppProps } from "../../src/tui/app.js";
import { type DemoRepository, openDemoRepository } from "../../src/tui/demo-repo.js";
import { createEngine } from "../../src/tui/engine/index.js";
import { Operations } from "../../src/tui/operations.js";
import { resolveTheme } from "../../src/tui/theme.js";
import { press, type Rendered, renderApp, sleep, waitForFrame } from "../helpers/ui.js";

let sb: Sandbox;
let demo: DemoRepository;
let home: string;

beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), "chartroom-panes-"));
  sb = await startSandbox({ port: 0 });
  demo = await openDemoRepository({ user: helmPaths({ HOME: home }) });
}, 60_000);

afterAll(async () => {
  await Promise.all([sb?.stop(), demo?.stop()]);
  rmSync(home, { recursive: true, force: true });
});

afterEach(() => cleanup());

const SLOW = { timeout: 15_000 };

function app(over: Partial<AppProps> = {}) {
  const info: AppProps["info"] = { context: "chartroom-sandbox", namespace: "default", sandbox: "running", readonly: false, ...over.info };
  return (
    <App
      theme={resolveTheme({ flag: "dark", env: {} })}
      makeEngine={(s) => createEngine({ kubeconfig: sb.kubeconfigPath, context: s.context, namespace: s.namespace, paths: demo.paths })}
      loadTheme={(name) => resolveTheme({ flag: name, env: {} })}
      {...over}
      info={info}
    />
  );
}

const cfg = (namespace = "default") => new ActionConfig({ kubeconfig: sb.kubeconfigPath, namespace });

async function type(r: Rendered, text: string) {
  for (const ch of text) await press(r.stdin, ch);
}

/** Search pane -> chart -> wizard -> install with the defaults, then wait for the outcome. */
async function installThroughWizard(r: Rendered, query: string, name: string, namespace = "default") {
  await press(r.stdin, "2");
  await press(r.stdin, "/");
  await type(r, query);
  await waitForFrame(r, (f) => f.includes(`demo/${query}`), SLOW);
  await press(r.stdin, "Enter");
  await press(r.stdin, "i");
  await waitForFrame(r, (f) => f.includes("Install a chart") && f.includes("VERSION"), SLOW);
  await press(r.stdin, "Enter");
  await waitForFrame(r, (f) => f.includes("Release name:"), SLOW);
  await press(r.stdin, "\x15");
  await type(r, name);
  await press(r.stdin, "Tab");
  await press(r.stdin, "\x15");
  await type(r, namespace);
  await press(r.stdin, "Enter");
  await waitForFrame(r, (f) => f.includes("valid"), SLOW);
  await press(r.stdin, "Tab");
  await waitForFrame(r, (f) => f.includes("timeout: 5m0s"), SLOW);
  await press(r.stdin, "Enter");
  await waitForFrame(r, (f) => f.includes("the whole manifest is new"), SLOW);
  await press(r.stdin, "Enter");
  return waitForFrame(r, (f) => f.includes(`installed ${name}: revision 1 deployed`), SLOW);
}

describe("Repositories pane", () => {
  test("lists the demo repository, updates it with progress, adds and removes another", async () => {
    const r = await renderApp(app());
    let frame = await waitForFrame(r, (f) => f.includes("demo") && f.includes("CHARTS"), SLOW);
    expect(frame).toMatch(/demo\s+http:\/\/127\.0\.0\.1:\d+\s+3\s+\d+s ago/);
    await press(r.stdin, "U");
    frame = await waitForFrame(r, (f) => f.includes("updated 1 repository"), SLOW);
    expect(frame).toContain("✓");

    await press(r.stdin, "a");
    await waitForFrame(r, (f) => f.includes("Add a repository"));
    // Typing q here must not quit: the form holds the keyboard.
    await type(r, "mirror");
    await press(r.stdin, "Tab");
    await type(r, demo.url);
    await press(r.stdin, "Enter");
    frame = await waitForFrame(r, (f) => f.includes('"mirror" has been added to your repositories'), SLOW);
    expect(frame).toMatch(/mirror\s+http:\/\/127\.0\.0\.1:\d+\s+3/);

    await press(r.stdin, "a");
    await type(r, "broken");
    await press(r.stdin, "Tab");
    await type(r, "http://127.0.0.1:1/charts");
    await press(r.stdin, "Enter");
    frame = await waitForFrame(r, (f) => f.includes("is not a valid chart repository"), SLOW);
    await press(r.stdin, "Escape");

    await press(r.stdin, "j");
    await press(r.stdin, "x");
    await waitForFrame(r, (f) => f.includes("Remove repository mirror?"));
    await press(r.stdin, "y");
    frame = await waitForFrame(r, (f) => f.includes('"mirror" has been removed'), SLOW);
    expect(frame).not.toMatch(/^┃ mirror/m);
  }, 60_000);
});

describe("Search pane", () => {
  test("results follow the typing; a chart shows its versions, Chart.yaml, values and schema", async () => {
    const r = await renderApp(app());
    await press(r.stdin, "2");
    await waitForFrame(r, (f) => f.includes("demo/hello-web") && f.includes("demo/redis-lite"), SLOW);
    await press(r.stdin, "/");
    await type(r, "redis");
    let frame = await waitForFrame(r, (f) => f.includes("demo/redis-lite") && !f.includes("demo/hello-web"), SLOW);
    // A typo still finds it (fuzzy), after helm's literal matches.
    for (let i = 0; i < 5; i++) await press(r.stdin, "Backspace");
    await type(r, "helo");
    frame = await waitForFrame(r, (f) => f.includes("demo/hello-web"), SLOW);
    await press(r.stdin, "Enter");
    await press(r.stdin, "Enter");
    frame = await waitForFrame(r, (f) => f.includes("Chart · demo/hello-web 0.1.0"), SLOW);
    expect(frame).toMatch(/0\.1\.0\s+1\.0\.0\s+A small web server/);
    await press(r.stdin, "l");
    frame = await waitForFrame(r, (f) => f.includes("name: hello-web"), SLOW);
    expect(frame).toContain("apiVersion: v2");
    await press(r.stdin, "l");
    await press(r.stdin, "l");
    frame = await waitForFrame(r, (f) => f.includes("replicaCount: 2"), SLOW);
    await press(r.stdin, "l");
    frame = await waitForFrame(r, (f) => f.includes('"$schema"') || f.includes("maximum"), SLOW);
    await press(r.stdin, "v");
    frame = await waitForFrame(r, (f) => f.includes("Values · hello-web"), SLOW);
    await press(r.stdin, "2");
    await press(r.stdin, "Escape");
    await waitForFrame(r, (f) => f.includes("Search ·"), SLOW);
  }, 60_000);
});

describe("install, upgrade, rollback and uninstall from the panes", () => {
  test("the wizard installs; the list, detail, history, diff, rollback and uninstall follow", async () => {
    const ops = new Operations();
    const r = await renderApp(app({ operations: ops }), { columns: 100, rows: 30 });
    let frame = await installThroughWizard(r, "hello-web", "tour");
    expect(frame).toMatch(/Deployment\s+tour-hello-web\s+2\/2\s+Ready/);
    const rel = await getRelease(cfg(), "tour");
    expect(rel.info.status).toBe("deployed");
    // Only what the user changed is stored as user values: nothing here.
    expect(rel.config ?? {}).toEqual({});

    await press(r.stdin, "Escape");
    await press(r.stdin, "4");
    frame = await waitForFrame(r, (f) => /tour\s+default\s+1\s+deployed\s+hello-web-0\.1\.0/.test(f), SLOW);

    // Upgrade from the list with a values change.
    await press(r.stdin, "u");
    await waitForFrame(r, (f) => f.includes("Upgrade tour in default") && f.includes("VERSION"), SLOW);
    await press(r.stdin, "Enter");
    await waitForFrame(r, (f) => f.includes("valid against values.schema.json"), SLOW);
    await type(r, "replicaCount: 11");
    frame = await waitForFrame(r, (f) => f.includes("Must be less than or equal to 10"), SLOW);
    await press(r.stdin, "Tab");
    frame = await waitForFrame(r, (f) => f.includes("fix the 1 problem first"));
    await press(r.stdin, "Backspace");
    await press(r.stdin, "Backspace");
    await type(r, "3");
    await waitForFrame(r, (f) => f.includes("replicaCount: 3") && !f.includes("Must be less"), SLOW);
    await press(r.stdin, "Tab");
    await press(r.stdin, "Enter");
    frame = await waitForFrame(r, (f) => f.includes("+  replicas: 3"), SLOW);
    expect(frame).toContain("-  replicas: 2");
    await press(r.stdin, "Enter");
    frame = await waitForFrame(r, (f) => f.includes("upgraded tour: revision 2 deployed"), SLOW);
    expect(frame).toMatch(/Deployment\s+tour-hello-web\s+3\/3\s+Ready\s+configured/);
    expect((await getRelease(cfg(), "tour")).config).toEqual({ replicaCount: 3 });
    await press(r.stdin, "Escape");

    // Detail: status, manifest, history with a diff of the two revisions.
    await press(r.stdin, "Enter");
    frame = await waitForFrame(r, (f) => f.includes("Release · default/tour · rev 2") && f.includes("Upgrade complete"), SLOW);
    expect(frame).toMatch(/RESOURCES\s+3\/3 ready/);
    await press(r.stdin, "l");
    await press(r.stdin, "l");
    await press(r.stdin, "l");
    frame = await waitForFrame(r, (f) => f.includes("kind: Deployment") || f.includes("# Source: hello-web"), SLOW);
    await press(r.stdin, "h");
    await press(r.stdin, "h");
    await press(r.stdin, "h");
    await press(r.stdin, "h");
    frame = await waitForFrame(r, (f) => /2\s+deployed/.test(f) && /1\s+superseded/.test(f), SLOW);
    await press(r.stdin, "d");
    frame = await waitForFrame(r, (f) => f.includes("revision 1 → 2") && f.includes("+  replicas: 3"), SLOW);
    expect(frame).toContain("+1 -1 lines of manifest");
    expect(frame).toContain("-  replicas: 2");
    await press(r.stdin, "Escape");
    await waitForFrame(r, (f) => f.includes("└    1  superseded"), SLOW);

    // Roll back to revision 1, picked in the history, after a confirmation.
    await press(r.stdin, "j");
    await press(r.stdin, "r");
    await waitForFrame(r, (f) => f.includes("Roll back tour in default to revision 1?"));
    await press(r.stdin, "y");
    frame = await waitForFrame(r, (f) => f.includes("Rollback was a success: tour is at revision 3"), SLOW);
    expect((await getRelease(cfg(), "tour")).info.description).toBe("Rollback to 1");
    await press(r.stdin, "Escape");

    // Uninstall, answering no first.
    await press(r.stdin, "x");
    await waitForFrame(r, (f) => f.includes("Uninstall tour in default?"));
    await press(r.stdin, "n");
    await waitForFrame(r, (f) => !f.includes("Uninstall tour in default?"));
    expect((await listReleases(cfg())).map((x) => x.name)).toContain("tour");
    await press(r.stdin, "x");
    await press(r.stdin, "y");
    frame = await waitForFrame(r, (f) => f.includes('release "tour" uninstalled'), SLOW);
    expect(await listReleases(cfg(), { all: true })).toEqual([]);
  }, 120_000);

  test("Esc cancels a running upgrade after asking; the release is left failed", async () => {
    const ops = new Operations();
    const r = await renderApp(app({ operations: ops }), { columns: 100, rows: 30 });
    await installThroughWizard(r, "hello-web", "stuck");
    await press(r.stdin, "Escape");
    await press(r.stdin, "4");
    await waitForFrame(r, (f) => /stuck\s+default\s+1\s+deployed/.test(f), SLOW);
    await press(r.stdin, "u");
    await waitForFrame(r, (f) => f.includes("Upgrade stuck in default") && f.includes("VERSION"), SLOW);
    await press(r.stdin, "Enter");
    await waitForFrame(r, (f) => f.includes("valid against"), SLOW);
    await type(r, "image:");
    await press(r.stdin, "Enter");
    await type(r, "  tag: crashloop");
    await press(r.stdin, "Tab");
    // Not atomic: a cancelled upgrade is left failed, as helm leaves an interrupted one.
    await press(r.stdin, "a");
    await press(r.stdin, "Enter");
    await waitForFrame(r, (f) => f.includes("+          image: \"hello-web:crashloop\""), SLOW);
    await press(r.stdin, "Enter");
    let frame = await waitForFrame(r, (f) => f.includes("CrashLoopBackOff"), SLOW);
    expect(frame).toMatch(/0\/2/);
    await press(r.stdin, "Escape");
    await waitForFrame(r, (f) => f.includes("Cancel: upgrade stuck in default"));
    await press(r.stdin, "y");
    frame = await waitForFrame(r, (f) => f.includes("✗") && f.includes("cancel"), SLOW);
    expect((await getRelease(cfg(), "stuck")).info.status).toBe("failed");
    await press(r.stdin, "Escape");
    await waitForFrame(r, (f) => /stuck\s+default\s+2\s+failed/.test(f), SLOW);
  }, 120_000);
});

describe("the palette and read-only", () => {
  test(":ns narrows the release list, :theme switches, unknown commands and themes are reported", async () => {
    const r = await renderApp(app());
    await press(r.stdin, "4");
    await waitForFrame(r, (f) => f.includes("Releases · all namespaces"), SLOW);
    await press(r.stdin, ":");
    await type(r, "ns team-a");
    await waitForFrame(r, (f) => f.includes(":ns team-a"));
    await press(r.stdin, "Enter");
    let frame = await waitForFrame(r, (f) => f.includes("Releases · namespace team-a"), SLOW);
    expect(frame.split("\n")[0]).toContain("ns team-a");
    await press(r.stdin, ":");
    await type(r, "ns all");
    await press(r.stdin, "Enter");
    await waitForFrame(r, (f) => f.includes("Releases · all namespaces"), SLOW);
    await press(r.stdin, ":");
    await type(r, "theme neon");
    await press(r.stdin, "Enter");
    frame = await waitForFrame(r, (f) => f.includes('unknown theme "neon"'));
    await press(r.stdin, ":");
    await type(r, "theme light");
    await press(r.stdin, "Enter");
    await waitForFrame(r, (f) => f.includes("theme light"));
    await press(r.stdin, ":");
    await type(r, "relases");
    await press(r.stdin, "Enter");
    await waitForFrame(r, (f) => f.includes('unknown command ":relases"'));
    await press(r.stdin, ":");
    await type(r, "repos");
    await press(r.stdin, "Enter");
    await waitForFrame(r, (f) => f.includes("Repositories · "), SLOW);
  }, 60_000);

  test("--readonly offers no action that changes anything", async () => {
    const r = await renderApp(app({ info: { context: "chartroom-sandbox", namespace: "default", sandbox: "running", readonly: true } }));
    let frame = await waitForFrame(r, (f) => f.includes("CHARTS"), SLOW);
    expect(frame.split("\n").at(-1)).not.toContain("add");
    await press(r.stdin, "a");
    await sleep(50);
    expect(r.frame()).not.toContain("Add a repository");
    await press(r.stdin, "2");
    await waitForFrame(r, (f) => f.includes("demo/hello-web"), SLOW);
    await press(r.stdin, "i");
    await sleep(50);
    expect(r.frame()).not.toContain("Install a chart");
    await press(r.stdin, ":");
    await type(r, "install demo/hello-web");
    await press(r.stdin, "Enter");
    frame = await waitForFrame(r, (f) => f.includes("read-only session"));
    expect(frame).not.toContain("Install a chart");
  }, 60_000);
});
