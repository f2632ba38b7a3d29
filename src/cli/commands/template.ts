import type { Command } from "commander";
import { goStringBytes } from "../../template/gostring.js";
import { globalOptions } from "../context.js";
import {
  addChartPathFlags,
  addValueFlags,
  type ChartPathFlagValues,
  collect,
  collectCsv,
  locateChartRef,
  type ValueFlagValues,
  valueOptions,
} from "../flags.js";

interface TemplateFlags extends ValueFlagValues, ChartPathFlagValues {
  showOnly: string[];
  outputDir?: string;
  releaseName?: boolean;
  includeCrds?: boolean;
  skipTests?: boolean;
  hooks: boolean;
  isUpgrade?: boolean;
  kubeVersion?: string;
  apiVersions: string[];
  generateName?: boolean;
  nameTemplate?: string;
  skipSchemaValidation?: boolean;
  renderSubchartNotes?: boolean;
  postRenderer?: string;
  postRendererArgs: string[];
}

export function register(program: Command): void {
  const cmd = program
    .command("template")
    .usage("[NAME] [CHART] [flags]")
    .description("locally render templates")
    .argument("<args...>", "[NAME] CHART")
    .option("-s, --show-only <path>", "only show manifests rendered from the given templates", collect, [])
    .option("--output-dir <dir>", "writes the executed templates to files in output-dir instead of stdout")
    .option("--release-name", "use release name in the output-dir path")
    .option("--include-crds", "include CRDs in the templated output")
    .option("--skip-tests", "skip tests from templated output")
    .option("--no-hooks", "prevent hooks from running during install")
    .option("--is-upgrade", "set .Release.IsUpgrade instead of .Release.IsInstall")
    .option("--kube-version <version>", "Kubernetes version used for Capabilities.KubeVersion")
    .option("-a, --api-versions <versions>", "Kubernetes api versions used for Capabilities.APIVersions", collectCsv, [])
    .option("-g, --generate-name", "generate the name (and omit the NAME parameter)")
    .option("--name-template <template>", "specify template used to name the release")
    .option("--skip-schema-validation", "if set, disables JSON schema validation")
    .option("--render-subchart-notes", "if set, render subchart notes along with the parent")
    .option("--post-renderer <path>", "the path to an executable to be used for post rendering")
    .option("--post-renderer-args <arg>", "an argument to the post-renderer (can specify multiple)", collect, []);
  addValueFlags(cmd);
  addChartPathFlags(cmd);
  cmd.action(async (args: string[], flags: TemplateFlags, command: Command) => {
    const g = globalOptions(command);
    const warn = (msg: string) => process.stderr.write(`WARNING: ${msg}\n`);
    if (args.length <= 2) args[args.length - 1] = await locateChartRef(args[args.length - 1]!, flags, warn);
    const { runTemplate } = await import("../../actions/template.js");
    try {
      const out = runTemplate({
        args,
        namespace: g.namespace ?? "default",
        values: valueOptions(flags),
        generateName: flags.generateName,
        nameTemplate: flags.nameTemplate,
        kubeVersion: flags.kubeVersion,
        apiVersions: flags.apiVersions,
        showOnly: flags.showOnly,
        outputDir: flags.outputDir,
        useReleaseName: flags.releaseName,
        includeCrds: flags.includeCrds,
        skipTests: flags.skipTests,
        noHooks: flags.hooks === false,
        isUpgrade: flags.isUpgrade,
        skipSchemaValidation: flags.skipSchemaValidation,
        renderSubchartNotes: flags.renderSubchartNotes,
        postRenderer: flags.postRenderer,
        postRendererArgs: flags.postRendererArgs,
        debug: g.debug,
        log: (line) => process.stdout.write(`${line}\n`),
        warn,
        logLine: (msg) => process.stderr.write(`${msg}\n`),
      });
      // Raw bytes kept in strings (binary .Files) go out as the bytes they were.
      process.stdout.write(goStringBytes(out));
    } catch (err) {
      const partial = (err as { partialOutput?: string }).partialOutput;
      if (g.debug && partial) process.stdout.write(partial);
      throw err;
    }
  });
}
