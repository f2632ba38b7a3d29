import type { Command } from "commander";
import { buildInfo } from "../../version.js";
import { UserError } from "../errors.js";

export function register(program: Command): void {
  program
    .command("version")
    .description("print the client version information")
    .option("--short", "print the version number")
    .option("-o, --output <format>", "prints the output in the specified format. Allowed values: json, yaml")
    .action((opts: { short?: boolean; output?: string }) => {
      const info = buildInfo();
      if (opts.output !== undefined) {
        if (opts.output === "json") {
          process.stdout.write(`${JSON.stringify({ version: info.version, git_commit: info.gitCommit, go_version: info.goVersion })}\n`);
          return;
        }
        if (opts.output === "yaml") {
          process.stdout.write(`version: ${info.version}\ngit_commit: "${info.gitCommit}"\ngo_version: ${info.goVersion}\n`);
          return;
        }
        throw new UserError(`invalid format type "${opts.output}"`, "Allowed values for -o/--output: json, yaml");
      }
      if (opts.short) {
        process.stdout.write(`${info.version}\n`);
        return;
      }
      process.stdout.write(
        `version.BuildInfo{Version:"${info.version}", GitCommit:"${info.gitCommit}", GitTreeState:"", GoVersion:"${info.goVersion}"}\n`,
      );
    });
}
