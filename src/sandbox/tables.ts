// Server-side printing: the `Table` that `kubectl get` asks for, with the
// columns kubectl shows for each kind, and additionalPrinterColumns for CRDs.
import type { ResourceType } from "./kinds.js";

interface Column {
  name: string;
  type: string;
  format?: string;
  priority?: number;
  description?: string;
  cell: (obj: any, now: number) => unknown;
}

/** kubectl's duration style: 45s, 5m10s, 3h, 2d5h, 120d. */
export function humanAge(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 120) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 10) return s % 60 === 0 ? `${m}m` : `${m}m${s % 60}s`;
  if (m < 180) return `${m}m`;
  const h = Math.floor(m / 60);
  if (h < 8) return m % 60 === 0 ? `${h}h` : `${h}h${m % 60}m`;
  if (h < 48) return `${h}h`;
  const d = Math.floor(h / 24);
  if (d < 8) return h % 24 === 0 ? `${d}d` : `${d}d${h % 24}h`;
  if (d < 365 * 2) return `${d}d`;
  const y = Math.floor(d / 365);
  return d % 365 === 0 || y >= 8 ? `${y}y` : `${y}y${d % 365}d`;
}

const since = (t: string | undefined, now: number) => (t ? humanAge(now - Date.parse(t)) : "<unknown>");
const name: Column = { name: "Name", type: "string", format: "name", cell: (o) => o.metadata.name };
const age: Column = { name: "Age", type: "string", cell: (o, now) => since(o.metadata.creationTimestamp, now) };
const str = (n: string, f: (o: any) => unknown, priority = 0): Column => ({ name: n, type: "string", priority, cell: f });
const int = (n: string, f: (o: any) => unknown): Column => ({ name: n, type: "integer", cell: (o) => Number(f(o) ?? 0) });
const count = (o: any, k: string) => Object.keys(o[k] ?? {}).length;

function podStatus(p: any): string {
  if (p.metadata.deletionTimestamp) return "Terminating";
  for (const c of p.status?.initContainerStatuses ?? []) {
    if (c.state?.waiting?.reason && c.state.waiting.reason !== "PodInitializing") return `Init:${c.state.waiting.reason}`;
  }
  let reason = p.status?.reason ?? p.status?.phase ?? "Pending";
  for (const c of p.status?.containerStatuses ?? []) {
    if (c.state?.waiting?.reason) reason = c.state.waiting.reason;
    else if (c.state?.terminated?.reason) reason = c.state.terminated.reason;
  }
  return reason;
}

function servicePorts(s: any): string {
  const ports = (s.spec?.ports ?? []).map((p: any) => `${p.port}${p.nodePort ? `:${p.nodePort}` : ""}/${p.protocol ?? "TCP"}`);
  return ports.length ? ports.join(",") : "<none>";
}

function jobStatus(j: any): string {
  const conds: any[] = j.status?.conditions ?? [];
  if (conds.some((c) => c.type === "Complete" && c.status === "True")) return "Complete";
  if (conds.some((c) => c.type === "Failed" && c.status === "True")) return "Failed";
  if (j.metadata.deletionTimestamp) return "Terminating";
  return "Running";
}

