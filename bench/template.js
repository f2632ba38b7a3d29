// Whole-process `chartroom template` against `helm template` over every
// corpus case: medians of several runs per case, totals and their ratio.
import { existsSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { corpusCases, corpusDir } from "./corpus.js";
import { fmt, median, timeProcess } from "./util.js";

export function helmBinary() {
  const tool = new URL("../../shared/tools/get-helm", import.meta.url).pathname;
  const script = new URL("../scripts/get-helm.mjs", import.meta.url).pathname;
  const [cmd, args] = existsSync(tool) ? [tool, []] : [process.execPath, [script]];
  const r = spawnSync(cmd, args, { encoding: "utf8" });
  return r.status === 0 ? r.stdout.trim().split("\n").pop() : undefined;
}

export async function run({ runs = 3 } = {}) {
  const dir = corpusDir();
  if (!dir) return { name: "template", skipped: "../shared/corpus not found" };
  const helm = helmBinary();
  if (!helm) return { name: "template", skipped: "helm could not be obtained" };
  const bin = new URL("../bin/chartroom.js", import.meta.url).pathname;
  const cases = corpusCases(dir);
  let ours = 0;
  let theirs = 0;
  const ratios = [];
  for (const c of cases) {
    const args = ["template", c.release, c.chartDir, ...c.args];
    const a = [];
    const b = [];
    for (let i = 0; i < runs; i++) {
      a.push(timeProcess(process.execPath, [bin, ...args], { allowFailure: true }));
      b.push(timeProcess(helm, args, { allowFailure: true }));
    }
    ours += median(a);
    theirs += median(b);
    ratios.push(median(a) / median(b));
  }
  const ratio = ours / theirs;
  console.log(`template: ${cases.length} corpus cases, whole process, median of ${runs} each`);
  console.log(`template: chartroom total ${fmt(ours)}, helm total ${fmt(theirs)}; ratio ${ratio.toFixed(2)} (target <= 1.0); per-case ratio median ${median(ratios).toFixed(2)}`);
  return { name: "template", ms: ours, helmMs: theirs, ratio, ok: ratio <= 1.0 };
}
