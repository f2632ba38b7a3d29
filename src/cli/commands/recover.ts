import type { Command } from "commander";
import { globalOptions } from "../context.js";

export function register(program: Command): void {
  program
    .command("recover")
    .usage("RELEASE_NAME [flags]")
    .description("mark a release stuck in pending-install/upgrade/rollback as failed, so it can be upgraded or rolled back")
    .argument("<release>", "release name")
    .option("--quiet-period <duration>", "how long the release must stay unchanged to count as abandoned", "3s")
    .action(async (name: string, flags: { quietPeriod: string }, command: Command) => {
      const g = globalOptions(command);
      const out = await import("../output.js");
      const { recover, parseDuration } = await import("../../actions/index.js");
      const rel = await out.withCluster(g, { progress: "none" }, (cfg) => recover(cfg, { name, quietMs: parseDuration(flags.quietPeriod) }));
      process.stdout.write(`Release "${name}" revision ${rel.version} marked failed; it can be upgraded or rolled back now.\n`);
    });
}
