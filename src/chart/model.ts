// Helm's chart model (pkg/chart): metadata from Chart.yaml, the lock file,
// templates, values, schema, other files, and the tree of subcharts.
import type { GoMap, Value } from "../template/value.js";

export interface ChartFile {
  /** Path relative to the chart root, "/" separators. */
  name: string;
  data: Buffer;
}

export interface Maintainer {
  name: string;
  email: string;
  url: string;
}

/** A dependency entry of Chart.yaml (v2) or requirements.yaml (v1). */
export interface Dependency {
  name: string;
  version: string;
  repository: string;
  condition: string;
  tags: string[];
  enabled: boolean;
  /** Chart.yaml `import-values`: strings or {child, parent} maps. */
  importValues: Value[];
  alias: string;
}

/** Chart.yaml, with helm's JSON field names. Absent strings are "". */
export interface ChartMetadata {
  name: string;
  home: string;
  sources: string[];
  version: string;
  description: string;
  keywords: string[];
  maintainers: (Maintainer | null)[];
  icon: string;
  apiVersion: string;
  condition: string;
  tags: string;
  appVersion: string;
  deprecated: boolean;
  annotations: Record<string, string>;
  kubeVersion: string;
  dependencies: (Dependency | null)[];
  type: string;
}

/** Chart.lock / requirements.lock. */
export interface ChartLock {
  generated: string;
  digest: string;
  dependencies: (Dependency | null)[];
}

export interface Chart {
  metadata: ChartMetadata;
  lock?: ChartLock;
  /** templates/** in helm's order. */
  templates: ChartFile[];
  /** Parsed values.yaml (an empty map when there is none). */
  values: GoMap;
  /** values.schema.json, raw. */
  schema?: Buffer;
  /** Every other file (what .Files sees), after .helmignore. */
  files: ChartFile[];
  /** Every file as loaded. */
  raw: ChartFile[];
  parent?: Chart;
  /** Subcharts from charts/ (directories and .tgz), recursively. */
  dependencies: Chart[];
}

export const API_VERSION_V1 = "v1";
export const API_VERSION_V2 = "v2";

/** A chart that cannot be loaded or is invalid; the user can fix it. */
export class ChartLoadError extends Error {
  override name = "ChartLoadError";
  readonly userFacing = true;
}

/** helm's ValidationError: "validation: MSG". */
export class ChartValidationError extends ChartLoadError {
  override name = "ChartValidationError";
  constructor(msg: string) {
    super(`validation: ${msg}`);
  }
}

export function chartName(chart: Chart): string {
  return chart.metadata.name;
}

/** "parent/charts/child", as helm's ChartFullPath; used in template names. */
export function chartFullPath(chart: Chart): string {
  return chart.parent ? `${chartFullPath(chart.parent)}/charts/${chart.metadata.name}` : chart.metadata.name;
}

/** "parent.child", as helm's ChartPath. */
export function chartPath(chart: Chart): string {
  return chart.parent ? `${chartPath(chart.parent)}.${chart.metadata.name}` : chart.metadata.name;
}

export function chartRoot(chart: Chart): Chart {
  return chart.parent ? chartRoot(chart.parent) : chart;
}

export function isLibraryChart(chart: Chart): boolean {
  return chart.metadata.type === "library";
}

function hasManifestExtension(name: string): boolean {
  return /\.(ya?ml|json)$/i.test(name);
}

/** crds/ manifests of this chart and its subcharts, with helm's file names. */
export function chartCRDs(chart: Chart): { name: string; filename: string; file: ChartFile }[] {
  const out: { name: string; filename: string; file: ChartFile }[] = [];
  for (const f of chart.files) {
    if (f.name.startsWith("crds/") && hasManifestExtension(f.name))
      out.push({ name: f.name, filename: `${chartFullPath(chart)}/${f.name}`, file: f });
  }
  for (const d of chart.dependencies) out.push(...chartCRDs(d));
  return out;
}

/** Sets the subcharts and their parent links, as helm's SetDependencies. */
export function setDependencies(chart: Chart, deps: Chart[]): void {
  chart.dependencies = [];
  for (const d of deps) {
    d.parent = chart;
    chart.dependencies.push(d);
  }
}

export function emptyMetadata(): ChartMetadata {
  return {
    name: "",
    home: "",
    sources: [],
    version: "",
    description: "",
    keywords: [],
    maintainers: [],
    icon: "",
    apiVersion: "",
    condition: "",
    tags: "",
    appVersion: "",
    deprecated: false,
    annotations: {},
    kubeVersion: "",
    dependencies: [],
    type: "",
  };
}
