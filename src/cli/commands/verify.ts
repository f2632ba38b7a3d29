// `chartroom verify CHART.tgz`: check a chart archive against the .prov
// beside it, as `helm verify` does.
import type { Command } from "commander";

export function register(program: Command): void {
  program
    .command("verify <path>")
    .description("verify that a chart at the given path has been signed and is valid")
    .option("--keyring <file>", "keyring containing public keys (default: ~/.gnupg/pubring.gpg)")
    .action(async (path: string, flags: { keyring?: string }) => {
      const { defaultKeyring, verificationText, verifyChart } = await import("../../chart/provenance.js");
      const v = await verifyChart(path, flags.keyring ?? defaultKeyring());
      process.stdout.write(verificationText(v));
    });
}
