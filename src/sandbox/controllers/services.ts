// Services: Endpoints and an EndpointSlice listing the selected pods (ready
// ones as addresses, the rest as not ready), and an ingress address for type
// LoadBalancer, which helm's --wait insists on.
import type { Ctx } from "./context.js";
import type { KubeObject } from "./host.js";
import { keyOf, matchesSelector, ownerRef, sameJSON } from "./objects.js";
import { isPodReady } from "./workload.js";

const MANAGED_BY = "endpointslice-controller.k8s.io";

interface ServicePort {
  name?: string;
  port: number;
  targetPort?: number | string;
  protocol?: string;
  appProtocol?: string;
}

/** The pod port a service port reaches: a number as is, a name looked up among the pod's container ports. */
function targetPort(sp: ServicePort, pod: KubeObject): number | undefined {
  const t = sp.targetPort ?? sp.port;
  if (typeof t === "number") return t;
  if (/^\d+$/.test(t)) return Number(t);
  for (const c of pod.spec?.containers ?? []) for (const p of c.ports ?? []) if (p.name === t) return p.containerPort;
  return undefined;
}

function selected(svc: KubeObject, pods: KubeObject[]): KubeObject[] {
  const sel = svc.spec?.selector as Record<string, string> | undefined;
  return pods
    .filter((p) => matchesSelector({ matchLabels: sel }, p.metadata.labels) && p.status?.podIP && !p.metadata.deletionTimestamp)
    .filter((p) => p.status?.phase !== "Succeeded" && p.status?.phase !== "Failed")
    .sort((a, b) => (a.metadata.name! < b.metadata.name! ? -1 : 1));
}

const targetRef = (p: KubeObject) => ({ kind: "Pod", name: p.metadata.name, namespace: p.metadata.namespace, uid: p.metadata.uid });

export async function reconcileService(ctx: Ctx, namespace: string, name: string): Promise<void> {
  const { host } = ctx;
  const svc = await host.get("v1", "Service", namespace, name);
  if (!svc) {
    // The Endpoints object shares the Service's name and has no owner: remove it with the Service.
    if (await host.get("v1", "Endpoints", namespace, name)) await host.delete("v1", "Endpoints", namespace, name);
    return;
  }
  if (svc.metadata.deletionTimestamp) return;
  if (svc.spec?.type === "LoadBalancer" && !svc.status?.loadBalancer?.ingress?.length) {
    const last = Number(String(svc.spec?.clusterIP ?? "0").split(".").pop()) || 1;
    await host.updateStatus({ ...svc, status: { ...(svc.status ?? {}), loadBalancer: { ingress: [{ ip: `172.18.255.${last % 250 + 2}`, ipMode: "VIP" }] } } });
  }
  const sel = svc.spec?.selector as Record<string, string> | undefined;
  if (!sel || Object.keys(sel).length === 0) return;
  const pods = selected(svc, await host.list("v1", "Pod", namespace));
  const ports = (svc.spec?.ports ?? []) as ServicePort[];
  await syncEndpoints(ctx, svc, pods, ports);
  await syncSlice(ctx, svc, pods, ports);
}

