import type { Command } from "commander";
import { globalOptions } from "../context.js";
import { durationFlag } from "../flags.js";
import { UserError } from "../errors.js";

interface UninstallFlags {
  keepHistory?: boolean;
  hooks: boolean;
  dryRun?: boolean;
  wait?: boolean;
  timeout: string;
  cascade: string;
  ignoreNotFound?: boolean;
  description?: string;
  progress?: string;
}

export function register(program: Command): void {
  program
    .command("uninstall")
    .alias("delete")
    .usage("RELEASE_NAME [...] [flags]")
    .description("uninstall a release")
    .argument("<names...>", "release names")
    .option("--keep-history", "remove all associated resources and mark the release as deleted, but retain the release history")
    .option("--no-hooks", "prevent hooks from running during uninstallation")
    .option("--dry-run", "simulate a uninstall")
    .option("--wait", "wait until all the resources are deleted before returning")
    .option("--timeout <duration>", "time to wait for any individual Kubernetes operation", durationFlag("--timeout"), "5m0s")
    .option("--cascade <policy>", 'must be "background", "orphan", or "foreground"', "background")
    .option("--ignore-not-found", 'treat "release not found" as a successful uninstall')
    .option("--description <text>", "add a custom description")
    .option("--progress <mode>", "progress on stderr: lines (default on a terminal), json or none")
    .action(async (names: string[], flags: UninstallFlags, command: Command) => {
      const g = globalOptions(command);
      if (!["background", "orphan", "foreground"].includes(flags.cascade)) {
        throw new UserError(`invalid cascade value (${flags.cascade}). Must be "background", "foreground", or "orphan"`);
      }
      const out = await import("../output.js");
      const { uninstallRelease } = await import("../../actions/index.js");
      await out.withCluster(g, flags, async (cfg) => {
        for (const name of names) {
          const res = await uninstallRelease(cfg, {
            name,
            keepHistory: flags.keepHistory,
            disableHooks: flags.hooks === false,
            dryRun: flags.dryRun,
            wait: flags.wait,
            timeout: flags.timeout,
            cascade: flags.cascade as "background",
            ignoreNotFound: flags.ignoreNotFound,
            description: flags.description,
          });
          process.stdout.write(res.info);
        }
      });
    });
}
