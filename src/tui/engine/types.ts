// What the terminal UI asks of the shared engine, as plain data. Panes see only
// this interface; the implementation (./index.ts) drives the same actions and
// repository code as the CLI, loaded lazily so the first frame comes quickly.
import type { ActionEvent } from "../../actions/events.js";

export interface ReleaseRow {
  name: string;
  namespace: string;
  revision: number;
  status: string;
  /** name-version, as helm list prints it. */
  chart: string;
  chartName: string;
  chartVersion: string;
  appVersion: string;
  /** Milliseconds since the epoch; 0 when never deployed. */
  updated: number;
  description: string;
}

export interface ResourceRow {
  kind: string;
  name: string;
  namespace?: string;
  ready: boolean;
  reason: string;
}

export interface ReleaseDetail {
  row: ReleaseRow;
  notes: string;
  manifest: string;
  /** User-supplied values as YAML (helm get values). */
  values: string;
  /** Chart defaults coalesced with the user's values (helm get values --all). */
  computedValues: string;
  /** helm get hooks. */
  hooks: string;
  resources: ResourceRow[];
  /** The stored chart's default values as YAML, and its values.schema.json. */
  chartValues: string;
  schema?: string;
}

export interface RepoRow {
  name: string;
  url: string;
  /** Charts in the cached index; undefined when no index is cached. */
  charts?: number;
  /** When the cached index was last written (ms since epoch). */
  updated?: number;
  problem?: string;
}

export interface ChartHit {
  /** repo/chart */
  ref: string;
  repo: string;
  chart: string;
  version: string;
  appVersion: string;
  description: string;
  keywords: string[];
  /** helm's literal matches score lower; fuzzy matches come after. */
  score: number;
}

export interface ChartVersionRow {
  version: string;
  appVersion: string;
  description: string;
}

export interface ChartInfo {
  ref: string;
  name: string;
  version: string;
  /** Chart.yaml as written in the archive. */
  chartYaml: string;
  readme: string;
  values: string;
  schema?: string;
  /** Where the chart was fetched to (a directory or .tgz); what the values editor and install read. */
  path: string;
}

export interface ChartChoice {
  /** repo/chart, a path, a URL or oci://... */
  ref: string;
  version?: string;
}

export interface DeployRequest {
  kind: "install" | "upgrade";
  name: string;
  namespace: string;
  chart: ChartChoice;
  /** The user's values as YAML text (passed as one -f file). */
  values: string;
  wait: boolean;
  atomic: boolean;
  /** Go duration: "5m0s". */
  timeout: string;
  createNamespace?: boolean;
}

export interface Preview {
  /** The manifest the request would apply (server dry-run). */
  manifest: string;
  /** The live release's manifest; "" for an install. */
  previous: string;
  notes: string;
}

export type Emit = (e: ActionEvent) => void;

export interface RunOptions {
  emit: Emit;
  signal: AbortSignal;
}

export interface RepoUpdate {
  name: string;
  state: "updating" | "ok" | "failed";
  error?: string;
}

export interface Engine {
  /** The namespace new installs go to (the context's, or -n / :ns). */
  readonly namespace: string;
  readonly context?: string;

  listReleases(): Promise<ReleaseRow[]>;
  releaseDetail(name: string, namespace: string): Promise<ReleaseDetail>;
  history(name: string, namespace: string): Promise<ReleaseRow[]>;
  manifestAt(name: string, namespace: string, revision: number): Promise<string>;
  preview(req: DeployRequest): Promise<Preview>;
  deploy(req: DeployRequest, run: RunOptions): Promise<ReleaseRow>;
  rollback(name: string, namespace: string, revision: number, opts: { wait: boolean; timeout: string }, run: RunOptions): Promise<ReleaseRow>;
  uninstall(name: string, namespace: string, run: RunOptions): Promise<string>;
  test(name: string, namespace: string, run: RunOptions): Promise<ReleaseRow>;

  repositories(): Promise<RepoRow[]>;
  addRepository(name: string, url: string): Promise<string>;
  updateRepositories(names: string[] | undefined, onProgress: (u: RepoUpdate) => void): Promise<RepoUpdate[]>;
  removeRepository(name: string): Promise<string>;
  search(query: string): Promise<ChartHit[]>;
  versions(ref: string): Promise<ChartVersionRow[]>;
  chartInfo(choice: ChartChoice): Promise<ChartInfo>;
}
