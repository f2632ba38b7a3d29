import type { Command } from "commander";
import { globalOptions } from "../context.js";

interface StatusFlags {
  revision: string;
  output?: string;
  showDesc?: boolean;
  showResources?: boolean;
}

export function register(program: Command): void {
  program
    .command("status")
    .usage("RELEASE_NAME [flags]")
    .description("display the status of the named release")
    .argument("<release>", "release name")
    .option("--revision <n>", "if set, display the status of the named release with revision", "0")
    .option("-o, --output <format>", "prints the output in the specified format: table, json or yaml", "table")
    .option("--show-desc", "if set, display the description message of the named release")
    .option("--show-resources", "if set, display each resource of the release with its readiness")
    .action(async (name: string, flags: StatusFlags, command: Command) => {
      const g = globalOptions(command);
      const out = await import("../output.js");
      const format = out.outputFormat(flags.output);
      const { getRelease, readinessOf, releaseJson } = await import("../../actions/index.js");
      await out.withCluster(g, { progress: "none" }, async (cfg) => {
        const rel = await getRelease(cfg, name, Number(flags.revision));
        if (format !== "table") {
          const json = out.statusJson(rel, releaseJson);
          process.stdout.write(format === "json" ? `${json}\n` : out.goYaml(JSON.parse(json)));
          return;
        }
        const resources = flags.showResources ? await readinessOf(cfg, rel) : undefined;
        process.stdout.write(out.statusText(rel, { showDescription: flags.showDesc, resources, debug: g.debug }));
      });
    });
}
