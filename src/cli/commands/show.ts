// `chartroom show chart|values|readme|crds|all CHART`: a local path, a .tgz,
// or a repository reference (located as `pull` does).
import type { Command } from "commander";
import { type PathFlags, pathOptions, resolvePaths } from "./repo.js";

interface ShowFlags extends PathFlags {
  version?: string;
  devel?: boolean;
  repo?: string;
  username?: string;
  password?: string;
  plainHttp?: boolean;
  insecureSkipTlsVerify?: boolean;
}

const FORMATS = [
  ["all", "show all information of the chart"],
  ["chart", "show the chart's definition"],
  ["values", "show the chart's values"],
  ["readme", "show the chart's README"],
  ["crds", "show the chart's CRDs"],
] as const;

export function register(program: Command): void {
  const show = program.command("show").alias("inspect").description("show information of a chart");
  for (const [format, desc] of FORMATS) {
    pathOptions(show.command(`${format} <chart>`).description(desc))
      .option("--version <constraint>", "specify a version constraint for the chart version to use")
      .option("--devel", "use development versions, too. Equivalent to version '>0.0.0-0'. If --version is set, this is ignored.")
      .option("--repo <url>", "chart repository url where to locate the requested chart")
      .option("--username <user>", "chart repository username where to locate the requested chart")
      .option("--password <password>", "chart repository password where to locate the requested chart")
      .option("--insecure-skip-tls-verify", "skip tls certificate checks for the chart download")
      .option("--plain-http", "use insecure HTTP connections for the chart download")
      .action(async (chart: string, flags: ShowFlags) => {
        const paths = await resolvePaths(flags);
        const { runShow } = await import("../../actions/show.js");
        const { locateChart } = await import("../../repo/index.js");
        const locate = (ref: string) =>
          locateChart(ref, {
            ...paths,
            version: flags.version,
            devel: flags.devel,
            repo: flags.repo,
            username: flags.username,
            password: flags.password,
            plainHttp: flags.plainHttp,
            insecureSkipTLSVerify: flags.insecureSkipTlsVerify,
          });
        process.stdout.write(await runShow(chart, format, locate));
      });
  }
}
