// helm's pkg/storage: releases by name and revision on top of a driver, the
// "deployed" and "last" queries actions ask, and --history-max pruning.
import type { KubeClient } from "../kube/index.js";
import { type ChooseHeads, type Driver, releaseKey, ReleaseNotFoundError, StorageError } from "./driver.js";
import { ConfigMapsDriver, SecretsDriver } from "./kube-drivers.js";
import { MemoryDriver } from "./memory.js";
import type { Release } from "./release.js";

export class Storage {
  /** Revisions kept per release; 0 keeps all (helm's MaxHistory). */
  maxHistory = 0;
  constructor(readonly driver: Driver) {}

  get(name: string, version: number): Promise<Release> {
    return this.driver.get(releaseKey(name, version));
  }

  /** As helm: with maxHistory set, old revisions make room before the new one is written. */
  async create(r: Release): Promise<void> {
    if (this.maxHistory > 0) await this.removeLeastRecent(r.name, this.maxHistory - 1);
    return this.driver.create(releaseKey(r.name, r.version), r);
  }

  update(r: Release): Promise<void> {
    return this.driver.update(releaseKey(r.name, r.version), r);
  }

  delete(name: string, version: number): Promise<Release> {
    return this.driver.delete(releaseKey(name, version));
  }

  listReleases(): Promise<Release[]> {
    return this.driver.list();
  }

  /**
   * The latest revision of every release (what `list` shows); `choose`, when
   * given, narrows and orders them by name and labels before they are decoded.
   */
  async latestReleases(statuses?: string[], choose?: ChooseHeads): Promise<Release[]> {
    if (this.driver.listLatest) return this.driver.listLatest(statuses, choose);
    const latest = new Map<string, Release>();
    for (const r of await this.driver.list()) {
      const key = `${r.namespace}/${r.name}`;
      const cur = latest.get(key);
      if (!cur || r.version > cur.version) latest.set(key, r);
    }
    const rs = [...latest.values()].filter((r) => !statuses || statuses.includes(r.info.status ?? ""));
    if (!choose) return rs;
    const heads = rs.map((r) => ({ name: r.name, namespace: r.namespace, version: r.version, status: r.info.status ?? "", labels: r.labels ?? {}, r }));
    return (choose(heads) as typeof heads).map((h) => h.r);
  }

  /** Every revision of a release, in no particular order. */
  async history(name: string): Promise<Release[]> {
    return this.driver.query({ name, owner: "helm" });
  }

  /** The latest deployed revision; helm's "has no deployed releases" when none. */
  async deployed(name: string): Promise<Release> {
    const ls = await this.driver.query({ name, owner: "helm", status: "deployed" });
    if (ls.length === 0) throw new ReleaseNotFoundError(`${name}: no deployed releases`);
    return ls.sort((a, b) => b.version - a.version)[0]!;
  }

  /** The highest revision, whatever its status. */
  async last(name: string): Promise<Release> {
    const h = await this.history(name);
    if (h.length === 0) throw new ReleaseNotFoundError(`${name}: release: not found`);
    return h.sort((a, b) => b.version - a.version)[0]!;
  }

  /** Drops the oldest revisions until `max` remain, never the last deployed one (helm's removeLeastRecent). */
  private async removeLeastRecent(name: string, max: number): Promise<void> {
    if (max < 0) return;
    const h = (await this.history(name)).sort((a, b) => a.version - b.version);
    if (h.length <= max) return;
    const lastDeployed = [...h].reverse().find((r) => r.info.status === "deployed");
    const candidates = h.filter((r) => r !== lastDeployed);
    let excess = h.length - max;
    for (const r of candidates) {
      if (excess <= 0) break;
      await this.delete(r.name, r.version);
      excess--;
    }
  }
}

export type DriverName = "secret" | "secrets" | "configmap" | "configmaps" | "memory" | "";

const memoryDrivers = new Map<string, MemoryDriver>();

/** helm's HELM_DRIVER choice; `namespace` "" means all namespaces. */
export function newStorage(kube: () => KubeClient, namespace: string, driver: string = process.env.HELM_DRIVER ?? ""): Storage {
  switch (driver) {
    case "":
    case "secret":
    case "secrets":
      return new Storage(new SecretsDriver(kube(), namespace));
    case "configmap":
    case "configmaps":
      return new Storage(new ConfigMapsDriver(kube(), namespace));
    case "memory": {
      // One memory store per process, so an install and a later list in the same process see each other.
      let d = memoryDrivers.get("");
      if (!d) memoryDrivers.set("", (d = new MemoryDriver(namespace)));
      d.namespace = namespace;
      return new Storage(d);
    }
    default:
      throw new StorageError(`unknown driver "${driver}"`);
  }
}
