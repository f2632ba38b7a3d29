import type { Command } from "commander";
import { globalOptions } from "../context.js";

export function register(program: Command): void {
  program
    .command("history")
    .alias("hist")
    .usage("RELEASE_NAME [flags]")
    .description("fetch release history")
    .argument("<release>", "release name")
    .option("--max <n>", "maximum number of revision to include in history", "256")
    .option("-o, --output <format>", "prints the output in the specified format: table, json or yaml", "table")
    .action(async (name: string, flags: { max: string; output?: string }, command: Command) => {
      const g = globalOptions(command);
      const out = await import("../output.js");
      const format = out.outputFormat(flags.output);
      const { releaseHistory } = await import("../../actions/index.js");
      const h = await out.withCluster(g, { progress: "none" }, (cfg) => releaseHistory(cfg, name, Number(flags.max)));
      process.stdout.write(format === "table" ? out.historyTable(h) : out.encode(format, out.historyRows(h)));
    });
}