async function syncEndpoints(ctx: Ctx, svc: KubeObject, pods: KubeObject[], ports: ServicePort[]): Promise<void> {
  // One subset per distinct set of resolved ports, as the endpoints controller groups them.
  const subsets = new Map<string, { addresses: unknown[]; notReadyAddresses: unknown[]; ports: unknown[] }>();
  for (const p of pods) {
    const resolved = ports.map((sp) => ({ ...(sp.name ? { name: sp.name } : {}), port: targetPort(sp, p), protocol: sp.protocol ?? "TCP" })).filter((x) => x.port !== undefined);
    if (resolved.length !== ports.length) continue;
    const key = JSON.stringify(resolved);
    const subset = subsets.get(key) ?? { addresses: [], notReadyAddresses: [], ports: resolved };
    // A StatefulSet pod under its governing (headless) Service is addressed by hostname too.
    const hostname = p.spec?.hostname && p.spec?.subdomain === svc.metadata.name ? { hostname: p.spec.hostname } : {};
    const addr = { ip: p.status.podIP, ...hostname, nodeName: p.spec?.nodeName, targetRef: targetRef(p) };
    (isPodReady(p) || svc.spec?.publishNotReadyAddresses ? subset.addresses : subset.notReadyAddresses).push(addr);
    subsets.set(key, subset);
  }
  const list = [...subsets.values()].map((s) => ({
    ...(s.addresses.length ? { addresses: s.addresses } : {}),
    ...(s.notReadyAddresses.length ? { notReadyAddresses: s.notReadyAddresses } : {}),
    ports: s.ports,
  }));
  const ns = svc.metadata.namespace;
  const name = svc.metadata.name!;
  const existing = await ctx.host.get("v1", "Endpoints", ns, name);
  const labels = { ...(svc.metadata.labels ?? {}), "endpoints.kubernetes.io/managed-by": "endpoint-controller" };
  if (!existing) {
    await ctx.host.create({ apiVersion: "v1", kind: "Endpoints", metadata: { name, namespace: ns, labels }, ...(list.length ? { subsets: list } : {}) });
  } else if (!sameJSON(existing.subsets ?? [], list)) {
    const next: KubeObject = { ...existing, metadata: { ...existing.metadata, labels } };
    if (list.length) next.subsets = list;
    else delete next.subsets;
    await ctx.host.update(next);
  }
}

async function syncSlice(ctx: Ctx, svc: KubeObject, pods: KubeObject[], ports: ServicePort[]): Promise<void> {
  const ns = svc.metadata.namespace;
  const name = svc.metadata.name!;
  const endpoints = pods.map((p) => {
    const ready = isPodReady(p) || Boolean(svc.spec?.publishNotReadyAddresses);
    const hostname = p.spec?.hostname && p.spec?.subdomain === name ? { hostname: p.spec.hostname } : {};
    return { addresses: [p.status.podIP], conditions: { ready, serving: ready, terminating: false }, ...hostname, nodeName: p.spec?.nodeName, targetRef: targetRef(p) };
  });
  const slicePorts = ports.map((sp) => ({ ...(sp.name ? { name: sp.name } : { name: "" }), port: pods[0] ? targetPort(sp, pods[0]) : typeof sp.targetPort === "number" ? sp.targetPort : sp.port, protocol: sp.protocol ?? "TCP" }));
  const slices = (await ctx.host.list("discovery.k8s.io/v1", "EndpointSlice", ns)).filter(
    (s) => s.metadata.labels?.["kubernetes.io/service-name"] === name && s.metadata.labels?.["endpointslice.kubernetes.io/managed-by"] === MANAGED_BY,
  );
  const body = { addressType: "IPv4", endpoints, ports: slicePorts };
  const [slice] = slices;
  if (!slice) {
    await ctx.host.create({
      apiVersion: "discovery.k8s.io/v1",
      kind: "EndpointSlice",
      metadata: {
        generateName: `${name}-`,
        namespace: ns,
        labels: { ...(svc.metadata.labels ?? {}), "kubernetes.io/service-name": name, "endpointslice.kubernetes.io/managed-by": MANAGED_BY },
        ownerReferences: [ownerRef(svc)],
      },
      ...body,
    });
  } else if (!sameJSON({ addressType: slice.addressType, endpoints: slice.endpoints ?? [], ports: slice.ports ?? [] }, body)) {
    await ctx.host.update({ ...slice, ...body });
  }
}

/** Services in a namespace whose endpoints a pod change may alter. */
export async function servicesSelecting(ctx: Ctx, pod: KubeObject): Promise<string[]> {
  const services = await ctx.host.list("v1", "Service", pod.metadata.namespace);
  return services
    .filter((s) => s.spec?.selector && Object.keys(s.spec.selector).length > 0 && matchesSelector({ matchLabels: s.spec.selector }, pod.metadata.labels))
    .map((s) => keyOf("Service", s.metadata.namespace, s.metadata.name!));
}
