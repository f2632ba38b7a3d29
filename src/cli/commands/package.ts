// `chartroom package PATH...`: chart directories into reproducible .tgz archives.
import type { Command } from "commander";

interface PackageFlags {
  version?: string;
  appVersion?: string;
  dependencyUpdate?: boolean;
  destination: string;
}

export function register(program: Command): void {
  program
    .command("package")
    .usage("[CHART_PATH] [...]")
    .description("package a chart directory into a chart archive")
    .argument("[paths...]", "chart directories")
    .option("--version <version>", "set the version on the chart to this semver version")
    .option("--app-version <version>", "set the appVersion on the chart to this version")
    .option("-u, --dependency-update", `update dependencies from "Chart.yaml" to dir "charts/" before packaging`)
    .option("-d, --destination <dir>", "location to write the chart.", ".")
    .action(async (paths: string[], flags: PackageFlags) => {
      const { UserError } = await import("../errors.js");
      if (paths.length === 0) throw new UserError("need at least one argument, the path to the chart");
      const { packageChart } = await import("../../actions/package.js");
      const { updateChartDependencies } = await import("../flags.js");
      for (const p of paths) {
        const out = await packageChart(p, {
          version: flags.version,
          appVersion: flags.appVersion,
          destination: flags.destination,
          dependencyUpdate: flags.dependencyUpdate ? (dir) => updateChartDependencies(dir, () => {}) : undefined,
        });
        process.stdout.write(`Successfully packaged chart and saved it to: ${out}\n`);
      }
    });
}
