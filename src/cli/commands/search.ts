// `chartroom search repo [KEYWORD]`: helm's search over the cached indexes of
// the configured repositories, with fuzzy matches after helm's literal ones.
import type { Command } from "commander";
import { UserError } from "../errors.js";
import { type PathFlags, pathOptions, resolvePaths } from "./repo.js";

interface SearchFlags extends PathFlags {
  regexp?: boolean;
  versions?: boolean;
  devel?: boolean;
  version?: string;
  maxColWidth: string;
  failOnNoResult?: boolean;
  output: string;
  fuzzy: boolean;
}

export function register(program: Command): void {
  const search = program.command("search").description("search for a keyword in charts");
  pathOptions(search.command("repo [keyword...]").description("search repositories for a keyword in charts"))
    .option("-r, --regexp", "use regular expressions for searching repositories you have added")
    .option("-l, --versions", "show the long listing, with each version of each chart on its own line, for repositories you have added")
    .option("--devel", "use development versions (alpha, beta, and release candidate releases), too. Equivalent to version '>0.0.0-0'. If --version is set, this is ignored")
    .option("--version <constraint>", "search using semantic versioning constraints on repositories you have added")
    .option("--max-col-width <n>", "maximum column width for output table", "50")
    .option("--fail-on-no-result", "search fails if no results are found")
    .option("--no-fuzzy", "only helm's substring matches, no fuzzy matches")
    .option("-o, --output <format>", "prints the output in the specified format. Allowed values: table, json, yaml", "table")
    .action(async (keyword: string[], flags: SearchFlags) => {
      const format = flags.output.toLowerCase();
      if (!["table", "json", "yaml"].includes(format)) throw new UserError(`invalid format type "${flags.output}"`);
      const width = Number(flags.maxColWidth);
      if (!Number.isInteger(width) || width < 0) throw new UserError(`invalid argument "${flags.maxColWidth}" for "--max-col-width" flag`);
      const paths = await resolvePaths(flags);
      const { searchRepos } = await import("../../repo/search.js");
      const { encode, uiTable } = await import("../../repo/format.js");
      const results = searchRepos({
        ...paths,
        keyword: keyword.join(" "),
        regexp: flags.regexp,
        versions: flags.versions,
        version: flags.version,
        devel: flags.devel,
        fuzzy: flags.fuzzy && !flags.regexp,
        warn: (m) => process.stderr.write(`WARNING: ${m}\n`),
      });
      if (results.length === 0 && flags.failOnNoResult) throw new UserError("no results found");
      if (format !== "table") {
        const list = results.map((r) => ({ name: r.name, version: r.chart.version, app_version: r.chart.appVersion, description: r.chart.description }));
        return void process.stdout.write(encode(format as "json" | "yaml", list));
      }
      if (results.length === 0) return void process.stdout.write("No results found\n");
      const rows = results.map((r) => [r.name, r.chart.version, r.chart.appVersion, r.chart.description]);
      process.stdout.write(uiTable([["NAME", "CHART VERSION", "APP VERSION", "DESCRIPTION"], ...rows], width));
    });
}
