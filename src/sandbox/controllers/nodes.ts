// The simulated Nodes: created once at start-up so the scheduler stand-in and
// the DaemonSet controller have somewhere to put pods, and so `kubectl get
// nodes` shows a Ready cluster.
import type { Ctx } from "./context.js";
import type { KubeObject } from "./host.js";

export function nodeIP(ctx: Ctx, nodeName: string): string {
  const i = Math.max(0, ctx.opts.nodes.indexOf(nodeName));
  return `172.18.${(i + 2) >> 8}.${(i + 2) & 255}`;
}

function nodeObject(ctx: Ctx, name: string): KubeObject {
  const stamp = ctx.stamp();
  const cond = (type: string, status: string, reason: string, message: string) => ({
    type,
    status,
    reason,
    message,
    lastHeartbeatTime: stamp,
    lastTransitionTime: stamp,
  });
  return {
    apiVersion: "v1",
    kind: "Node",
    metadata: {
      name,
      labels: {
        "kubernetes.io/hostname": name,
        "kubernetes.io/os": "linux",
        "kubernetes.io/arch": "amd64",
        "beta.kubernetes.io/os": "linux",
        "beta.kubernetes.io/arch": "amd64",
        "node-role.kubernetes.io/control-plane": "",
      },
    },
    spec: { podCIDR: `10.244.${ctx.opts.nodes.indexOf(name)}.0/24` },
    status: {
      capacity: { cpu: "2", memory: "8Gi", pods: "110", "ephemeral-storage": "100Gi" },
      allocatable: { cpu: "2", memory: "8Gi", pods: "110", "ephemeral-storage": "100Gi" },
      conditions: [
        cond("MemoryPressure", "False", "KubeletHasSufficientMemory", "kubelet has sufficient memory available"),
        cond("DiskPressure", "False", "KubeletHasNoDiskPressure", "kubelet has no disk pressure"),
        cond("PIDPressure", "False", "KubeletHasSufficientPID", "kubelet has sufficient PID available"),
        cond("Ready", "True", "KubeletReady", "kubelet is posting ready status"),
      ],
      addresses: [
        { type: "InternalIP", address: nodeIP(ctx, name) },
        { type: "Hostname", address: name },
      ],
      nodeInfo: {
        architecture: "amd64",
        operatingSystem: "linux",
        osImage: "Chartroom sandbox",
        kernelVersion: "6.1.0",
        containerRuntimeVersion: "containerd://1.7.0",
        kubeletVersion: ctx.opts.kubeletVersion,
        kubeProxyVersion: ctx.opts.kubeletVersion,
        machineID: "",
        systemUUID: "",
        bootID: "",
      },
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
    },
  };
}

/** Creates the configured Nodes that do not exist yet and marks them Ready. */
export async function ensureNodes(ctx: Ctx): Promise<void> {
  for (const name of ctx.opts.nodes) {
    const existing = await ctx.host.get("v1", "Node", undefined, name);
    if (existing) continue;
    const want = nodeObject(ctx, name);
    const created = await ctx.host.create(want);
    // The store may drop status on create, as a real API server does; set it through the subresource.
    if (!created.status?.conditions) await ctx.host.updateStatus({ ...created, status: want.status });
  }
}

/** Nodes that pods may land on: the configured ones that still exist and are not cordoned. */
export async function schedulableNodes(ctx: Ctx): Promise<KubeObject[]> {
  const nodes = await ctx.host.list("v1", "Node");
  return nodes.filter((n) => !n.spec?.unschedulable);
}
