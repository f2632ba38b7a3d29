// `chartroom pull CHART`: download a chart from a repository, a URL or an
// OCI registry, optionally unpacking it.
import type { Command } from "commander";
import { type PathFlags, pathOptions, readStdinSecret, resolvePaths } from "./repo.js";

interface PullFlags extends PathFlags {
  version?: string;
  devel?: boolean;
  repo?: string;
  destination: string;
  untar?: boolean;
  untardir: string;
  username?: string;
  password?: string;
  passwordStdin?: boolean;
  passCredentials?: boolean;
  caFile?: string;
  certFile?: string;
  keyFile?: string;
  insecureSkipTlsVerify?: boolean;
  plainHttp?: boolean;
  verify?: boolean;
  prov?: boolean;
  keyring?: string;
}

export function register(program: Command): void {
  pathOptions(program.command("pull <chart>").alias("fetch").description("download a chart from a repository and (optionally) unpack it in local directory"))
    .option("--version <constraint>", "specify a version constraint for the chart version to use")
    .option("--devel", "use development versions, too. Equivalent to version '>0.0.0-0'. If --version is set, this is ignored.")
    .option("--repo <url>", "chart repository url where to locate the requested chart")
    .option("-d, --destination <dir>", "location to write the chart. If this and untardir are specified, untardir is appended to this", ".")
    .option("--untar", "if set to true, will untar the chart after downloading it")
    .option("--untardir <dir>", "if untar is specified, this flag specifies the name of the directory into which the chart is expanded", ".")
    .option("--username <user>", "chart repository username where to locate the requested chart")
    .option("--password <password>", "chart repository password where to locate the requested chart")
    .option("--password-stdin", "read chart repository password from stdin")
    .option("--pass-credentials", "pass credentials to all domains")
    .option("--ca-file <file>", "verify certificates of HTTPS-enabled servers using this CA bundle")
    .option("--cert-file <file>", "identify HTTPS client using this SSL certificate file")
    .option("--key-file <file>", "identify HTTPS client using this SSL key file")
    .option("--insecure-skip-tls-verify", "skip tls certificate checks for the chart download")
    .option("--plain-http", "use insecure HTTP connections for the chart download")
    .option("--verify", "verify the package before using it")
    .option("--prov", "fetch the provenance file, but don't perform verification")
    .option("--keyring <file>", "location of public keys used for verification (default: ~/.gnupg/pubring.gpg)")
    .action(async (chart: string, flags: PullFlags) => {
      const paths = await resolvePaths(flags);
      const password = flags.passwordStdin ? await readStdinSecret() : flags.password;
      const { downloadChart } = await import("../../repo/pull.js");
      const { mkdtempSync, rmSync } = await import("node:fs");
      const { join } = await import("node:path");
      const { tmpdir } = await import("node:os");
      // helm downloads into a temporary directory when unpacking, so no archive is left behind.
      const scratch = flags.untar ? mkdtempSync(join(tmpdir(), "chartroom-pull-")) : undefined;
      // As helm, what the download has to say is printed only once it all succeeded.
      let out = "";
      try {
        const got = await downloadChart(chart, {
          ...paths,
          version: flags.version,
          devel: flags.devel,
          repo: flags.repo,
          username: flags.username,
          password,
          passCredentials: flags.passCredentials,
          caFile: flags.caFile,
          certFile: flags.certFile,
          keyFile: flags.keyFile,
          insecureSkipTLSVerify: flags.insecureSkipTlsVerify,
          plainHttp: flags.plainHttp,
          destination: scratch ?? flags.destination,
          verify: flags.verify ? "always" : flags.prov ? "later" : undefined,
          keyring: flags.keyring,
          warn: (m) => process.stderr.write(`WARNING: ${m}\n`),
          notice: (m) => {
            out += `${m}\n`;
          },
        });
        // helm's registry client writes these to stderr.
        if (chart.startsWith("oci://")) process.stderr.write(`Pulled: ${got.ref}\nDigest: ${got.digest}\n`);
        if (got.verification) {
          const { verificationText } = await import("../../chart/provenance.js");
          out += verificationText(got.verification);
        }
        if (scratch) {
          const { isAbsolute } = await import("node:path");
          const { untarChart } = await import("../../repo/untar.js");
          untarChart(got.path, isAbsolute(flags.untardir) ? flags.untardir : join(flags.destination, flags.untardir));
        }
      } finally {
        if (scratch) rmSync(scratch, { recursive: true, force: true });
      }
      process.stdout.write(out);
    });
}
