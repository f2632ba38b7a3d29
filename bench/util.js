// Small helpers shared by the benchmarks: whole-process timing and medians.
import { spawnSync } from "node:child_process";

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Wall time of one whole process, in milliseconds. */
export function timeProcess(cmd, args, opts = {}) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { stdio: ["ignore", "ignore", "pipe"], ...opts });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0 && !opts.allowFailure) {
    throw new Error(`${cmd} ${args.join(" ")} exited ${r.status}: ${r.stderr?.toString().slice(0, 300)}`);
  }
  return ms;
}

/** Runs A and B alternately (so drift hits both), after one warm-up each. */
export function pairwise(a, b, runs) {
  a();
  b();
  const ta = [];
  const tb = [];
  for (let i = 0; i < runs; i++) {
    ta.push(a());
    tb.push(b());
  }
  return { a: median(ta), b: median(tb), ratios: ta.map((x, i) => x / tb[i]) };
}

export function fmt(ms) {
  return `${ms.toFixed(1)} ms`;
}
