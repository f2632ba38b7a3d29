// `chartroom lint [PATH...]`: examine charts for possible issues, as helm lint.
import type { Command } from "commander";
import { globalOptions } from "../context.js";
import { addValueFlags, type ValueFlagValues, valueOptions } from "../flags.js";

interface LintFlags extends ValueFlagValues {
  strict?: boolean;
  withSubcharts?: boolean;
  quiet?: boolean;
  skipSchemaValidation?: boolean;
  kubeVersion?: string;
}

export function register(program: Command): void {
  const cmd = program
    .command("lint")
    .usage("PATH [flags]")
    .description("examine a chart for possible issues")
    .argument("[paths...]", "chart directories or packaged charts (default \".\")")
    .option("--strict", "fail on lint warnings")
    .option("--with-subcharts", "lint dependent charts")
    .option("--quiet", "print only warnings and errors")
    .option("--skip-schema-validation", "if set, disables JSON schema validation")
    .option("--kube-version <version>", "Kubernetes version used for capabilities and deprecation checks");
  addValueFlags(cmd);
  cmd.action(async (paths: string[], flags: LintFlags, command: Command) => {
    const g = globalOptions(command);
    const [{ runLint }, { UserError }] = await Promise.all([import("../../actions/lint/index.js"), import("../errors.js")]);
    const report = runLint({
      paths,
      values: valueOptions(flags),
      namespace: g.namespace || "default",
      kubeVersion: flags.kubeVersion,
      strict: flags.strict,
      withSubcharts: flags.withSubcharts,
      quiet: flags.quiet,
      skipSchemaValidation: flags.skipSchemaValidation,
      log: (line) => process.stderr.write(`${line}\n`),
    });
    process.stdout.write(report.output);
    if (report.failed > 0) throw new UserError(report.summary);
    if (report.printSummary) process.stdout.write(`${report.summary}\n`);
  });
}
