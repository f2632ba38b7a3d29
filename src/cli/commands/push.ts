// `chartroom push CHART.tgz oci://HOST/PATH`: push a packaged chart to a registry.
import type { Command } from "commander";
import { type PathFlags, pathOptions, resolvePaths } from "./repo.js";

interface PushFlags extends PathFlags {
  caFile?: string;
  certFile?: string;
  keyFile?: string;
  insecureSkipTlsVerify?: boolean;
  plainHttp?: boolean;
  username?: string;
  password?: string;
}

export function register(program: Command): void {
  pathOptions(program.command("push <chart> <remote>").description("push a chart to remote"))
    .option("--ca-file <file>", "verify certificates of HTTPS-enabled servers using this CA bundle")
    .option("--cert-file <file>", "identify registry client using this SSL certificate file")
    .option("--key-file <file>", "identify registry client using this SSL key file")
    .option("--insecure-skip-tls-verify", "skip tls certificate checks for the chart upload")
    .option("--plain-http", "use insecure HTTP connections for the chart upload")
    .option("--username <user>", "chart repository username where to locate the requested chart")
    .option("--password <password>", "chart repository password where to locate the requested chart")
    .action(async (chart: string, remote: string, flags: PushFlags) => {
      const paths = await resolvePaths(flags);
      const { pushChart } = await import("../../repo/oci-push.js");
      const r = await pushChart(chart, remote, {
        ...paths,
        caFile: flags.caFile,
        certFile: flags.certFile,
        keyFile: flags.keyFile,
        insecureSkipTLSVerify: flags.insecureSkipTlsVerify,
        plainHttp: flags.plainHttp,
        username: flags.username,
        password: flags.password,
      });
      process.stderr.write(`Pushed: ${r.ref}\nDigest: ${r.digest}\n`);
    });
}
