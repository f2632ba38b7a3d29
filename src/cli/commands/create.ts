// `chartroom create NAME`: a new chart from the scaffold or a starter.
import type { Command } from "commander";

export function register(program: Command): void {
  program
    .command("create <name>")
    .description("create a new chart with the given name")
    .option("-p, --starter <starter>", "the name or absolute path to Helm starter scaffold")
    .action(async (nameArg: string, flags: { starter?: string }) => {
      const { basename, dirname } = await import("node:path");
      const { createChart, createFromStarter, starterPath } = await import("../../chart/create.js");
      const name = basename(nameArg);
      process.stdout.write(`Creating ${name}\n`);
      if (flags.starter) {
        createFromStarter(name, dirname(nameArg), starterPath(flags.starter));
        return;
      }
      createChart(name, dirname(nameArg), (m) => process.stderr.write(`${m}\n`));
    });
}
