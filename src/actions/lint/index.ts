// `chartroom lint`: helm lint's action. Each path (a chart directory or a
// packaged .tgz) goes through the Chart.yaml, values, templates and
// dependencies rules; the result holds the messages and which of them fail
// the chart (errors, and warnings too under --strict).
import { closeSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, lstatSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, posix, resolve } from "node:path";
import { decodeMetadata, loadArchiveFiles } from "../../chart/index.js";
import { offlineCapabilities } from "../../render/capabilities.js";
import type { GoMap } from "../../template/value.js";
import { mergeValuesOptions, type ValuesOptions, type WarnFn } from "../../values/index.js";
import { parseKubeVersion } from "../template.js";
import { lintChartfile } from "./chartfile.js";
import { defaultDeprecationVersion } from "./deprecations.js";
import { lintDependencies } from "./dependencies.js";
import { errorText, formatMessage, type LintMessage, Linter, pathErrorText, Severity } from "./linter.js";
import { lintTemplates } from "./templates.js";
import { lintValues } from "./values.js";

export { formatMessage, type LintMessage, Severity } from "./linter.js";

export interface LintOptions {
  /** Merged user values (-f, --set...). Shared between charts, as helm shares them. */
  values: GoMap;
  namespace: string;
  /** --kube-version, as typed. */
  kubeVersion?: string;
  /** Fail on warnings too. */
  strict?: boolean;
  skipSchemaValidation?: boolean;
  /** Where helm's log.Printf lines go (stderr). */
  log?: WarnFn;
}

/** A path that cannot be linted at all (no Chart.yaml, an unreadable archive); reported as "Error ...". */
export class LintPathError extends Error {
  override name = "LintPathError";
}

export interface LintResult {
  messages: LintMessage[];
  /** Why the chart fails: an error that stopped the lint, or the failing messages' texts. */
  errors: string[];
}

export interface LintRunOptions extends Omit<LintOptions, "values"> {
  /** Chart directories or .tgz files; "." when empty. */
  paths: string[];
  values: ValuesOptions;
  withSubcharts?: boolean;
  /** Only charts with warnings or errors, and no INFO lines. */
  quiet?: boolean;
}

export interface LintReport {
  /** What helm prints to stdout before the summary. */
  output: string;
  /** "N chart(s) linted, M chart(s) failed". */
  summary: string;
  failed: number;
  /** helm prints the summary unless --quiet found nothing (a failure prints it as the error instead). */
  printSummary: boolean;
}

/** `helm lint`: every path (and its subcharts with --with-subcharts) linted and reported. */
export function runLint(opts: LintRunOptions): LintReport {
  const paths = opts.paths.length > 0 ? [...opts.paths] : ["."];
  if (opts.kubeVersion) parseKubeVersion(opts.kubeVersion);
  if (opts.withSubcharts) paths.push(...subchartPaths(paths));
  const values = mergeValuesOptions(opts.values);

  let output = "";
  let failed = 0;
  let flagged = 0;
  for (const path of paths) {
    const result = lintPath(path, { ...opts, values });
    const flagworthy = hasWarningsOrErrors(result);
    if (flagworthy) flagged++;
    if (opts.quiet && !flagworthy) continue;
    output += `==> Linting ${path}\n`;
    for (const line of resultLines(result, opts.quiet)) output += `${line}\n`;
    if (result.errors.length > 0) failed++;
    output += "\n";
  }
  const summary = `${paths.length} chart(s) linted, ${failed} chart(s) failed`;
  return { output, summary, failed, printSummary: !opts.quiet || flagged > 0 };
}

/** helm's action.Lint.Run for one path. */
export function lintPath(path: string, opts: LintOptions): LintResult {
  const tolerance = opts.strict ? Severity.Warning : Severity.Error;
  const result: LintResult = { messages: [], errors: [] };
  let linter: Linter;
  try {
    linter = lintChart(path, opts);
  } catch (err) {
    if (!(err instanceof LintPathError)) throw err;
    result.errors.push(err.message);
    return result;
  }
  result.messages.push(...linter.messages);
  for (const m of linter.messages) if (m.severity >= tolerance) result.errors.push(m.text);
  return result;
}

/** Any warning or error (what --quiet keeps). */
export function hasWarningsOrErrors(r: LintResult): boolean {
  return r.messages.some((m) => m.severity > Severity.Info) || r.errors.length > 0;
}

