import type { Command } from "commander";
import { globalOptions } from "../context.js";
import { durationFlag } from "../flags.js";
import { UserError } from "../errors.js";

interface RollbackFlags {
  wait?: boolean;
  waitForJobs?: boolean;
  timeout: string;
  force?: boolean;
  hooks: boolean;
  cleanupOnFail?: boolean;
  historyMax: string;
  dryRun?: boolean;
  progress?: string;
}

export function register(program: Command): void {
  program
    .command("rollback")
    .usage("<RELEASE> [REVISION] [flags]")
    .description("roll back a release to a previous revision")
    .argument("<release>", "release name")
    .argument("[revision]", "revision (default: the previous one)")
    .option("--wait", "wait until all resources are ready")
    .option("--wait-for-jobs", "with --wait, also wait until all Jobs have completed")
    .option("--timeout <duration>", "time to wait for any individual Kubernetes operation", durationFlag("--timeout"), "5m0s")
    .option("--force", "force resource update through delete/recreate if needed")
    .option("--no-hooks", "prevent hooks from running during rollback")
    .option("--cleanup-on-fail", "allow deletion of new resources created in this rollback when rollback fails")
    .option("--history-max <n>", "limit the maximum number of revisions saved per release. Use 0 for no limit", "10")
    .option("--dry-run", "simulate a rollback")
    .option("--progress <mode>", "progress on stderr: lines (default on a terminal), json or none")
    .action(async (name: string, revision: string | undefined, flags: RollbackFlags, command: Command) => {
      const g = globalOptions(command);
      const rev = revision === undefined ? 0 : Number(revision);
      if (!Number.isInteger(rev) || rev < 0) throw new UserError(`invalid revision number "${revision}"`);
      const out = await import("../output.js");
      const { rollback } = await import("../../actions/index.js");
      await out.withCluster(g, flags, (cfg) =>
        rollback(cfg, {
          name,
          revision: rev,
          wait: flags.wait,
          waitForJobs: flags.waitForJobs,
          timeout: flags.timeout,
          force: flags.force,
          noHooks: flags.hooks === false,
          cleanupOnFail: flags.cleanupOnFail,
          historyMax: Number(flags.historyMax),
          dryRun: flags.dryRun,
        }),
      );
      process.stdout.write("Rollback was a success! Happy Helming!\n");
    });
}
