// The tour a new user takes, as they take it: `chartroom --sandbox` in a real
// terminal (tmux, 100x30), keys sent one by one, the screen read back. Search
// the demo repository, install through the wizard and watch it become ready,
// upgrade with a values change, see a crash-looping upgrade fail and roll back
// live, roll back by hand, uninstall, quit.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { TmuxSession } from "../helpers/tmux.js";

const ROOT = resolve(import.meta.dirname, "../..");
const BIN = join(ROOT, "bin", "chartroom.js");

describe("the sandbox tour in a terminal", { timeout: 180_000 }, () => {
  let home: string;
  let term: TmuxSession;
  const keys = (...k: string[]) => term.sendKeys(...k);
  const type = async (text: string) => {
    await term.tmux("send-keys", "-t", term.target, "-l", text);
  };
  const screen = (text: string | RegExp, timeout = 20_000) => term.waitForText(text, { timeout });

  beforeAll(async () => {
    if (!existsSync(join(ROOT, "dist", "tui", "index.js"))) throw new Error("dist/ is not built: npm test builds before running vitest");
    home = mkdtempSync(join(tmpdir(), "chartroom-tour-"));
    term = await TmuxSession.start({ columns: 100, rows: 30, cwd: ROOT, env: { HOME: home, KUBECONFIG: join(home, "none") } });
  });

  afterAll(async () => {
    await term?.kill();
    if (home) rmSync(home, { recursive: true, force: true, maxRetries: 3 });
  });

  test("search, install, upgrade, a failed upgrade rolled back live, rollback, uninstall", async () => {
    await term.run(`node ${BIN} --sandbox`);
    let s = await screen(/demo\s+http:\/\/127\.0\.0\.1:\d+\s+3/);
    expect(s.split("\n")[0]).toBe("chartroom  ctx chartroom-sandbox  ns default  sandbox");

    // Search the demo repository as you type.
    await keys("2", "/");
    await type("web");
    s = await screen("Search · 1 chart");
    expect(s).toContain("demo/hello-web");
    expect(s).not.toContain("demo/redis-lite");
    await keys("Enter", "Enter");
    s = await screen("Chart · demo/hello-web 0.1.0");
    expect(s).toMatch(/0\.1\.0\s+1\.0\.0\s+A small web server/);

    // Install through the wizard: version, name, values, options, preview, apply.
    await keys("i");
    await screen(/Install a chart[\s\S]*VERSION/);
    await keys("Enter");
    s = await screen("Release name: hello-web");
    await keys("Enter");
    // The editor fills once the chart is fetched.
    s = await screen(/2\s+replicaCount: 2/);
    expect(s).toContain("valid against values.schema.json");
    await keys("Tab");
    await screen("[x] w  wait until resources are ready");
    await keys("Enter");
    s = await screen("the whole manifest is new");
    expect(s).toContain("+kind: ConfigMap");
    await keys("Enter");
    s = await screen("installed hello-web: revision 1 deployed");
    expect(s).toMatch(/Deployment\s+hello-web\s+2\/2\s+Ready\s+created/);
    expect(s).toContain("rev 1 pending-install → rev 1 deployed");

    // The release list shows it deployed.
    await keys("Escape");
    await term.waitForScreen((x) => !x.includes("installed hello-web"), "progress closed");
    await keys("4");
    s = await screen(/hello-web\s+default\s+1\s+deployed\s+hello-web-0\.1\.0/);

    // Upgrade with a values change; the preview is a diff against the live release.
    await keys("u");
    await screen(/Upgrade hello-web in default[\s\S]*VERSION/);
    await keys("Enter");
    await screen("valid against values.schema.json");
    await type("replicaCount: 3");
    await keys("Tab");
    await screen("[x] a  atomic");
    await keys("Enter");
    s = await screen("+  replicas: 3");
    expect(s).toContain("-  replicas: 2");
    await keys("Enter");
    s = await screen("upgraded hello-web: revision 2 deployed");
    expect(s).toMatch(/Deployment\s+hello-web\s+3\/3\s+Ready\s+configured/);
    await keys("Escape");
    await screen(/hello-web\s+default\s+2\s+deployed/);

    // A crash-looping upgrade (atomic, 8s timeout): pods fail live, then the rollback.
    await keys("u");
    await screen(/Upgrade hello-web in default[\s\S]*VERSION/);
    await keys("Enter");
    await screen("1 › replicaCount: 3");
    await keys("End", "Enter");
    await type("image:");
    await keys("Enter");
    await type("  tag: crashloop");
    await keys("Tab");
    await screen("t  timeout: 5m0s");
    await keys("t", "C-u");
    await type("8s");
    await keys("Enter", "Enter");
    await screen('+          image: "hello-web:crashloop"');
    await keys("Enter");
    s = await screen(/Deployment\s+hello-web\s+0\/3\s+CrashLoopBackOff/);
    expect(s).toMatch(/wait: waiting up to 8s for 3 resources · \d+s \/ 8s/);
    s = await screen("has been rolled back due to atomic being set", 40_000);
    expect(s).toContain("✗ release hello-web failed");
    expect(s).toMatch(/rev 3 failed → rev 4 pending-rollback/);
    expect(s).toMatch(/Deployment\s+hello-web\s+3\/3\s+Ready/);
    await keys("Escape");
    s = await screen(/hello-web\s+default\s+4\s+deployed/);

    // History: the timeline, a diff of two revisions, then a rollback to revision 1 by hand.
    await keys("H");
    s = await screen(/3\s+failed/);
    expect(s).toMatch(/4\s+deployed[\s\S]*Rollback to 2/);
    await keys("j", "Enter");
    // The title shows before the two manifests load; wait for the diff itself.
    s = await screen('+          image: "hello-web:crashloop"');
    expect(s).toContain("revision 2 → 3");
    await keys("Escape");
    await screen(/└\s+1\s+superseded/);
    await keys("G", "r");
    await screen("Roll back hello-web in default to revision 1?");
    await keys("y");
    s = await screen("Rollback was a success: hello-web is at revision 5");
    expect(s).toMatch(/Deployment\s+hello-web\s+2\/2\s+Ready/);
    await keys("Escape");

    // Uninstall after the confirmation; the list empties.
    await keys("x");
    await screen("Uninstall hello-web in default?");
    await keys("y");
    await screen('release "hello-web" uninstalled');
    await keys("Escape", "Escape");
    s = await screen("No releases");

    await keys("q");
    await screen(/chartroom\.js --sandbox\n\$$/);
    await term.run("echo tour-exit=$?");
    await screen(/^tour-exit=0$/m);
  });
});
