// Reads the conformance corpus (../shared/corpus) when it is beside the project.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

export function corpusDir() {
  const dir = process.env.CHARTROOM_CORPUS ?? new URL("../../shared/corpus", import.meta.url).pathname;
  return existsSync(join(dir, "cases")) ? dir : undefined;
}

/** Output cases: {id, chartDir, args} where args follow `template rel CHART`. */
export function corpusCases(dir) {
  const out = [];
  for (const id of readdirSync(join(dir, "cases")).sort()) {
    const c = JSON.parse(readFileSync(join(dir, "cases", id, "case.json"), "utf8"));
    if (c.expect !== "output") continue;
    const args = ["--namespace", c.namespace];
    for (const f of c.valuesFiles ?? []) args.push("-f", join(dir, f));
    args.push(...(c.helmArgs ?? []));
    out.push({ id, release: c.release, chartDir: join(dir, "charts", c.chart), args });
  }
  return out;
}
