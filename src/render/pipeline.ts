// From chart + user values to what a release holds: rendered manifests in
// install order, hooks, notes and CRDs. This is the part of helm's install
// action that runs before anything reaches the cluster.
import type { Chart } from "../chart/index.js";
import { chartFullPath } from "../chart/index.js";
import { type GoMap, newMap } from "../template/value.js";
import { toRenderValues } from "../values/index.js";
import type { Capabilities } from "./capabilities.js";
import { releaseMap } from "./chart-object.js";
import { type EngineOptions, RenderError, renderTemplates, valuesMap } from "./engine.js";
import { checkKubeVersion } from "./kube-version.js";
import { type Hook, type Manifest, sortManifests } from "./manifests.js";

export interface RenderRequest {
  chart: Chart;
  /** Merged user-supplied values (-f, --set, ...). */
  values: GoMap;
  releaseName: string;
  namespace: string;
  revision: number;
  isUpgrade: boolean;
  capabilities: Capabilities;
  skipSchemaValidation?: boolean;
  /** Also render NOTES.txt of subcharts. */
  subNotes?: boolean;
  engine?: EngineOptions;
  /** helm's log.Printf warnings while coalescing (printed to stderr by the CLI). */
  warn?: (msg: string) => void;
}

export interface CrdFile {
  /** Path as helm prints it, e.g. "mychart/crds/crd.yaml". */
  filename: string;
  content: string;
}

export interface RenderResult {
  manifests: Manifest[];
  hooks: Hook[];
  notes: string;
  crds: CrdFile[];
  /** The values after coalescing (what `get values --all` shows). */
  computedValues: GoMap;
  /** Every rendered file, by template path (for --debug output on errors). */
  files: Map<string, string>;
}

/** A render that produced files but could not sort them (invalid YAML). */
export class ManifestSortError extends RenderError {
  constructor(
    message: string,
    readonly files: Map<string, string>,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function renderRelease(req: RenderRequest): RenderResult {
  const { capabilities } = req;
  checkInstallable(req.chart);

  // Dependencies, coalescing and schema checks come first; the kubeVersion
  // check belongs to rendering (helm reports it with the --debug hint).
  const { chart, values: computed } = toRenderValues(req.chart, req.values, {
    skipSchemaValidation: req.skipSchemaValidation,
    warn: req.warn,
  });
  checkKubeVersion(chart.metadata.kubeVersion, capabilities.kubeVersion.version);

  const top = newMap();
  top.Capabilities = capabilities;
  top.Release = releaseMap({
    name: req.releaseName,
    namespace: req.namespace,
    revision: req.revision,
    isUpgrade: req.isUpgrade,
  });
  top.Values = valuesMap(computed);

  const files = renderTemplates(chart, top, req.engine);

  const rootNotes = `${chart.metadata.name}/templates/NOTES.txt`;
  const notes: string[] = [];
  for (const [name, text] of [...files]) {
    if (!name.endsWith("NOTES.txt")) continue;
    if (req.subNotes || name === rootNotes) notes.push(text);
    files.delete(name);
  }

  let sorted: ReturnType<typeof sortManifests>;
  try {
    sorted = sortManifests(files);
  } catch (err) {
    throw new ManifestSortError((err as Error).message, files, { cause: err });
  }
  return {
    manifests: sorted.manifests,
    hooks: sorted.hooks,
    notes: notes.join("\n"),
    crds: crdObjects(chart),
    computedValues: computed,
    files,
  };
}

/** Only application charts install (library charts are only included). */
export function checkInstallable(chart: Chart): void {
  const kind = chart.metadata.type ?? "";
  if (kind !== "" && kind !== "application") throw new RenderError(`${kind} charts are not installable`);
}

/** chart.CRDObjects: crds/*.{yaml,yml,json} of the chart, then of its dependencies. */
export function crdObjects(chart: Chart): CrdFile[] {
  const out: CrdFile[] = [];
  const base = chartFullPath(chart);
  for (const f of chart.files) {
    if (f.name.startsWith("crds/") && /\.(ya?ml|json)$/i.test(f.name)) {
      out.push({ filename: `${base}/${f.name}`, content: f.data.toString("utf8") });
    }
  }
  for (const dep of chart.dependencies) out.push(...crdObjects(dep));
  return out;
}

/** The manifest stream helm stores in a release and prints for `helm template`. */
export function manifestText(result: Pick<RenderResult, "manifests" | "crds">, includeCrds: boolean): string {
  let b = "";
  if (includeCrds) for (const crd of result.crds) b += `---\n# Source: ${crd.filename}\n${crd.content}\n`;
  for (const m of result.manifests) b += `---\n# Source: ${m.name}\n${m.content}\n`;
  return b;
}
