// `chartroom package PATH...`: chart directories into reproducible .tgz archives.
import type { Command } from "commander";

interface PackageFlags {
  version?: string;
  appVersion?: string;
  dependencyUpdate?: boolean;
  destination: string;
  sign?: boolean;
  key?: string;
  keyring?: string;
  passphraseFile?: string;
}

export function register(program: Command): void {
  program
    .command("package")
    .usage("[CHART_PATH] [...]")
    .description("package a chart directory into a chart archive")
    .argument("[paths...]", "chart directories")
    .option("--version <version>", "set the version on the chart to this semver version")
    .option("--app-version <version>", "set the appVersion on the chart to this version")
    .option("-u, --dependency-update", `update dependencies from "Chart.yaml" to dir "charts/" before packaging`)
    .option("-d, --destination <dir>", "location to write the chart.", ".")
    .option("--sign", "use a PGP private key to sign this package")
    .option("--key <name>", "name of the key to use when signing. Used if --sign is true")
    .option("--keyring <file>", "location of a public keyring (default: ~/.gnupg/pubring.gpg)")
    .option("--passphrase-file <file>", `location of a file which contains the passphrase for the signing key. Use "-" in order to read from stdin.`)
    .action(async (paths: string[], flags: PackageFlags) => {
      const { UserError } = await import("../errors.js");
      if (flags.sign) {
        if (!flags.key) throw new UserError("--key is required for signing a package");
        if (flags.keyring === "") throw new UserError("--keyring is required for signing a package");
      }
      if (paths.length === 0) throw new UserError("need at least one argument, the path to the chart");
      const { packageChart } = await import("../../actions/package.js");
      const { updateChartDependencies } = await import("../flags.js");
      for (const p of paths) {
        const out = await packageChart(p, {
          version: flags.version,
          appVersion: flags.appVersion,
          destination: flags.destination,
          dependencyUpdate: flags.dependencyUpdate ? (dir) => updateChartDependencies(dir, () => {}) : undefined,
        });
        if (flags.sign) await signPackage(out, flags);
        process.stdout.write(`Successfully packaged chart and saved it to: ${out}\n`);
      }
    });
}

/** Writes ARCHIVE.prov, as helm's Package.Clearsign. */
async function signPackage(archive: string, flags: PackageFlags): Promise<void> {
  const { defaultKeyring, signArchive } = await import("../../chart/provenance.js");
  const { writeFileSync } = await import("node:fs");
  const prov = await signArchive(archive, {
    keyring: flags.keyring ?? defaultKeyring(),
    key: flags.key!,
    passphrase: (identity) => readPassphrase(identity, flags.passphraseFile),
  });
  writeFileSync(`${archive}.prov`, prov, { mode: 0o644 });
}

/** The first line of --passphrase-file ("-" is stdin), else asked for on the terminal. */
async function readPassphrase(identity: string, file: string | undefined): Promise<string> {
  const { readFileSync } = await import("node:fs");
  const { UserError } = await import("../errors.js");
  if (file) {
    try {
      return (file === "-" ? readFileSync(0, "utf8") : readFileSync(file, "utf8")).split(/\r?\n/)[0] ?? "";
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      throw new UserError(code === "ENOENT" ? `open ${file}: no such file or directory` : `${(err as Error).message}`);
    }
  }
  if (!process.stdin.isTTY) throw new UserError(`the key "${identity}" needs a passphrase: give it with --passphrase-file`);
  return promptHidden(`Password for key "${identity}" >  `);
}

/** Reads a line from the terminal without echoing it. */
function promptHidden(prompt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    process.stderr.write(prompt);
    stdin.setRawMode(true);
    stdin.resume();
    let value = "";
    const done = (err?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off("data", onData);
      process.stderr.write("\n");
      if (err) reject(err);
      else resolve(value);
    };
    const onData = (chunk: Buffer) => {
      for (const ch of chunk.toString("utf8")) {
        if (ch === "\r" || ch === "\n") return done();
        if (ch === "\u0003") return done(new Error("interrupted"));
        if (ch === "\u007f" || ch === "\b") value = value.slice(0, -1);
        else value += ch;
      }
    };
    stdin.on("data", onData);
  });
}
