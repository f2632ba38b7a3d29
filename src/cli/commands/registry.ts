// `chartroom registry login|logout HOST`: credentials for OCI registries in
// the docker-style config.json helm uses.
import type { Command } from "commander";
import { UserError } from "../errors.js";
import { type PathFlags, pathOptions, readStdinSecret, resolvePaths } from "./repo.js";

interface LoginFlags extends PathFlags {
  username?: string;
  password?: string;
  passwordStdin?: boolean;
  insecure?: boolean;
  plainHttp?: boolean;
  caFile?: string;
  certFile?: string;
  keyFile?: string;
}

export function register(program: Command): void {
  const registry = program.command("registry").description("login to or logout from a registry");
  pathOptions(registry.command("login <host>").description("login to a registry"))
    .option("-u, --username <user>", "registry username")
    .option("-p, --password <password>", "registry password or identity token")
    .option("--password-stdin", "read password or identity token from stdin")
    .option("--insecure", "allow connections to TLS registry without certs")
    .option("--plain-http", "use insecure HTTP connections to the registry")
    .option("--ca-file <file>", "verify certificates of HTTPS-enabled servers using this CA bundle")
    .option("--cert-file <file>", "identify registry client using this SSL certificate file")
    .option("--key-file <file>", "identify registry client using this SSL key file")
    .action(async (host: string, flags: LoginFlags) => {
      const paths = await resolvePaths(flags);
      const password = flags.passwordStdin ? await readStdinSecret() : flags.password;
      if (!flags.username || password === undefined || password === "") throw new UserError("username and password are required (use --username and --password or --password-stdin)");
      const { registryFor } = await import("../../repo/oci-pull.js");
      const { storeCredentials } = await import("../../repo/registry-config.js");
      await registryFor(host, {
        username: flags.username,
        password,
        insecureSkipTLSVerify: flags.insecure,
        plainHttp: flags.plainHttp,
        caFile: flags.caFile,
        certFile: flags.certFile,
        keyFile: flags.keyFile,
      }).ping();
      storeCredentials(paths.registryConfig, host, flags.username, password);
      process.stdout.write("Login Succeeded\n");
    });
  pathOptions(registry.command("logout <host>").description("logout from a registry")).action(async (host: string, flags: PathFlags) => {
    const paths = await resolvePaths(flags);
    const { removeCredentials } = await import("../../repo/registry-config.js");
    if (!removeCredentials(paths.registryConfig, host)) throw new UserError(`not logged in to ${host}`);
    process.stderr.write(`Removing login credentials for ${host}\n`);
  });
}
