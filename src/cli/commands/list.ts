import type { Command } from "commander";
import { globalOptions } from "../context.js";

interface ListFlags {
  allNamespaces?: boolean;
  short?: boolean;
  all?: boolean;
  deployed?: boolean;
  failed?: boolean;
  pending?: boolean;
  superseded?: boolean;
  uninstalled?: boolean;
  uninstalling?: boolean;
  filter?: string;
  selector?: string;
  date?: boolean;
  reverse?: boolean;
  max: string;
  offset: string;
  output?: string;
  noHeaders?: boolean;
}

export function register(program: Command): void {
  program
    .command("list")
    .alias("ls")
    .description("list releases")
    .option("-A, --all-namespaces", "list releases across all namespaces")
    .option("-q, --short", "output short (quiet) listing format")
    .option("-a, --all", "show all releases without any filter applied")
    .option("--deployed", "show deployed releases")
    .option("--failed", "show failed releases")
    .option("--pending", "show pending releases")
    .option("--superseded", "show superseded releases")
    .option("--uninstalled", "show uninstalled releases (if 'helm uninstall --keep-history' was used)")
    .option("--uninstalling", "show releases that are currently being uninstalled")
    .option("-f, --filter <regex>", "a regular expression; releases whose names match are listed")
    .option("-l, --selector <selector>", "label selector to filter on (e.g. -l key1=value1,key2=value2)")
    .option("-d, --date", "sort by release date")
    .option("-r, --reverse", "reverse the sort order")
    .option("-m, --max <n>", "maximum number of releases to fetch", "256")
    .option("--offset <n>", "next release index in the list, used to offset from start value", "0")
    .option("-o, --output <format>", "prints the output in the specified format: table, json or yaml", "table")
    .option("--no-headers", "don't print headers when using the default output format")
    .action(async (flags: ListFlags, command: Command) => {
      const g = globalOptions(command);
      const out = await import("../output.js");
      const format = out.outputFormat(flags.output);
      const { listReleases } = await import("../../actions/index.js");
      const states = (["deployed", "failed", "superseded", "uninstalled", "uninstalling"] as const).filter((s) => flags[s]);
      const pending = flags.pending ? (["pending-install", "pending-upgrade", "pending-rollback"] as const) : [];
      const releases = await out.withCluster(g, { progress: "none" }, (cfg) =>
        listReleases(cfg, {
          allNamespaces: flags.allNamespaces,
          all: flags.all,
          states: [...states, ...pending],
          filter: flags.filter,
          selector: flags.selector,
          byDate: flags.date,
          reverse: flags.reverse,
          max: Number(flags.max),
          offset: Number(flags.offset),
        }),
      );
      if (flags.short) {
        if (format === "table") process.stdout.write(releases.map((r) => `${r.name}\n`).join(""));
        else process.stdout.write(out.encode(format, releases.map((r) => r.name)));
        return;
      }
      if (format === "table") process.stdout.write(out.listTable(releases, flags.noHeaders === true || (flags as { headers?: boolean }).headers === false));
      else process.stdout.write(out.encode(format, out.listRows(releases)));
    });
}
