import type { Command } from "commander";
import { globalOptions } from "../context.js";
import {
  addChartPathFlags,
  addValueFlags,
  type ChartPathFlagValues,
  chartPathOptions,
  collectCsv,
  durationFlag,
  updateChartDependencies,
  type ValueFlagValues,
  valueOptions,
} from "../flags.js";
import { isUserFacing, UserError } from "../errors.js";

/** Flags install and upgrade share, spelled as helm spells them. */
export interface DeployFlags {
  createNamespace?: boolean;
  dryRun?: boolean | string;
  wait?: boolean;
  waitForJobs?: boolean;
  timeout: string;
  atomic?: boolean;
  rollbackOnFailure?: boolean;
  hooks: boolean;
  skipCrds?: boolean;
  description?: string;
  labels: string[];
  output?: string;
  takeOwnership?: boolean;
  skipSchemaValidation?: boolean;
  renderSubchartNotes?: boolean;
  hideNotes?: boolean;
  progress?: string;
  dependencyUpdate?: boolean;
}

export function addDeployFlags(cmd: Command): Command {
  return cmd
    .option("--create-namespace", "create the release namespace if not present")
    .option("--dry-run [mode]", 'simulate an install or upgrade: "client" renders offline, "server" reads the cluster')
    .option("--wait", "wait until all Pods, PVCs, Services and Deployments are ready before marking the release successful")
    .option("--wait-for-jobs", "with --wait, also wait until all Jobs have completed")
    .option("--timeout <duration>", "time to wait for any individual Kubernetes operation (like Jobs for hooks)", durationFlag("--timeout"), "5m0s")
    .option("--atomic", "on failure, roll back (upgrade) or uninstall (install); implies --wait")
    .option("--rollback-on-failure", "same as --atomic (helm 4's name)")
    .option("--no-hooks", "prevent hooks from running")
    .option("--skip-crds", "do not install CRDs from the chart's crds/ directory")
    .option("--description <text>", "add a custom description")
    .option("--labels <labels>", "labels added to the release metadata (key1=val1,key2=val2)", collectCsv, [])
    .option("-o, --output <format>", "prints the output in the specified format: table, json or yaml", "table")
    .option("--take-ownership", "adopt existing resources that belong to no release")
    .option("--skip-schema-validation", "if set, disables JSON schema validation")
    .option("--render-subchart-notes", "if set, render subchart notes along with the parent")
    .option("--hide-notes", "if set, do not show notes in the output")
    .option("--progress <mode>", "progress on stderr: lines (default on a terminal), json or none")
    .option("--dependency-update", "update dependencies if they are missing before installing the chart");
}

export function parseLabels(labels: string[]): Record<string, string> | undefined {
  if (labels.length === 0) return undefined;
  const out: Record<string, string> = {};
  for (const l of labels) {
    const i = l.indexOf("=");
    if (i <= 0) throw new UserError(`invalid label "${l}": must be key=value`);
    out[l.slice(0, i)] = l.slice(i + 1);
  }
  return out;
}

export function deployOptions(f: DeployFlags) {
  const dry = f.dryRun === true ? "client" : f.dryRun === undefined || f.dryRun === false || f.dryRun === "none" ? false : f.dryRun;
  if (dry !== false && dry !== "client" && dry !== "server") throw new UserError(`invalid dry-run flag value "${dry}"`);
  return {
    createNamespace: f.createNamespace,
    dryRun: dry as false | "client" | "server",
    wait: f.wait,
    waitForJobs: f.waitForJobs,
    timeout: f.timeout,
    atomic: f.atomic || f.rollbackOnFailure,
    noHooks: f.hooks === false,
    skipCrds: f.skipCrds,
    description: f.description,
    labels: parseLabels(f.labels),
    takeOwnership: f.takeOwnership,
    skipSchemaValidation: f.skipSchemaValidation,
    renderSubchartNotes: f.renderSubchartNotes,
    // helm's downloader.Manager writes its progress to stdout, before the release.
    dependencyUpdate: f.dependencyUpdate ? (dir: string) => updateChartDependencies(dir, (l) => process.stdout.write(`${l}\n`)) : undefined,
  };
}

interface UpgradeFlags extends ValueFlagValues, DeployFlags, ChartPathFlagValues {
  install?: boolean;
  reuseValues?: boolean;
  resetValues?: boolean;
  resetThenReuseValues?: boolean;
  cleanupOnFail?: boolean;
  historyMax: string;
  force?: boolean;
}

export function register(program: Command): void {
  const cmd = program
    .command("upgrade")
    .usage("[RELEASE] [CHART] [flags]")
    .description("upgrade a release")
    .argument("<release>", "release name")
    .argument("<chart>", "a directory, .tgz, repo/name, URL or oci:// reference")
    .option("-i, --install", "if a release by this name doesn't already exist, run an install")
    .option("--reuse-values", "reuse the last release's values and merge in any overrides from the command line")
    .option("--reset-values", "reset the values to the ones built into the chart")
    .option("--reset-then-reuse-values", "reset to the chart's values, then apply the last release's values and the overrides")
    .option("--cleanup-on-fail", "allow deletion of new resources created in this upgrade when upgrade fails")
    .option("--history-max <n>", "limit the maximum number of revisions saved per release. Use 0 for no limit", "10")
    .option("--force", "force resource updates through a replacement strategy");
  addDeployFlags(cmd);
  addValueFlags(cmd);
  addChartPathFlags(cmd);
  cmd.action(async (name: string, chart: string, flags: UpgradeFlags, command: Command) => {
    const g = globalOptions(command);
    const out = await import("../output.js");
    const format = out.outputFormat(flags.output);
    const { upgrade, releaseJson, UPGRADE_RUN } = await import("../../actions/index.js");
    const warn = (msg: string) => process.stderr.write(`WARNING: ${msg}\n`);
    let installed = false;
    const rel = await out
      .withCluster(g, flags, async (cfg) => {
      const r = await upgrade(cfg, {
        name,
        chart,
        chartPathOptions: chartPathOptions(flags, warn),
        values: valueOptions(flags),
        install: flags.install,
        reuseValues: flags.reuseValues,
        resetValues: flags.resetValues,
        resetThenReuseValues: flags.resetThenReuseValues,
        cleanupOnFail: flags.cleanupOnFail,
        historyMax: Number(flags.historyMax),
        force: flags.force,
        ...deployOptions(flags),
      });
      installed = r.version === 1 || r.info.description === "Install complete";
      return r;
    })
      .catch((err) => {
        // helm wraps the errors of its upgrade run so; chart and values errors come bare.
        if (!isUserFacing(err) || !(err as unknown as Record<symbol, unknown>)[UPGRADE_RUN]) throw err;
        throw new UserError(`UPGRADE FAILED: ${err.message}`, err.hint, err.exitCode ?? 1, { cause: err });
      });
    if (format !== "table") {
      process.stdout.write(format === "json" ? `${releaseJson(rel)}\n` : out.goYaml(JSON.parse(releaseJson(rel))));
      return;
    }
    process.stdout.write(installed ? `Release "${name}" does not exist. Installing it now.\n` : `Release "${name}" has been upgraded. Happy Helming!\n`);
    process.stdout.write(out.statusText(rel, { hideNotes: flags.hideNotes, debug: g.debug }));
  });
}
