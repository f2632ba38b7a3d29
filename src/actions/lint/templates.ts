// helm lint's templates rule: load the chart, render it as the release
// "test-release" in lint mode (required and fail only log), then check each
// of the chart's own templates: its extension, helm 2 leftovers, and for
// .yaml files every rendered document (indentation, YAML, object name,
// deprecated APIs, selectors, List annotations).
import { statSync } from "node:fs";
import { join } from "node:path";
import { type Chart, loadDir } from "../../chart/index.js";
import type { Capabilities } from "../../render/capabilities.js";
import { releaseMap } from "../../render/chart-object.js";
import { renderTemplates, valuesMap } from "../../render/engine.js";
import { quoteGo } from "../../template/strconv.js";
import { type GoMap, newMap } from "../../template/value.js";
import { coalesceValues, processDependencies, validateSchema, type WarnFn } from "../../values/index.js";
import { goTrimSpace } from "../../render/manifests.js";
import { deprecationWarning } from "./deprecations.js";
import { type K8sObject, k8sDocuments, listItemHasResourcePolicy } from "./k8s-yaml.js";
import { errorText, type Linter, Severity } from "./linter.js";
import { metadataNameProblem } from "./names.js";

export interface TemplateLintOptions {
  values: GoMap;
  namespace: string;
  capabilities: Capabilities;
  /** The Kubernetes release deprecations are checked against. */
  deprecationVersion: [number, number];
  skipSchemaValidation?: boolean;
  /** helm's log.Printf lines (loader and coalesce warnings, lint-mode required/fail). */
  log: WarnFn;
}

const crdHook = /"?helm\.sh\/hook"?:[\t\n\f\r ]+crd-install/;

export function lintTemplates(linter: Linter, opts: TemplateLintOptions): void {
  const dir = "templates/";
  if (!linter.rule(Severity.Warning, dir, templatesDirProblem(join(linter.chartDir, "templates")))) return;

  let chart: Chart;
  try {
    chart = loadDir(linter.chartDir, { warn: opts.log });
  } catch (err) {
    linter.rule(Severity.Error, dir, errorText(err));
    return;
  }

  // Dependency processing and coalescing failures end the rule silently, as in helm.
  let processed: Chart;
  let computed: GoMap;
  try {
    processed = processDependencies(chart, opts.values, { warn: opts.log });
    computed = coalesceValues(processed, opts.values, opts.log);
  } catch {
    return;
  }
  try {
    // helm coalesces once more while building the render values.
    computed = coalesceValues(processed, computed, opts.log);
    if (!opts.skipSchemaValidation) validateSchema(processed, computed);
  } catch (err) {
    linter.rule(Severity.Error, dir, errorText(err));
    return;
  }

  const top = newMap();
  top.Capabilities = opts.capabilities;
  top.Release = releaseMap({ name: "test-release", namespace: opts.namespace, revision: 0, isUpgrade: false, isInstall: false });
  top.Values = valuesMap(computed);
  let rendered: Map<string, string>;
  try {
    rendered = renderTemplates(processed, top, { lintMode: true, log: opts.log });
  } catch (err) {
    linter.rule(Severity.Error, dir, errorText(err));
    return;
  }

  for (const t of chart.templates) {
    const path = t.name;
    const source = t.data.toString("utf8");
    linter.rule(Severity.Error, path, extensionProblem(path));
    linter.rule(
      Severity.Warning,
      path,
      crdHook.test(source)
        ? "manifest is a crd-install hook. This hook is no longer supported in v3 and all CRDs should also exist the crds/ directory at the top level of the chart"
        : undefined,
    );
    linter.rule(
      Severity.Error,
      path,
      source.includes(".Release.Time") ? ".Release.Time has been removed in v3, please replace with the `now` function in your templates" : undefined,
    );
    if (goExt(path) !== ".yaml") continue;

    const content = rendered.get(`${chart.metadata.name}/${path}`) ?? "";
    if (goTrimSpace(content) === "") continue;
    linter.rule(Severity.Warning, path, indentProblem(content));
    // A document that does not parse ends the whole rule (the rest would fail the same way).
    if (!lintDocuments(linter, path, content, opts)) return;
  }
}

function lintDocuments(linter: Linter, path: string, content: string, opts: TemplateLintOptions): boolean {
  const docs = k8sDocuments(content);
  for (;;) {
    let next: IteratorResult<K8sObject | null>;
    try {
      next = docs.next();
    } catch (err) {
      linter.rule(Severity.Error, path, `unable to parse YAML: ${errorText(err)}`);
      return false;
    }
    if (next.done) return true;
    const obj = next.value;
    if (!obj) continue;
    linter.rule(Severity.Warning, path, metadataNameProblem(obj.kind, obj.metadata.name));
    linter.rule(Severity.Warning, path, deprecationWarning(obj.apiVersion, obj.kind, opts.deprecationVersion));
    linter.rule(Severity.Error, path, selectorProblem(obj, content));
    linter.rule(Severity.Error, path, listProblem(obj, content));
  }
}

function templatesDirProblem(p: string): string | undefined {
  try {
    if (!statSync(p).isDirectory()) return "not a directory";
  } catch {
    // No templates/ directory is fine.
  }
  return undefined;
}

/** filepath.Ext. */
function goExt(p: string): string {
  const base = p.slice(p.lastIndexOf("/") + 1);
  const dot = base.lastIndexOf(".");
  return dot < 0 ? "" : base.slice(dot);
}

function extensionProblem(name: string): string | undefined {
  const ext = goExt(name);
  if ([".yaml", ".yml", ".tpl", ".txt"].includes(ext)) return undefined;
  return `file extension '${ext}' not valid. Valid extensions are .yaml, .yml, .tpl, or .txt`;
}

/** The first non-blank line must not be indented (helm issue 8467). */
function indentProblem(content: string): string | undefined {
  for (const raw of content.split("\n")) {
    const line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    if (goTrimSpace(line) === "") continue;
    if (line.startsWith(" ") || line.startsWith("\t"))
      return `document starts with an illegal indent: ${quoteGo(line)}, which may cause parsing problems`;
    return undefined;
  }
  return undefined;
}

function selectorProblem(obj: K8sObject, manifest: string): string | undefined {
  if (!["Deployment", "ReplicaSet", "DaemonSet", "StatefulSet"].includes(obj.kind)) return undefined;
  if (manifest.includes("matchLabels") || manifest.includes("matchExpressions")) return undefined;
  return `a ${obj.kind} must contain matchLabels or matchExpressions, and ${quoteGo(obj.metadata.name)} does not`;
}

function listProblem(obj: K8sObject, manifest: string): string | undefined {
  if (obj.kind !== "List") return undefined;
  try {
    if (listItemHasResourcePolicy(manifest)) return "Annotation 'helm.sh/resource-policy' within List objects are ignored";
  } catch (err) {
    return `unable to parse YAML: ${errorText(err)}`;
  }
  return undefined;
}
