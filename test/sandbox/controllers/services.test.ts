import { afterEach, describe, expect, it } from "vitest";
import type { KubeObject } from "../../../src/sandbox/controllers/host.js";
import { deployment, type Harness, startHarness } from "./fake-host.js";

let h: Harness;
afterEach(() => {
  h?.handle.stop();
  // A reconcile that threw is retried silently in production; in tests it is a bug.
  expect(h?.errors ?? []).toEqual([]);
});

function service(name: string, selector: Record<string, string>, extra: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: "v1",
    kind: "Service",
    metadata: { name, namespace: "default" },
    spec: { selector, clusterIP: "10.96.0.20", ports: [{ name: "http", port: 80, targetPort: "web" }], ...extra },
  };
}

describe("Service endpoints", () => {
  it("lists ready pods as addresses and the rest as not ready, resolving named target ports", async () => {
    h = await startHarness();
    const d = deployment("web", "nginx", 2);
    d.spec.template.spec.containers[0].ports = [{ name: "web", containerPort: 8080 }];
    h.host.create(d);
    h.host.create(service("web", { app: "web" }));
    await h.advance(250);
    let ep: any = h.get("Endpoints", "web");
    expect(ep.subsets[0].notReadyAddresses).toHaveLength(2);
    expect(ep.subsets[0].addresses).toBeUndefined();
    expect(ep.subsets[0].ports).toEqual([{ name: "http", port: 8080, protocol: "TCP" }]);
    await h.advance(2000);
    ep = h.get("Endpoints", "web");
    const ips = h.pods().map((p) => p.status.podIP).sort();
    expect(ep.subsets[0].addresses.map((a: { ip: string }) => a.ip).sort()).toEqual(ips);
    expect(ep.subsets[0].notReadyAddresses).toBeUndefined();
    const [slice]: any[] = h.host.list("discovery.k8s.io/v1", "EndpointSlice", "default");
    expect(slice.metadata.labels?.["kubernetes.io/service-name"]).toBe("web");
    expect(slice.metadata.ownerReferences?.[0]).toMatchObject({ kind: "Service", name: "web" });
    expect(slice.endpoints.map((e: { conditions: { ready: boolean } }) => e.conditions.ready)).toEqual([true, true]);
    expect(slice.ports).toEqual([{ name: "http", port: 8080, protocol: "TCP" }]);
  });

  it("gives a LoadBalancer Service an ingress address and drops Endpoints with the Service", async () => {
    h = await startHarness();
    h.host.create(service("lb", { app: "none" }, { type: "LoadBalancer" }));
    await h.advance(100);
    expect(h.get("Service", "lb").status.loadBalancer.ingress[0].ip).toMatch(/^172\.18\.255\.\d+$/);
    expect(h.get("Endpoints", "lb").subsets).toBeUndefined();
    h.host.delete("v1", "Service", "default", "lb");
    await h.advance(100);
    expect(h.host.get("v1", "Endpoints", "default", "lb")).toBeUndefined();
  });
});

describe("headless Services of StatefulSets", () => {
  it("address pods by hostname, and publishNotReadyAddresses lists them before they are ready", async () => {
    h = await startHarness();
    h.host.create(service("db", { app: "db" }, { clusterIP: "None", publishNotReadyAddresses: true, ports: [{ port: 5432 }] }));
    h.host.create({
      apiVersion: "apps/v1",
      kind: "StatefulSet",
      metadata: { name: "db", namespace: "default" },
      spec: { serviceName: "db", replicas: 1, selector: { matchLabels: { app: "db" } }, template: { metadata: { labels: { app: "db" } }, spec: { containers: [{ name: "db", image: "postgres" }] } } },
    });
    await h.advance(250);
    const ep: any = h.get("Endpoints", "db");
    expect(h.get("Pod", "db-0").status.conditions.find((c: { type: string }) => c.type === "Ready").status).toBe("False");
    expect(ep.subsets[0].addresses).toEqual([expect.objectContaining({ hostname: "db-0", ip: h.get("Pod", "db-0").status.podIP })]);
    expect(ep.subsets[0].ports).toEqual([{ port: 5432, protocol: "TCP" }]);
  });
});