const COLUMNS: Record<string, Column[]> = {
  Pod: [
    name,
    str("Ready", (p) => `${(p.status?.containerStatuses ?? []).filter((c: any) => c.ready).length}/${(p.spec?.containers ?? []).length}`),
    str("Status", podStatus),
    int("Restarts", (p) => (p.status?.containerStatuses ?? []).reduce((n: number, c: any) => n + (c.restartCount ?? 0), 0)),
    age,
    str("IP", (p) => p.status?.podIP ?? "<none>", 1),
    str("Node", (p) => p.spec?.nodeName ?? "<none>", 1),
  ],
  Deployment: [
    name,
    str("Ready", (d) => `${d.status?.readyReplicas ?? 0}/${d.spec?.replicas ?? 0}`),
    int("Up-to-date", (d) => d.status?.updatedReplicas),
    int("Available", (d) => d.status?.availableReplicas),
    age,
  ],
  ReplicaSet: [name, int("Desired", (r) => r.spec?.replicas), int("Current", (r) => r.status?.replicas), int("Ready", (r) => r.status?.readyReplicas), age],
  StatefulSet: [name, str("Ready", (s) => `${s.status?.readyReplicas ?? 0}/${s.spec?.replicas ?? 0}`), age],
  DaemonSet: [
    name,
    int("Desired", (d) => d.status?.desiredNumberScheduled),
    int("Current", (d) => d.status?.currentNumberScheduled),
    int("Ready", (d) => d.status?.numberReady),
    int("Up-to-date", (d) => d.status?.updatedNumberScheduled),
    int("Available", (d) => d.status?.numberAvailable),
    str("Node Selector", (d) => Object.entries(d.spec?.template?.spec?.nodeSelector ?? {}).map(([k, v]) => `${k}=${v}`).join(",") || "<none>"),
    age,
  ],
  Job: [
    name,
    str("Status", jobStatus),
    str("Completions", (j) => `${j.status?.succeeded ?? 0}/${j.spec?.completions ?? 1}`),
    str("Duration", (j) => (j.status?.startTime ? humanAge((j.status.completionTime ? Date.parse(j.status.completionTime) : Date.now()) - Date.parse(j.status.startTime)) : "")),
    age,
  ],
  CronJob: [
    name,
    str("Schedule", (c) => c.spec?.schedule),
    str("Timezone", (c) => c.spec?.timeZone ?? "<none>"),
    str("Suspend", (c) => (c.spec?.suspend ? "True" : "False")),
    int("Active", (c) => (c.status?.active ?? []).length),
    str("Last Schedule", (c) => (c.status?.lastScheduleTime ? humanAge(Date.now() - Date.parse(c.status.lastScheduleTime)) : "<none>")),
    age,
  ],
  Service: [
    name,
    str("Type", (s) => s.spec?.type),
    str("Cluster-IP", (s) => s.spec?.clusterIP ?? "<none>"),
    str("External-IP", (s) => {
      const lb = (s.status?.loadBalancer?.ingress ?? []).map((i: any) => i.ip ?? i.hostname);
      const ips = [...(s.spec?.externalIPs ?? []), ...lb];
      return ips.length ? ips.join(",") : s.spec?.type === "LoadBalancer" ? "<pending>" : "<none>";
    }),
    str("Port(s)", servicePorts),
    age,
  ],
  ConfigMap: [name, int("Data", (c) => count(c, "data") + count(c, "binaryData")), age],
  Secret: [name, str("Type", (s) => s.type), int("Data", (s) => count(s, "data")), age],
  ServiceAccount: [name, int("Secrets", (s) => (s.secrets ?? []).length), age],
  Namespace: [name, str("Status", (n) => n.status?.phase), age],
  Node: [name, str("Status", () => "Ready"), str("Roles", () => "<none>"), age, str("Version", (n) => n.status?.nodeInfo?.kubeletVersion ?? "")],
  PersistentVolumeClaim: [
    name,
    str("Status", (p) => p.status?.phase ?? "Pending"),
    str("Volume", (p) => p.spec?.volumeName ?? ""),
    str("Capacity", (p) => p.status?.capacity?.storage ?? ""),
    str("Access Modes", (p) => (p.spec?.accessModes ?? []).map((m: string) => ({ ReadWriteOnce: "RWO", ReadOnlyMany: "ROX", ReadWriteMany: "RWX", ReadWriteOncePod: "RWOP" })[m] ?? m).join(",")),
    str("StorageClass", (p) => p.spec?.storageClassName ?? "<unset>"),
    age,
  ],
  Event: [
    str("Last Seen", (e) => (e.lastTimestamp || e.eventTime ? humanAge(Date.now() - Date.parse(e.lastTimestamp ?? e.eventTime)) : "<unknown>")),
    str("Type", (e) => e.type),
    str("Reason", (e) => e.reason),
    str("Object", (e) => `${String(e.involvedObject?.kind ?? "").toLowerCase()}/${e.involvedObject?.name ?? ""}`),
    str("Message", (e) => e.message ?? e.note),
  ],
  CustomResourceDefinition: [name, str("Created At", (c) => c.metadata.creationTimestamp)],
  Ingress: [
    name,
    str("Class", (i) => i.spec?.ingressClassName ?? "<none>"),
    str("Hosts", (i) => (i.spec?.rules ?? []).map((r: any) => r.host ?? "*").join(",") || "*"),
    str("Address", (i) => (i.status?.loadBalancer?.ingress ?? []).map((x: any) => x.ip ?? x.hostname).join(",")),
    str("Ports", (i) => (i.spec?.tls?.length ? "80, 443" : "80")),
    age,
  ],
  HorizontalPodAutoscaler: [
    name,
    str("Reference", (h) => `${h.spec?.scaleTargetRef?.kind}/${h.spec?.scaleTargetRef?.name}`),
    str("Targets", () => "<unknown>"),
    int("MinPods", (h) => h.spec?.minReplicas ?? 1),
    int("MaxPods", (h) => h.spec?.maxReplicas),
    int("Replicas", (h) => h.status?.currentReplicas),
    age,
  ],
};

function jsonPathCell(obj: any, path: string): unknown {
  let cur = obj;
  for (const part of path.replace(/^\{?\./, "").replace(/\}$/, "").split(".")) {
    if (part === "") continue;
    const m = /^([^[]*)(?:\[(\d+)\])?$/.exec(part);
    if (!m || cur == null) return undefined;
    cur = m[1] ? cur[m[1]] : cur;
    if (m[2] !== undefined) cur = Array.isArray(cur) ? cur[Number(m[2])] : undefined;
  }
  return cur;
}

function columnsFor(rt: ResourceType): Column[] {
  if (rt.crd) {
    const extra = rt.crd.printerColumns.map<Column>((c) => ({
      name: c.name,
      type: c.type,
      format: c.format,
      priority: c.priority ?? 0,
      description: c.description,
      cell: (o, now) => {
        const v = jsonPathCell(o, c.jsonPath);
        if (c.type === "date") return typeof v === "string" ? humanAge(now - Date.parse(v)) : "<unknown>";
        return v ?? null;
      },
    }));
    return extra.some((c) => c.name === "Age") ? [name, ...extra] : [name, ...extra, age];
  }
  return COLUMNS[rt.kind] ?? [name, age];
}

export type IncludeObject = "None" | "Metadata" | "Object";

export function toTable(rt: ResourceType, items: any[], include: IncludeObject, meta: Record<string, unknown>, headers = true): any {
  const cols = columnsFor(rt);
  const now = Date.now();
  return {
    kind: "Table",
    apiVersion: "meta.k8s.io/v1",
    metadata: meta,
    columnDefinitions: headers
      ? cols.map((c) => ({ name: c.name, type: c.type, format: c.format ?? "", description: c.description ?? c.name, priority: c.priority ?? 0 }))
      : [],
    rows: items.map((o) => ({
      cells: cols.map((c) => c.cell(o, now)),
      object:
        include === "Object"
          ? o
          : include === "Metadata"
            ? { kind: "PartialObjectMetadata", apiVersion: "meta.k8s.io/v1", metadata: o.metadata }
            : undefined,
    })),
  };
}
