// Kinds -> resources from the API server's discovery documents. The
// aggregated form (apidiscovery.k8s.io/v2) costs two requests; servers
// without it get the per-group-version documents. Cached per client and
// dropped after CRDs install, since they add kinds.
import type { Transport } from "./request.js";

export interface ResourceInfo {
  group: string;
  version: string;
  kind: string;
  resource: string;
  namespaced: boolean;
}

export class UnknownKindError extends Error {
  override name = "UnknownKindError";
  readonly userFacing = true;
}

const aggregated = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json";

interface AggResource {
  resource: string;
  responseKind?: { kind: string };
  scope: string;
}
interface AggList {
  kind: string;
  items?: { metadata: { name?: string }; versions: { version: string; resources: AggResource[] }[] }[];
  versions?: string[];
  groups?: { name: string; versions: { groupVersion: string }[] }[];
}
interface ResourceList {
  groupVersion: string;
  resources: { name: string; kind: string; namespaced: boolean }[];
}

export class Discovery {
  private byGvk?: Map<string, ResourceInfo>;
  private groupVersions: string[] = [];
  private loading?: Promise<void>;

  constructor(private readonly t: Transport) {}

  invalidate(): void {
    this.byGvk = undefined;
    this.loading = undefined;
  }

  private async load(): Promise<void> {
    const map = new Map<string, ResourceInfo>();
    const gvs: string[] = [];
    const [core, apis] = await Promise.all([
      this.t.request<AggList>("GET", "/api", { accept: aggregated }),
      this.t.request<AggList>("GET", "/apis", { accept: aggregated }),
    ]);
    const add = (group: string, version: string, kind: string, resource: string, namespaced: boolean) => {
      if (resource.includes("/")) return;
      const key = `${group ? `${group}/` : ""}${version}/${kind}`;
      if (!map.has(key)) map.set(key, { group, version, kind, resource, namespaced });
    };
    const legacy: string[] = [];
    for (const doc of [core, apis]) {
      if (doc.kind === "APIGroupDiscoveryList") {
        for (const g of doc.items ?? []) {
          const group = g.metadata.name ?? "";
          for (const v of g.versions) {
            gvs.push(group ? `${group}/${v.version}` : v.version);
            for (const r of v.resources) if (r.responseKind?.kind) add(group, v.version, r.responseKind.kind, r.resource, r.scope === "Namespaced");
          }
        }
      } else if (doc.kind === "APIVersions") {
        legacy.push(...(doc.versions ?? []));
      } else {
        for (const g of doc.groups ?? []) for (const v of g.versions) legacy.push(v.groupVersion);
      }
    }
    const lists = await Promise.all(
      legacy.map((gv) => this.t.request<ResourceList>("GET", gv.includes("/") ? `/apis/${gv}` : `/api/${gv}`).catch(() => undefined)),
    );
    for (const l of lists) {
      if (!l) continue;
      gvs.push(l.groupVersion);
      const [group, version] = l.groupVersion.includes("/") ? l.groupVersion.split("/") : ["", l.groupVersion];
      for (const r of l.resources) add(group!, version!, r.kind, r.name, r.namespaced);
    }
    this.byGvk = map;
    this.groupVersions = gvs;
  }

  private async ready(): Promise<Map<string, ResourceInfo>> {
    if (!this.byGvk) {
      this.loading ??= this.load();
      await this.loading;
    }
    return this.byGvk!;
  }

  /** The resource serving apiVersion/kind; reloads once when the kind is unknown (a CRD may just have landed). */
  async resourceFor(apiVersion: string, kind: string): Promise<ResourceInfo> {
    const key = `${apiVersion}/${kind}`;
    let info = (await this.ready()).get(key);
    if (!info) {
      this.invalidate();
      info = (await this.ready()).get(key);
    }
    if (!info) {
      throw new UnknownKindError(`resource mapping not found for name: kind "${kind}" in version "${apiVersion}": ensure CRDs are installed first`);
    }
    return info;
  }

  /** helm's GetVersionSet: every group/version and group/version/Kind the server serves. */
  async versionSet(): Promise<string[]> {
    const map = await this.ready();
    return [...new Set([...this.groupVersions, ...map.keys()])];
  }
}
