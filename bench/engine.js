// In-process render of the whole corpus (chart load + values + parse + execute),
// against the whole-process time of `helm template` on the same cases.
import { Command } from "commander";
import { corpusCases, corpusDir } from "./corpus.js";
import { helmBinary } from "./template.js";
import { fmt, median, timeProcess } from "./util.js";

const dist = new URL("../dist/", import.meta.url);

/** Maps the corpus' helm arguments onto runTemplate's options with our own flag parser. */
async function optionsFor(c) {
  const { register } = await import(new URL("cli/commands/template.js", dist));
  let captured;
  const program = new Command().exitOverride();
  program.option("-n, --namespace <ns>");
  register(program);
  const tpl = program.commands.find((x) => x.name() === "template");
  tpl.action((args, flags) => {
    captured = { args, flags };
  });
  await program.parseAsync(["template", c.release, c.chartDir, ...c.args], { from: "user" });
  const f = captured.flags;
  return {
    args: captured.args,
    namespace: program.opts().namespace ?? "default",
    values: { valueFiles: f.values, values: f.set, stringValues: f.setString, fileValues: f.setFile, jsonValues: f.setJson, literalValues: f.setLiteral },
    kubeVersion: f.kubeVersion,
    apiVersions: f.apiVersions,
    includeCrds: f.includeCrds,
    skipTests: f.skipTests,
    noHooks: f.hooks === false,
    showOnly: f.showOnly,
  };
}

export async function run({ rounds = 5 } = {}) {
  const dir = corpusDir();
  if (!dir) return { name: "engine", skipped: "../shared/corpus not found" };
  const { runTemplate } = await import(new URL("actions/template.js", dist));
  const cases = corpusCases(dir);
  const opts = [];
  for (const c of cases) opts.push(await optionsFor(c));

  // Count templates once, for templates/s.
  let failures = 0;
  const totals = [];
  for (let r = 0; r < rounds + 1; r++) {
    const t0 = process.hrtime.bigint();
    for (const o of opts) {
      try {
        runTemplate(o);
      } catch {
        if (r === 0) failures++;
      }
    }
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (r > 0) totals.push(ms); // first round warms the JIT
  }
  const ours = median(totals);
  const { loadChart } = await import(new URL("chart/index.js", dist));
  const count = (ch) => ch.templates.length + ch.dependencies.reduce((n, d) => n + count(d), 0);
  const templates = cases.reduce((n, c) => n + count(loadChart(c.chartDir)), 0);
  console.log(`engine: ${cases.length} corpus cases, ${templates} template files each rendered; in-process ${fmt(ours)} per pass (median of ${rounds}), ${(templates / (ours / 1000)).toFixed(0)} templates/s${failures ? `, ${failures} cases errored` : ""}`);

  const helm = helmBinary();
  if (!helm) return { name: "engine", skipped: "helm not available for the comparison", ms: ours };
  let helmTotal = 0;
  for (const c of cases) {
    const runs = [1, 2].map(() => timeProcess(helm, ["template", c.release, c.chartDir, ...c.args], { allowFailure: true }));
    helmTotal += median(runs);
  }
  const ratio = helmTotal / ours;
  console.log(`engine: helm template whole-process total ${fmt(helmTotal)}; helm/chartroom-in-process ratio ${ratio.toFixed(2)}x (target >= 2x)`);
  return { name: "engine", ms: ours, helmMs: helmTotal, ratio, ok: ratio >= 2 };
}
