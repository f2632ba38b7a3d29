// The terminal UI as a user feels it, in a real pseudo-terminal (util-linux
// `script`): time from process start to the first frame, and key-to-frame
// latency in the Releases pane listing 1,000 releases on a sandbox.
// Targets: first frame <= 400 ms, key-to-frame <= 50 ms (medians).
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { seedReleases, writeBenchChart } from "./release.js";
import { fmt, median } from "./util.js";

const bin = new URL("../bin/chartroom.js", import.meta.url).pathname;
const dist = (p) => new URL(`../dist/${p}`, import.meta.url).href;

/** The UI in a pty of 120x40; `screen()` is everything written so far. */
function openTui(env) {
  const started = performance.now();
  const child = spawn("script", ["-qfec", `stty cols 120 rows 40; exec ${process.execPath} ${bin}`, "/dev/null"], {
    detached: true,
    env: { ...process.env, TERM: "xterm-256color", ...env },
  });
  let out = "";
  const waiters = [];
  child.stdout.on("data", (d) => {
    out += d.toString();
    for (const w of waiters.splice(0)) w(performance.now());
  });
  child.stdin.on("error", () => {});
  return {
    started,
    screen: () => out,
    /** Resolves at the first output after now. */
    nextOutput: () => new Promise((resolve) => waiters.push(resolve)),
    async waitFor(text, timeoutMs = 20_000) {
      const deadline = performance.now() + timeoutMs;
      while (!out.includes(text)) {
        if (performance.now() > deadline) throw new Error(`the UI never showed ${JSON.stringify(text)}`);
        await new Promise((r) => setTimeout(r, 2));
      }
      return performance.now();
    },
    write: (s) => child.stdin.write(s),
    close() {
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {}
      return new Promise((r) => (child.exitCode !== null ? r() : child.on("exit", r)));
    },
  };
}

async function firstFrame(runs, home) {
  const times = [];
  for (let i = 0; i < runs + 1; i++) {
    const tui = openTui({ HOME: home, KUBECONFIG: join(home, "none") });
    const at = await tui.waitFor("Repositories");
    await tui.close();
    if (i > 0) times.push(at - tui.started); // the first run warms the file cache
  }
  return times;
}

async function keyToFrame(sb, home, presses) {
  const tui = openTui({ HOME: home, KUBECONFIG: sb.kubeconfigPath });
  try {
    await tui.waitFor("Repositories");
    tui.write("4");
    await tui.waitFor("app-0000");
    await new Promise((r) => setTimeout(r, 300));
    const lat = [];
    for (let i = 0; i < presses; i++) {
      const next = tui.nextOutput();
      const t0 = performance.now();
      tui.write(i % 2 === 0 ? "j" : "k");
      lat.push((await next) - t0);
      // Let the frame finish before the next key, as a person reads it.
      await new Promise((r) => setTimeout(r, 40));
    }
    return lat;
  } finally {
    await tui.close();
  }
}

export async function run({ runs = 9, presses = 40, releases = 1000 } = {}) {
  if (spawnSync("script", ["--version"]).error) return { name: "tui", skipped: "util-linux `script` is not installed (no pty)" };
  const home = mkdtempSync(join(tmpdir(), "chartroom-bench-tui-"));
  const { startSandbox } = await import(dist("sandbox/index.js"));
  const sb = await startSandbox({ port: 0 });
  try {
    const ff = await firstFrame(runs, home);
    const base = median(Array.from({ length: 5 }, () => {
      const t = performance.now();
      spawnSync(process.execPath, ["-e", "0"]);
      return performance.now() - t;
    }));
    console.log(`tui: first frame ${fmt(median(ff))} from process start (median of ${runs}; node -e 0 takes ${fmt(base)}); target <= 400 ms`);

    const chartDir = mkdtempSync(join(tmpdir(), "chartroom-bench-tui-chart-"));
    writeBenchChart(chartDir);
    const seeded = await seedReleases(sb, chartDir, releases, 1);
    console.log(`tui: seeded ${releases} releases in ${seeded.seconds.toFixed(1)} s`);
    const k = await keyToFrame(sb, home, presses);
    const sorted = [...k].sort((a, b) => a - b);
    const p95 = sorted[Math.floor(sorted.length * 0.95)];
    console.log(`tui: key-to-frame in the Releases pane with ${releases} releases: median ${fmt(median(k))}, p95 ${fmt(p95)} (${presses} presses); target <= 50 ms`);
    rmSync(chartDir, { recursive: true, force: true });
    return { name: "tui", firstFrameMs: median(ff), keyToFrameMs: median(k), keyToFrameP95Ms: p95, ok: median(ff) <= 400 && median(k) <= 50 };
  } finally {
    await sb.stop();
    rmSync(home, { recursive: true, force: true });
  }
}
