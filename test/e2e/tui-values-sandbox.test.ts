// `chartroom --sandbox` in a real terminal: the embedded sandbox serves the
// context the header names, and quitting (q or SIGTERM) closes its port and
// removes its kubeconfig, leaving no orphaned server behind.
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { TmuxSession } from "../helpers/tmux.js";
import { waitFor } from "../helpers/ui.js";

const ROOT = resolve(import.meta.dirname, "../..");
const BIN = join(ROOT, "bin", "chartroom.js");
const exec = promisify(execFile);

function portOpen(port: number): Promise<boolean> {
  return new Promise((done) => {
    const s = connect(port, "127.0.0.1");
    s.once("connect", () => {
      s.destroy();
      done(true);
    });
    s.once("error", () => done(false));
  });
}

describe("chartroom --sandbox in a terminal", { timeout: 90_000 }, () => {
  let home: string;
  let tmp: string;
  let term: TmuxSession;

  beforeAll(async () => {
    if (!existsSync(join(ROOT, "dist", "tui", "sandbox.js"))) throw new Error("dist/ is not built: run `npx tsc -p .`");
    home = mkdtempSync(join(tmpdir(), "chartroom-e2e-home-"));
    // A private TMPDIR: the sandbox writes its kubeconfig there, which names its port.
    tmp = mkdtempSync(join(tmpdir(), "chartroom-e2e-tmp-"));
    term = await TmuxSession.start({ columns: 80, rows: 24, cwd: ROOT, env: { HOME: home, TMPDIR: tmp, KUBECONFIG: join(home, "none") } });
  });

  afterAll(async () => {
    await term?.kill();
    for (const d of [home, tmp]) if (d) rmSync(d, { recursive: true, force: true, maxRetries: 3 });
  });

  async function sandboxPort(): Promise<{ port: number; file: string }> {
    return waitFor(() => {
      const name = readdirSync(tmp).find((f) => /^chartroom-sandbox-\d+-\d+\.kubeconfig$/.test(f));
      if (!name) throw new Error(`no sandbox kubeconfig in ${tmp}`);
      const server = /server: http:\/\/127\.0\.0\.1:(\d+)/.exec(readFileSync(join(tmp, name), "utf8"));
      if (!server) throw new Error("kubeconfig names no server");
      return { port: Number(server[1]), file: join(tmp, name) };
    });
  }

  test("the header names the sandbox context; q stops the sandbox and restores the shell", async () => {
    await term.run("clear");
    await term.run(`node ${BIN} --sandbox`);
    const screen = await term.waitForText("ctx chartroom-sandbox");
    expect(screen.split("\n")[0]).toBe("chartroom  ctx chartroom-sandbox  ns default  sandbox");
    expect(screen).not.toContain(":sandbox starts a local one");
    const { port, file } = await sandboxPort();
    expect(await portOpen(port)).toBe(true);

    await term.sendKeys("q");
    await term.waitForText(/--sandbox\n\$$/);
    await term.run("echo q-exit=$?");
    await term.waitForText(/^q-exit=0$/m);
    expect(await portOpen(port)).toBe(false);
    expect(existsSync(file)).toBe(false);
  });

  test("SIGTERM stops the sandbox too, exit status 143", async () => {
    await term.run("clear");
    await term.run(`node ${BIN} --sandbox`);
    await term.waitForText("ctx chartroom-sandbox");
    const { port } = await sandboxPort();
    const shell = (await term.tmux("display-message", "-p", "-t", term.target, "#{pane_pid}")).trim();
    const { stdout } = await exec("pgrep", ["-P", shell, "node"]);
    process.kill(Number(stdout.trim()), "SIGTERM");
    await term.waitForText(/--sandbox\n\$$/);
    await term.run("echo term-exit=$?");
    await term.waitForText(/^term-exit=143$/m);
    expect(await portOpen(port)).toBe(false);
  });

  test("without a reachable kubeconfig the header says so, the status bar offers the sandbox, and :sandbox starts it", async () => {
    await term.run("clear");
    await term.run(`node ${BIN}`);
    let screen = await term.waitForText(":sandbox starts a local one");
    expect(screen.split("\n")[0]).toContain("ctx (none)");
    expect(screen.split("\n")[0]).toContain("kubeconfig");
    await term.sendKeys(":");
    await term.tmux("send-keys", "-t", term.target, "-l", "sandbox");
    await term.sendKeys("Enter");
    screen = await term.waitForText(/^chartroom {2}ctx chartroom-sandbox {2}ns default {2}sandbox/m, { timeout: 30_000 });
    screen = await term.waitForText(/demo\s+http:\/\/127\.0\.0\.1:\d+\s+3/, { timeout: 30_000 });
    expect(screen).not.toContain(":sandbox starts a local one");
    const port = Number(/127\.0\.0\.1:(\d+)/.exec(screen)![1]);
    await term.sendKeys("4");
    await term.waitForText("No releases");
    await term.sendKeys("q");
    await term.waitForText(/chartroom\.js\n\$$/);
    // The demo repository the session started is gone with it.
    expect(await portOpen(port)).toBe(false);
  });
});
