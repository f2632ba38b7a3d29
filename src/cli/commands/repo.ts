// `chartroom repo add|list|update|remove|index|serve`: helm's repository
// commands over src/repo, with helm's messages.
import type { Command } from "commander";
import { UserError } from "../errors.js";

export interface PathFlags {
  repositoryConfig?: string;
  repositoryCache?: string;
  registryConfig?: string;
}

/** helm's persistent path flags, declared on each command that reads them. */
export function pathOptions(cmd: Command): Command {
  return cmd
    .option("--repository-config <file>", "path to the file containing repository names and URLs")
    .option("--repository-cache <dir>", "path to the directory containing cached repository indexes")
    .option("--registry-config <file>", "path to the registry config file");
}

export async function resolvePaths(flags: PathFlags) {
  const { helmPaths } = await import("../../repo/paths.js");
  const p = helmPaths();
  return {
    repositoryConfig: flags.repositoryConfig ?? p.repositoryConfig,
    repositoryCache: flags.repositoryCache ?? p.repositoryCache,
    registryConfig: flags.registryConfig ?? p.registryConfig,
  };
}

export async function readStdinSecret(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString("utf8").replace(/\r?\n$/, "");
}

const warn = (msg: string) => process.stderr.write(`WARNING: ${msg}\n`);

interface AddFlags extends PathFlags {
  username?: string;
  password?: string;
  passwordStdin?: boolean;
  passCredentials?: boolean;
  caFile?: string;
  certFile?: string;
  keyFile?: string;
  insecureSkipTlsVerify?: boolean;
  forceUpdate?: boolean;
  noUpdate?: boolean;
}

function registerAdd(repo: Command): void {
  pathOptions(repo.command("add <name> <url>").description("add a chart repository"))
    .option("--username <user>", "chart repository username")
    .option("--password <password>", "chart repository password")
    .option("--password-stdin", "read chart repository password from stdin")
    .option("--pass-credentials", "pass credentials to all domains")
    .option("--ca-file <file>", "verify certificates of HTTPS-enabled servers using this CA bundle")
    .option("--cert-file <file>", "identify HTTPS client using this SSL certificate file")
    .option("--key-file <file>", "identify HTTPS client using this SSL key file")
    .option("--insecure-skip-tls-verify", "skip tls certificate checks for the repository")
    .option("--force-update", "replace (overwrite) the repo if it already exists")
    .option("--no-update", "Ignored. Formerly, it would disabled forced updates. It is deprecated by force-update.")
    .action(async (name: string, url: string, flags: AddFlags) => {
      const paths = await resolvePaths(flags);
      let password = flags.password ?? "";
      if (flags.passwordStdin) password = await readStdinSecret();
      if (flags.username && !password && !flags.passwordStdin) throw new UserError("password must be set when username is set (use --password or --password-stdin)");
      const { addRepo } = await import("../../repo/chartrepo.js");
      const line = await addRepo(name, url, {
        ...paths,
        forceUpdate: flags.forceUpdate,
        warn,
        entry: {
          username: flags.username ?? "",
          password,
          pass_credentials_all: !!flags.passCredentials,
          caFile: flags.caFile ?? "",
          certFile: flags.certFile ?? "",
          keyFile: flags.keyFile ?? "",
          insecure_skip_tls_verify: !!flags.insecureSkipTlsVerify,
        },
      });
      process.stdout.write(`${line}\n`);
    });
}

