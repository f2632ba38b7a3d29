import type { Command } from "commander";
import { globalOptions } from "../context.js";
import { addChartPathFlags, addValueFlags, type ChartPathFlagValues, chartPathOptions, type ValueFlagValues, valueOptions } from "../flags.js";
import { isUserFacing, UserError } from "../errors.js";
import { addDeployFlags, type DeployFlags, deployOptions } from "./upgrade.js";

interface InstallFlags extends ValueFlagValues, DeployFlags, ChartPathFlagValues {
  generateName?: boolean;
  nameTemplate?: string;
  replace?: boolean;
}

export function register(program: Command): void {
  const cmd = program
    .command("install")
    .usage("[NAME] [CHART] [flags]")
    .description("install a chart")
    .argument("<args...>", "[NAME] CHART (a directory, .tgz, repo/name, URL or oci:// reference)")
    .option("-g, --generate-name", "generate the name (and omit the NAME parameter)")
    .option("--name-template <template>", "specify template used to name the release")
    .option("--replace", "reuse the given name, only if that name is a deleted release which remains in the history");
  addDeployFlags(cmd);
  addValueFlags(cmd);
  addChartPathFlags(cmd);
  cmd.action(async (args: string[], flags: InstallFlags, command: Command) => {
    const g = globalOptions(command);
    const out = await import("../output.js");
    const format = out.outputFormat(flags.output);
    const { install, releaseJson } = await import("../../actions/index.js");
    const warn = (msg: string) => process.stderr.write(`WARNING: ${msg}\n`);
    const rel = await out
      .withCluster(g, flags, (cfg) =>
        install(cfg, {
          args,
          chartPathOptions: chartPathOptions(flags, warn),
          generateName: flags.generateName,
          nameTemplate: flags.nameTemplate,
          replace: flags.replace,
          values: valueOptions(flags),
          ...deployOptions(flags),
        }),
      )
      .catch((err) => {
        // helm wraps every error of its install run so.
        if (!isUserFacing(err)) throw err;
        throw new UserError(`INSTALLATION FAILED: ${err.message}`, err.hint, err.exitCode ?? 1, { cause: err });
      });
    if (format === "table") process.stdout.write(out.statusText(rel, { hideNotes: flags.hideNotes, debug: g.debug }));
    else process.stdout.write(format === "json" ? `${releaseJson(rel)}\n` : out.goYaml(JSON.parse(releaseJson(rel))));
  });
}
