// What every storage driver does (helm's pkg/storage/driver.Driver), and the
// labels helm puts on the objects that hold releases.
import type { Release } from "./release.js";

export class StorageError extends Error {
  override name = "StorageError";
  readonly userFacing = true;
}

/** helm's driver.ErrReleaseNotFound; the message is helm's. */
export class ReleaseNotFoundError extends StorageError {
  override name = "ReleaseNotFoundError";
  constructor(message = "release: not found") {
    super(message);
  }
}

export class ReleaseExistsError extends StorageError {
  override name = "ReleaseExistsError";
  constructor() {
    super("release: already exists");
  }
}

/** What a storage object's labels tell about a revision before it is decoded. */
export interface ReleaseHead {
  name: string;
  namespace: string;
  version: number;
  status: string;
  /** Every label of the storage object, helm's system labels included (what `list --selector` matches). */
  labels: Record<string, string>;
}

export type ChooseHeads = (heads: ReleaseHead[]) => ReleaseHead[];

export interface Driver {
  readonly name: string;
  get(key: string): Promise<Release>;
  /** Every release the driver can see (all namespaces when it is not namespaced). */
  list(filter?: (r: Release) => boolean): Promise<Release[]>;
  /**
   * Only the highest revision of each release, when the driver can pick it
   * without decoding the rest; `choose` narrows the candidates (by name and
   * labels) before any is fetched and decoded, and sets their order.
   */
  listLatest?(statuses?: string[], choose?: ChooseHeads): Promise<Release[]>;
  /** Releases whose labels match all of `labels`; empty list when none. */
  query(labels: Record<string, string>): Promise<Release[]>;
  create(key: string, r: Release): Promise<void>;
  update(key: string, r: Release): Promise<void>;
  delete(key: string): Promise<Release>;
}

export const systemLabels = ["name", "owner", "status", "version", "createdAt", "modifiedAt"];

export function releaseKey(name: string, version: number): string {
  return `sh.helm.release.v1.${name}.v${version}`;
}

export function customLabels(labels: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(labels ?? {})) if (!systemLabels.includes(k)) out[k] = v;
  return out;
}

/** The labels of the Secret/ConfigMap holding `r`; `stamp` is createdAt or modifiedAt as helm sets it. */
export function storageLabels(r: Release, stamp: "createdAt" | "modifiedAt", now = Date.now()): Record<string, string> {
  return {
    // All of r.labels, as helm copies them: a release read by query keeps its createdAt.
    ...(r.labels ?? {}),
    [stamp]: String(Math.floor(now / 1000)),
    name: r.name,
    owner: "helm",
    status: r.info.status ?? "unknown",
    version: String(r.version),
  };
}

export function matchesLabels(labels: Record<string, string> | undefined, want: Record<string, string>): boolean {
  return Object.entries(want).every(([k, v]) => labels?.[k] === v);
}