/** The lines helm prints for a result: messages, or the errors when there are none; --quiet drops INFO. */
export function resultLines(r: LintResult, quiet = false): string[] {
  const lines = r.messages.length === 0 ? r.errors.map((e) => `Error ${e}`) : [];
  for (const m of r.messages) if (!quiet || m.severity > Severity.Info) lines.push(formatMessage(m));
  return lines;
}

function isArchive(path: string): boolean {
  return path.endsWith(".tgz") || path.endsWith(".tar.gz");
}

function lintChart(path: string, opts: LintOptions): Linter {
  if (!isArchive(path)) return lintDir(path, opts);
  const tempDir = mkdtempSync(join(tmpdir(), "helm-lint"));
  try {
    return lintDir(expandArchive(path, tempDir), opts);
  } finally {
    rmSync(tempDir, { recursive: true, force: true });
  }
}

/** chartutil.Expand into tempDir; returns the chart's directory there. */
function expandArchive(path: string, tempDir: string): string {
  let data: Buffer;
  try {
    closeSync(openSync(path, "r"));
  } catch (err) {
    throw new LintPathError(`unable to open tarball: ${pathErrorText("open", path, err)}`);
  }
  try {
    try {
      data = readFileSync(path);
    } catch (err) {
      throw new Error(pathErrorText("read", path, err));
    }
    const files = loadArchiveFiles(data);
    let chartName = "";
    for (const f of files) {
      if (f.name !== "Chart.yaml") continue;
      try {
        chartName = decodeMetadata(f.data.toString("utf8")).name;
      } catch (err) {
        throw new Error(`cannot load Chart.yaml: ${errorText(err)}`);
      }
    }
    if (chartName === "") throw new Error("chart name not specified");
    // securejoin: the name cannot climb out of the directory.
    const chartDir = join(tempDir, posix.normalize(`/${chartName}`));
    for (const f of files) {
      const out = join(chartDir, posix.normalize(`/${f.name}`));
      mkdirSync(dirname(out), { recursive: true, mode: 0o755 });
      writeFileSync(out, f.data, { mode: 0o644 });
    }
  } catch (err) {
    throw new LintPathError(`unable to extract tarball: ${errorText(err)}`);
  }
  const first = readdirSync(tempDir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))[0]!;
  if (!first.isDirectory()) throw new LintPathError(`unexpected file ${first.name} in temporary output directory ${tempDir}`);
  return join(tempDir, first.name);
}

function lintDir(chartPath: string, opts: LintOptions): Linter {
  const chartYaml = join(chartPath, "Chart.yaml");
  try {
    statSync(chartYaml);
  } catch (err) {
    throw new LintPathError(`unable to check Chart.yaml file in chart: ${pathErrorText("stat", chartYaml, err)}`);
  }
  const log = opts.log ?? (() => {});
  const kubeVersion = opts.kubeVersion ? parseKubeVersion(opts.kubeVersion) : undefined;
  const capabilities = offlineCapabilities({ kubeVersion });
  const deprecationVersion: [number, number] = kubeVersion
    ? [Number(capabilities.kubeVersion.major), Number(capabilities.kubeVersion.minor)]
    : defaultDeprecationVersion;

  const linter = new Linter(resolve(chartPath));
  lintChartfile(linter);
  lintValues(linter, opts.values, log);
  lintTemplates(linter, {
    values: opts.values,
    namespace: opts.namespace,
    capabilities,
    deprecationVersion,
    skipSchemaValidation: opts.skipSchemaValidation,
    log,
  });
  lintDependencies(linter, log);
  return linter;
}

/**
 * --with-subcharts: every chart found under PATH/charts (a directory holding
 * a Chart.yaml, or a .tgz/.tar.gz), in filepath.Walk's lexical order.
 */
export function subchartPaths(paths: string[]): string[] {
  const found: string[] = [];
  const walk = (p: string): void => {
    let st: ReturnType<typeof lstatSync>;
    try {
      st = lstatSync(p);
    } catch {
      return;
    }
    const name = p.slice(p.lastIndexOf("/") + 1);
    if (name === "Chart.yaml") found.push(dirname(p));
    else if (isArchive(p)) found.push(p);
    if (!st.isDirectory()) return;
    let names: string[];
    try {
      names = readdirSync(p);
    } catch {
      return;
    }
    for (const n of names.sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)))) walk(join(p, n));
  };
  for (const p of paths) walk(join(p, "charts"));
  return found;
}
