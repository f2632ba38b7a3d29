// HELM_DRIVER=secret (default) and configmap: one object per revision, named
// sh.helm.release.v1.NAME.vREV, labelled as helm labels them so helm and
// chartroom find each other's releases.
import type { KubeClient, KubeObject } from "../kube/index.js";
import { isConflict, isNotFound } from "../kube/index.js";
import { decodeRelease, encodeRelease } from "./codec.js";
import { type ChooseHeads, customLabels, type Driver, ReleaseExistsError, ReleaseNotFoundError, StorageError, storageLabels } from "./driver.js";
import type { Release } from "./release.js";

interface Holder extends KubeObject {
  data?: Record<string, string>;
  type?: string;
}

abstract class KubeDriver implements Driver {
  abstract readonly name: string;
  protected abstract readonly kind: "Secret" | "ConfigMap";
  /** `namespace` "" reads every namespace (list -A). */
  constructor(
    protected readonly kube: KubeClient,
    readonly namespace: string,
  ) {}

  protected abstract payload(encoded: string): Record<string, string>;
  protected abstract unpayload(data: Record<string, string> | undefined): string;

  private decode(obj: Holder, keepSystemLabels: boolean): Release {
    const r = decodeRelease(this.unpayload(obj.data));
    r.labels = keepSystemLabels ? { ...(obj.metadata.labels ?? {}) } : customLabels(obj.metadata.labels);
    return r;
  }

  private object(key: string, r: Release, labels: Record<string, string>, resourceVersion?: string): Holder {
    const obj: Holder = {
      apiVersion: "v1",
      kind: this.kind,
      metadata: { name: key, namespace: r.namespace || this.namespace, labels, ...(resourceVersion ? { resourceVersion } : {}) },
      data: this.payload(encodeRelease(r)),
    };
    if (this.kind === "Secret") obj.type = "helm.sh/release.v1";
    return obj;
  }

  async get(key: string): Promise<Release> {
    const obj = await this.kube.get<Holder>({ apiVersion: "v1", kind: this.kind, name: key, namespace: this.namespace });
    if (!obj) throw new ReleaseNotFoundError();
    return this.decode(obj, false);
  }

  private async items(selector: string): Promise<Holder[]> {
    return this.kube.list<Holder>("v1", this.kind, this.namespace || undefined, selector);
  }

  async list(filter: (r: Release) => boolean = () => true): Promise<Release[]> {
    const out: Release[] = [];
    for (const item of await this.items("owner=helm")) {
      let r: Release;
      try {
        r = this.decode(item, true);
      } catch {
        continue; // helm skips what it cannot decode, too
      }
      if (filter(r)) out.push(r);
    }
    return out;
  }

  /**
   * The highest revision of every release whose status is in `statuses` (all
   * when absent). Storage labels carry name, version and status, so one
   * metadata-only list picks the revisions, `choose` keeps the ones wanted
   * (list's filter, sort and page), and only those are fetched and decoded:
   * list -A over thousands of revisions decodes one page of releases.
   */
  async listLatest(statuses?: string[], choose?: ChooseHeads): Promise<Release[]> {
    const latest = new Map<string, KubeObject>();
    for (const m of await this.kube.listMetadata("v1", this.kind, this.namespace || undefined, "owner=helm")) {
      const l = m.metadata.labels ?? {};
      const key = `${m.metadata.namespace}/${l.name}`;
      const cur = latest.get(key);
      if (!cur || Number(l.version) > Number(cur.metadata.labels?.version)) latest.set(key, m);
    }
    let heads = [...latest.values()]
      .filter((m) => !statuses || statuses.includes(m.metadata.labels?.status ?? ""))
      .map((m) => {
        const l = m.metadata.labels ?? {};
        return { name: l.name ?? "", namespace: m.metadata.namespace ?? "", version: Number(l.version), status: l.status ?? "", labels: { ...l }, object: m.metadata.name };
      });
    if (choose) heads = choose(heads) as typeof heads;
    if (heads.length === 0) return [];
    const id = (namespace: string | undefined, name: string) => `${namespace}/${name}`;
    const wanted = new Set(heads.map((h) => id(h.namespace, h.object)));
    let items: Holder[];
    if (wanted.size <= 20) {
      const got = await Promise.all(heads.map((h) => this.kube.get<Holder>({ apiVersion: "v1", kind: this.kind, name: h.object, namespace: h.namespace })));
      items = got.filter((x): x is Holder => x !== undefined);
    } else {
      // Only the chosen releases' objects, by name, a hundred names a request (URLs stay short).
      const base = statuses ? `owner=helm,status in (${statuses.join(",")})` : "owner=helm";
      const names = [...new Set(heads.map((h) => h.name))];
      const chunks: string[][] = [];
      for (let i = 0; i < names.length; i += 100) chunks.push(names.slice(i, i + 100));
      const byId = new Map<string, Holder>();
      for (const got of await Promise.all(chunks.map((c) => this.items(`${base},name in (${c.join(",")})`))))
        for (const i of got) if (wanted.has(id(i.metadata.namespace, i.metadata.name))) byId.set(id(i.metadata.namespace, i.metadata.name), i);
      items = heads.map((h) => byId.get(id(h.namespace, h.object))).filter((x): x is Holder => x !== undefined);
    }
    const out: Release[] = [];
    for (const item of items) {
      try {
        out.push(this.decode(item, true));
      } catch {
        // skipped, as helm skips undecodable releases
      }
    }
    return out;
  }

  async query(labels: Record<string, string>): Promise<Release[]> {
    const selector = Object.entries(labels)
      .map(([k, v]) => `${k}=${v}`)
      .join(",");
    const out: Release[] = [];
    for (const item of await this.items(selector)) {
      try {
        out.push(this.decode(item, true));
      } catch {
        // undecodable revisions are skipped, as helm does
      }
    }
    return out;
  }

  async create(key: string, r: Release): Promise<void> {
    try {
      await this.kube.create(this.object(key, r, storageLabels(r, "createdAt")));
    } catch (err) {
      if (isConflict(err)) throw new ReleaseExistsError();
      throw new StorageError(`create: failed to create: ${(err as Error).message}`, { cause: err });
    }
  }

  async update(key: string, r: Release): Promise<void> {
    try {
      await this.kube.replace(this.object(key, r, storageLabels(r, "modifiedAt")));
    } catch (err) {
      if (isNotFound(err)) throw new ReleaseNotFoundError();
      throw new StorageError(`update: failed to update: ${(err as Error).message}`, { cause: err });
    }
  }

  async delete(key: string): Promise<Release> {
    const r = await this.get(key);
    await this.kube.delete({ apiVersion: "v1", kind: this.kind, name: key, namespace: this.namespace });
    return r;
  }
}

export class SecretsDriver extends KubeDriver {
  readonly name = "Secret";
  protected readonly kind = "Secret";
  protected payload(encoded: string): Record<string, string> {
    // Secret data is itself base64 of the bytes helm stores (the encoded string).
    return { release: Buffer.from(encoded).toString("base64") };
  }
  protected unpayload(data: Record<string, string> | undefined): string {
    return Buffer.from(data?.release ?? "", "base64").toString("utf8");
  }
}

export class ConfigMapsDriver extends KubeDriver {
  readonly name = "ConfigMap";
  protected readonly kind = "ConfigMap";
  protected payload(encoded: string): Record<string, string> {
    return { release: encoded };
  }
  protected unpayload(data: Record<string, string> | undefined): string {
    return data?.release ?? "";
  }
}
