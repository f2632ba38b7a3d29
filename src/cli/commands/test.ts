import type { Command } from "commander";
import { globalOptions } from "../context.js";
import { durationFlag } from "../flags.js";

interface TestFlags {
  timeout: string;
  filter: string[];
  logs?: boolean;
  hideNotes?: boolean;
  progress?: string;
}

export function register(program: Command): void {
  program
    .command("test")
    .usage("[RELEASE] [flags]")
    .description("run tests for a release")
    .argument("<release>", "release name")
    .option("--timeout <duration>", "time to wait for any individual Kubernetes operation", durationFlag("--timeout"), "5m0s")
    .option("--filter <filter>", "specify tests by attribute (currently \"name\") using attribute=value syntax or '!attribute=value' to exclude a test", (v: string, p: string[]) => [...p, ...v.split(",")], [])
    .option("--logs", "dump the logs from test pods (this runs after all tests are complete, but before any cleanup)")
    .option("--hide-notes", "if set, do not show notes in test output")
    .option("--progress <mode>", "progress on stderr: lines (default on a terminal), json or none")
    .action(async (name: string, flags: TestFlags, command: Command) => {
      const g = globalOptions(command);
      const out = await import("../output.js");
      const { testRelease } = await import("../../actions/index.js");
      const res = await out.withCluster(g, flags, (cfg) => testRelease(cfg, { name, timeout: flags.timeout, filters: flags.filter, logs: flags.logs }));
      process.stdout.write(out.statusText(res.release, { hideNotes: flags.hideNotes }));
      for (const l of res.logs) process.stdout.write(`POD LOGS: ${l.pod}\n${l.text}\n`);
    });
}
