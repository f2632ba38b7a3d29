// HELM_DRIVER=memory: releases live for the process only (tests, dry runs).
import { decodeRelease, encodeRelease } from "./codec.js";
import { customLabels, type Driver, matchesLabels, ReleaseExistsError, ReleaseNotFoundError, storageLabels } from "./driver.js";
import type { Release } from "./release.js";

interface Entry {
  namespace: string;
  data: string;
  labels: Record<string, string>;
}

export class MemoryDriver implements Driver {
  readonly name = "Memory";
  private readonly entries = new Map<string, Entry>();
  /** "" means every namespace, as helm's memory driver after SetNamespace(""). */
  constructor(public namespace = "default") {}

  private id(key: string, ns = this.namespace): string {
    return `${ns}/${key}`;
  }

  private visible(e: Entry): boolean {
    return this.namespace === "" || e.namespace === this.namespace;
  }

  /** As the kube drivers: get() hides helm's system labels, list and query keep them. */
  private decode(e: Entry, system = true): Release {
    return { ...decodeRelease(e.data), labels: system ? { ...e.labels } : customLabels(e.labels) };
  }

  async get(key: string): Promise<Release> {
    const e = this.entries.get(this.id(key));
    if (!e) throw new ReleaseNotFoundError();
    return this.decode(e, false);
  }

  async list(filter: (r: Release) => boolean = () => true): Promise<Release[]> {
    return [...this.entries.values()].filter((e) => this.visible(e)).map((e) => this.decode(e)).filter(filter);
  }

  async query(labels: Record<string, string>): Promise<Release[]> {
    return [...this.entries.values()].filter((e) => this.visible(e) && matchesLabels(e.labels, labels)).map((e) => this.decode(e));
  }

  async create(key: string, r: Release): Promise<void> {
    const id = this.id(key, r.namespace);
    if (this.entries.has(id)) throw new ReleaseExistsError();
    this.entries.set(id, { namespace: r.namespace, data: encodeRelease(r), labels: storageLabels(r, "createdAt") });
  }

  async update(key: string, r: Release): Promise<void> {
    const id = this.id(key, r.namespace);
    if (!this.entries.has(id)) throw new ReleaseNotFoundError();
    this.entries.set(id, { namespace: r.namespace, data: encodeRelease(r), labels: storageLabels(r, "modifiedAt") });
  }

  async delete(key: string): Promise<Release> {
    const id = this.id(key);
    const e = this.entries.get(id);
    if (!e) throw new ReleaseNotFoundError();
    this.entries.delete(id);
    return this.decode(e);
  }
}
