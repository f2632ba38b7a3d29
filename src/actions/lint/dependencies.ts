// helm lint's dependency rule: Chart.yaml's dependencies and the charts in
// charts/ must agree (helm issue 7910). Messages carry the chart directory.
import { type Chart, loadDir } from "../../chart/index.js";
import type { WarnFn } from "../../values/index.js";
import { errorText, type Linter, Severity } from "./linter.js";

export function lintDependencies(linter: Linter, log: WarnFn): void {
  let chart: Chart;
  try {
    chart = loadDir(linter.chartDir, { warn: log });
  } catch (err) {
    linter.rule(Severity.Error, "", `unable to load chart\n\t${errorText(err)}`);
    return;
  }
  const declared = chart.metadata.dependencies.filter((d) => d !== null);
  const present = chart.dependencies.map((d) => d.metadata.name);
  const declaredNames = new Set(declared.map((d) => d.name));

  const undeclared = present.filter((n) => !declaredNames.has(n));
  linter.rule(
    Severity.Error,
    linter.chartDir,
    undeclared.length > 0 ? `chart metadata is missing these dependencies: ${undeclared.join(",")}` : undefined,
  );

  const seen = new Set<string>();
  const shadowing: string[] = [];
  for (const d of declared) {
    const key = d.alias || d.name;
    if (seen.has(key)) shadowing.push(key);
    seen.add(key);
  }
  linter.rule(
    Severity.Error,
    linter.chartDir,
    shadowing.length > 0 ? `multiple dependencies with name or alias: ${shadowing.join(",")}` : undefined,
  );

  const presentNames = new Set(present);
  const missing = declared.filter((d) => !presentNames.has(d.name)).map((d) => d.name);
  linter.rule(
    Severity.Warning,
    linter.chartDir,
    missing.length > 0 ? `chart directory is missing these dependencies: ${missing.join(",")}` : undefined,
  );
}
