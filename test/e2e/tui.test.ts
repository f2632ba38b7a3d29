// Drives the real binary in a real terminal (tmux, 80x24): the same path a user
// takes with `chartroom` on a TTY. Needs dist/ (the `test` script builds first).
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { TmuxSession } from "../helpers/tmux.js";

const ROOT = resolve(import.meta.dirname, "../..");
const BIN = join(ROOT, "bin", "chartroom.js");
const exec = promisify(execFile);
const PANES = ["Repositories", "Search", "Values", "Releases"];

// Generous: every step waits on a real process, and CI machines are shared.
describe("chartroom TUI in a terminal", { timeout: 90_000 }, () => {
  let home: string;
  let term: TmuxSession;

  beforeAll(async () => {
    if (!existsSync(join(ROOT, "dist", "tui", "index.js"))) {
      throw new Error("dist/ is not built: run `npx tsc -p .` (npm test builds before running vitest)");
    }
    home = mkdtempSync(join(tmpdir(), "chartroom-e2e-"));
    const kubeconfig = join(home, "kubeconfig.yaml");
    writeFileSync(kubeconfig, "current-context: e2e-ctx\ncontexts:\n- name: e2e-ctx\n  context: {cluster: c, namespace: e2e-ns}\n");
    term = await TmuxSession.start({ columns: 80, rows: 24, cwd: ROOT, env: { HOME: home, KUBECONFIG: kubeconfig } });
  });

  afterAll(async () => {
    await term?.kill();
    if (home) rmSync(home, { recursive: true, force: true, maxRetries: 3 });
  });

  test("opens full screen, switches panes, shows help and quits back to the shell", async () => {
    await term.run("echo marker-before-tui");
    await term.waitForText("marker-before-tui\n$");
    await term.run(`node ${BIN}`);

    let screen = await term.waitForText("No repositories yet");
    const lines = screen.split("\n");
    expect(lines[0]).toBe("chartroom  ctx e2e-ctx  ns e2e-ns");
    for (const pane of PANES) expect(lines[1]).toContain(pane);
    expect(screen).toContain("No repositories yet");
    // The alternate screen hides the shell: the marker is gone while the UI runs.
    expect(screen).not.toContain("marker-before-tui");

    await term.sendKeys("4");
    // The kubeconfig names a cluster that is not there: the pane says so instead of pretending.
    screen = await term.waitForText("Cannot list releases");
    expect(screen).toContain("Try chartroom --sandbox");
    expect(screen).not.toContain("No repositories yet");

    await term.sendKeys("Tab");
    await term.waitForText("No repositories yet");
    await term.sendKeys("BTab", "BTab");
    await term.waitForText("Values · batch-job");

    await term.sendKeys("?");
    screen = await term.waitForText("Values pane");
    expect(screen).toContain("Edit the values in place");
    expect(screen).not.toContain("Values · batch-job");
    await term.sendKeys("Escape");
    await term.waitForScreen((s) => s.includes("Values · batch-job") && !s.includes("Values pane"), "help closed");

    await term.sendKeys("q");
    // The previous screen is back, with a fresh prompt under the command line.
    screen = await term.waitForText(/chartroom\.js\n\$$/);
    expect(screen).toContain("marker-before-tui");
    expect(screen).not.toContain("Repositories");
    await term.run("echo exit=$?");
    screen = await term.waitForText(/^exit=0$/m);
    expect(screen).toMatch(/\$ node \S+chartroom\.js\n\$ echo exit=\$\?\nexit=0/);
  });

  test("`npm start`'s --sandbox opens the UI; Ctrl-C quits with status 0", async () => {
    await term.run("clear");
    await term.run(`node ${BIN} --sandbox --readonly`);
    const screen = await term.waitForText("read-only");
    for (const pane of PANES) expect(screen).toContain(pane);
    await term.sendKeys("C-c");
    await term.waitForText(/--readonly\n\$$/);
    await term.run("echo ctrlc-exit=$?");
    await term.waitForText(/^ctrlc-exit=0$/m);
  });

  test("SIGTERM restores the terminal and exits with 143", async () => {
    await term.run("clear");
    await term.run("echo marker-before-term");
    await term.run(`node ${BIN}`);
    await term.waitForText("? help");
    const shell = (await term.tmux("display-message", "-p", "-t", term.target, "#{pane_pid}")).trim();
    const { stdout } = await exec("pgrep", ["-P", shell, "node"]);
    process.kill(Number(stdout.trim()), "SIGTERM");
    const screen = await term.waitForText(/chartroom\.js\n\$$/);
    expect(screen).toContain("marker-before-term");
    await term.run("echo term-exit=$?");
    await term.waitForText(/^term-exit=143$/m);
  });

  test("an unknown theme is a one-line error and status 1, before the screen is taken", async () => {
    await term.run("clear");
    await term.run(`node ${BIN} --theme neon; echo theme-exit=$?`);
    const screen = await term.waitForText(/^theme-exit=\d/m);
    expect(screen).toContain('Error: unknown theme "neon" (from --theme)');
    expect(screen).toContain("Available themes: dark, high-contrast, light,");
    expect(screen).toContain("theme-exit=1");
    expect(screen).not.toMatch(/^\s+at /m);
  });

  test("a broken theme file is named with the offending key, status 1, no stack", async () => {
    const bad = join(home, "bad.json");
    const dark = JSON.parse(readFileSync(join(ROOT, "themes", "dark.json"), "utf8"));
    dark.tokens.status.ok = "gren";
    writeFileSync(bad, JSON.stringify(dark));
    await term.run("clear");
    await term.run(`CHARTROOM_THEME=${bad} node ${BIN}; echo bad-theme-exit=$?`);
    const screen = await term.waitForText(/^bad-theme-exit=\d/m);
    expect(screen.replace(/\n/g, "")).toContain(`Error: ${bad}: tokens.status.ok refers to unknown palette colour "gren"`);
    expect(screen).toContain("bad-theme-exit=1");
    expect(screen).not.toMatch(/^\s+at /m);
  });
});
