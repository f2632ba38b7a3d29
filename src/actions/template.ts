// `chartroom template`: render a chart locally exactly as `helm template` does.
import { mkdirSync, writeFileSync, appendFileSync, existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { loadChart } from "../chart/index.js";
import { type Capabilities, offlineCapabilities } from "../render/capabilities.js";
import { checkInstallable, ManifestSortError, manifestText, renderRelease } from "../render/pipeline.js";
import { runPostRenderer } from "../render/post-render.js";
import { splitManifests } from "../render/manifests.js";
import { missingDependencies, mergeValuesOptions, type ValuesOptions } from "../values/index.js";
import { missingDependenciesMessage } from "./chart-ref.js";
import { nameAndChart, validateReleaseName } from "./names.js";

export interface TemplateOptions {
  args: string[];
  namespace: string;
  values: ValuesOptions;
  generateName?: boolean;
  nameTemplate?: string;
  kubeVersion?: string;
  apiVersions?: string[];
  showOnly?: string[];
  outputDir?: string;
  /** Put files under OUTPUT_DIR/RELEASE_NAME (helm's --release-name). */
  useReleaseName?: boolean;
  includeCrds?: boolean;
  skipTests?: boolean;
  noHooks?: boolean;
  isUpgrade?: boolean;
  skipSchemaValidation?: boolean;
  renderSubchartNotes?: boolean;
  postRenderer?: string;
  postRendererArgs?: string[];
  debug?: boolean;
  /** Lines `wrote FILE` for --output-dir go here (helm prints them to stdout). */
  log?: (line: string) => void;
  /** helm's WARNING lines (stderr). */
  warn?: (msg: string) => void;
  /** helm's log.Printf lines, e.g. coalesce warnings (stderr). */
  logLine?: (msg: string) => void;
}

export class TemplateError extends Error {
  override name = "TemplateCommandError";
  readonly userFacing = true;
  constructor(
    message: string,
    readonly hint?: string,
    /** What helm prints to stdout before failing under --debug. */
    readonly partialOutput?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

const debugHint = "Use --debug flag to render out invalid YAML";

export function parseKubeVersion(v: string): string {
  const m = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/.exec(v.trim());
  if (!m) throw new TemplateError(`invalid kube version '${v}': Invalid Semantic Version`);
  return `v${m[1]}.${m[2] ?? "0"}.${m[3] ?? "0"}${m[4] ?? ""}${m[5] ?? ""}`;
}

/** Returns what helm template prints to stdout. */
export function runTemplate(opts: TemplateOptions): string {
  const { name, chart: chartRef } = nameAndChart(opts.args, {
    generateName: opts.generateName,
    nameTemplate: opts.nameTemplate,
    defaultName: "release-name",
  });
  const capabilities: Capabilities = offlineCapabilities({
    kubeVersion: opts.kubeVersion ? parseKubeVersion(opts.kubeVersion) : undefined,
    extraApiVersions: opts.apiVersions,
  });
  const values = mergeValuesOptions(opts.values);
  const chart = loadChart(chartRef);
  checkInstallable(chart);
  if (chart.metadata.deprecated) opts.warn?.("This chart is deprecated");
  const missing = missingDependencies(chart);
  if (missing.length > 0) {
    throw new TemplateError(missingDependenciesMessage(missing));
  }
  validateReleaseName(name);

  let result: ReturnType<typeof renderRelease>;
  try {
    result = renderRelease({
      chart,
      values,
      releaseName: name,
      namespace: opts.namespace,
      revision: 1,
      isUpgrade: Boolean(opts.isUpgrade),
      capabilities,
      skipSchemaValidation: opts.skipSchemaValidation,
      subNotes: opts.renderSubchartNotes,
      warn: opts.logLine,
    });
  } catch (err) {
    const e = err as Error & { userFacing?: boolean };
    if (!e.userFacing) throw err;
    const partial = err instanceof ManifestSortError ? filesBlob(err.files) : undefined;
    // Errors after the release object exists get helm's --debug hint.
    const afterRelease = e.name === "RenderError" || err instanceof ManifestSortError;
    throw new TemplateError(e.message, afterRelease && !opts.debug ? debugHint : undefined, partial, { cause: err });
  }

  const written = new Set<string>();
  const outDir = opts.outputDir
    ? opts.useReleaseName
      ? join(opts.outputDir, name)
      : opts.outputDir
    : undefined;

  let manifest: string;
  if (outDir) {
    for (const crd of opts.includeCrds ? result.crds : []) writeManifest(outDir, crd.filename, crd.content, written, opts.log);
    for (const m of result.manifests) writeManifest(outDir, m.name, m.content, written, opts.log);
    manifest = "";
  } else {
    manifest = manifestText(result, Boolean(opts.includeCrds));
  }
  if (opts.postRenderer && !outDir) manifest = runPostRenderer(opts.postRenderer, opts.postRendererArgs ?? [], manifest);

  let out = `${manifest.trim()}\n`;
  if (!opts.noHooks) {
    for (const h of result.hooks) {
      if (opts.skipTests && h.events.includes("test")) continue;
      if (!outDir) {
        out += `---\n# Source: ${h.path}\n${h.manifest}\n`;
      } else {
        if (existsSync(join(outDir, h.path))) written.add(h.path);
        writeManifest(outDir, h.path, h.manifest, written, opts.log);
      }
    }
  }
  if (outDir) return "";
  if (opts.showOnly && opts.showOnly.length > 0) return showOnly(out, opts.showOnly);
  return out;
}

function filesBlob(files: Map<string, string>): string {
  let b = "";
  for (const [name, content] of files) {
    if (content.trim() === "") continue;
    b += `---\n# Source: ${name}\n${content}\n`;
  }
  return b;
}

function writeManifest(dir: string, name: string, data: string, written: Set<string>, log?: (l: string) => void): void {
  const file = `${dir}/${name}`;
  mkdirSync(dirname(file), { recursive: true });
  const text = `---\n# Source: ${name}\n${data}\n`;
  if (written.has(name)) appendFileSync(file, text);
  else writeFileSync(file, text, { mode: 0o644 });
  written.add(name);
  log?.(`wrote ${file}`);
}

/** --show-only: pick documents whose "# Source:" path (less the chart name) matches a glob. */
function showOnly(stream: string, patterns: string[]): string {
  const docs = splitManifests(stream);
  const picked: string[] = [];
  for (const raw of patterns) {
    const pattern = raw.replaceAll("\\", "/");
    let missing = true;
    for (const doc of docs) {
      const m = /# Source: [^/]+\/(.+)/.exec(doc);
      if (!m) continue;
      if (!pathMatch(pattern, m[1]!)) continue;
      picked.push(doc);
      missing = false;
    }
    if (missing) throw new TemplateError(`could not find template ${pattern} in chart`);
  }
  return picked.map((d) => `---\n${d}\n`).join("");
}

/** filepath.Match: `*` and `?` never cross '/', `[...]` classes, `\\` escapes. */
export function pathMatch(pattern: string, name: string): boolean {
  let re = "";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === "*") re += "[^/]*";
    else if (c === "?") re += "[^/]";
    else if (c === "[") {
      const end = pattern.indexOf("]", i + 1);
      if (end < 0) return false;
      let body = pattern.slice(i + 1, end);
      if (body.startsWith("^")) body = `^${body.slice(1)}`;
      re += `[${body.replace(/\\/g, "\\\\")}]`;
      i = end;
    } else if (c === "\\" && i + 1 < pattern.length) {
      re += `\\${pattern[++i]}`;
    } else re += /[.+^${}()|\\]/.test(c) ? `\\${c}` : c;
  }
  try {
    return new RegExp(`^${re}$`, "s").test(name);
  } catch {
    return false;
  }
}