function registerList(repo: Command): void {
  pathOptions(repo.command("list").alias("ls").description("list chart repositories"))
    .option("-o, --output <format>", "prints the output in the specified format. Allowed values: table, json, yaml", "table")
    .option("--no-headers", "suppress headers in the output")
    .action(async (flags: PathFlags & { output: string; headers: boolean }) => {
      const paths = await resolvePaths(flags);
      const { loadRepoFile, publicEntry } = await import("../../repo/config.js");
      const { encode, uiTable } = await import("../../repo/format.js");
      const file = loadRepoFile(paths.repositoryConfig);
      const format = flags.output.toLowerCase();
      if (!["table", "json", "yaml"].includes(format)) throw new UserError(`invalid format type "${flags.output}"`);
      if (file.repositories.length === 0 && format === "table") throw new UserError("no repositories to show");
      const list = file.repositories.map(publicEntry);
      if (format !== "table") return void process.stdout.write(encode(format as "json" | "yaml", list));
      const rows = list.map((r) => [r.name, r.url]);
      process.stdout.write(uiTable(flags.headers ? [["NAME", "URL"], ...rows] : rows, 0xffffffff));
    });
}

function registerUpdate(repo: Command): void {
  pathOptions(repo.command("update [repos...]").alias("up").description("update information of available charts locally from chart repositories"))
    .option("--fail-on-repo-update-fail", "update fails if any of the repository updates fail")
    .action(async (names: string[], flags: PathFlags & { failOnRepoUpdateFail?: boolean }) => {
      const paths = await resolvePaths(flags);
      const { updateRepos } = await import("../../repo/chartrepo.js");
      const out = process.stdout;
      const results = await updateRepos({ ...paths, names, warn, onStart: () => out.write("Hang tight while we grab the latest from your chart repositories...\n") }, (r) => {
        if (r.error) out.write(`...Unable to get an update from the "${r.name}" chart repository (${r.url}):\n\t${r.error.message}\n`);
        else out.write(`...Successfully got an update from the "${r.name}" chart repository\n`);
      });
      const failed = results.filter((r) => r.error).map((r) => r.url);
      if (failed.length > 0 && flags.failOnRepoUpdateFail) throw new UserError(`Failed to update the following repositories: [${failed.join(" ")}]`);
      out.write("Update Complete. ⎈Happy Helming!⎈\n");
    });
}

function registerRemove(repo: Command): void {
  pathOptions(repo.command("remove <repos...>").alias("rm").description("remove one or more chart repositories")).action(
    async (names: string[], flags: PathFlags) => {
      const paths = await resolvePaths(flags);
      const { removeRepos } = await import("../../repo/chartrepo.js");
      for (const line of removeRepos(names, paths)) process.stdout.write(`${line}\n`);
    },
  );
}

function registerIndex(repo: Command): void {
  repo
    .command("index <dir>")
    .description("generate an index file given a directory containing packaged charts")
    .option("--url <url>", "url of chart repository")
    .option("--merge <file>", "merge the generated index into the given index")
    .action(async (dir: string, flags: { url?: string; merge?: string }) => {
      const { writeRepoIndex } = await import("../../repo/index-dir.js");
      writeRepoIndex(dir, flags);
    });
}

function registerServe(repo: Command): void {
  repo
    .command("serve <dir>")
    .description("serve a directory of packaged charts as a chart repository")
    .option("--port <n>", "port to listen on (0 picks a free one)", "8879")
    .option("--address <addr>", "address to listen on", "127.0.0.1")
    .action(async (dir: string, flags: { port: string; address: string }) => {
      const port = Number(flags.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UserError(`invalid port "${flags.port}"`);
      const { serveRepo } = await import("../../repo/serve.js");
      const server = await serveRepo({ dir, port, address: flags.address, log: (l) => process.stderr.write(`${l}\n`) });
      process.stdout.write(`Serving ${dir} at ${server.url}\n`);
      await new Promise<void>((resolve) => {
        const stop = () => void server.stop().then(resolve);
        process.once("SIGINT", stop);
        process.once("SIGTERM", stop);
      });
    });
}

export function register(program: Command): void {
  const repo = program.command("repo").description("add, list, remove, update, and index chart repositories");
  registerAdd(repo);
  registerList(repo);
  registerUpdate(repo);
  registerRemove(repo);
  registerIndex(repo);
  registerServe(repo);
}
