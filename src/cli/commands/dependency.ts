// `chartroom dependency list|update|build CHART`.
import type { Command } from "commander";

export function register(program: Command): void {
  const dep = program.command("dependency").alias("dep").alias("dependencies").description("manage a chart's dependencies");
  dep
    .command("list [chart]")
    .alias("ls")
    .description("list the dependencies for the given chart")
    .action(async (chart: string | undefined) => {
      const { listDependencies } = await import("../../actions/dependency.js");
      process.stdout.write(listDependencies(chart ?? "."));
    });
  for (const [name, desc] of [
    ["update", "update charts/ based on the contents of Chart.yaml"],
    ["build", "rebuild the charts/ directory based on the Chart.lock file"],
  ] as const) {
    const cmd = dep.command(`${name} [chart]`).description(desc);
    if (name === "update") cmd.alias("up");
    cmd
      .option("--skip-refresh", "do not refresh the local repository cache")
      .action(async (chart: string | undefined) => {
        const { updateChartDependencies } = await import("../flags.js");
        await updateChartDependencies(chart ?? ".", (l) => process.stdout.write(`${l}\n`), name === "build");
      });
  }
}
