// Start-up cost: `chartroom version` against a bare `node -e 0`.
// Non-TUI commands must not load React, Ink or the Kubernetes client.
import { fmt, median, pairwise, timeProcess } from "./util.js";

export async function run({ runs = 15 } = {}) {
  const bin = new URL("../bin/chartroom.js", import.meta.url).pathname;
  const r = pairwise(
    () => timeProcess(process.execPath, [bin, "version"]),
    () => timeProcess(process.execPath, ["-e", "0"]),
    runs,
  );
  const ratio = median(r.ratios);
  console.log(`startup: chartroom version ${fmt(r.a)} vs node -e 0 ${fmt(r.b)} (median of ${runs}); ratio ${ratio.toFixed(2)} (target <= 1.6)`);
  return { name: "startup", chartroomMs: r.a, nodeMs: r.b, ratio, target: 1.6, ok: ratio <= 1.6 };
}
