import { afterEach, describe, expect, it } from "vitest";
import type { KubeObject } from "../../../src/sandbox/controllers/host.js";
import { type Harness, startHarness } from "./fake-host.js";

let h: Harness;
afterEach(() => {
  h?.handle.stop();
  // A reconcile that threw is retried silently in production; in tests it is a bug.
  expect(h?.errors ?? []).toEqual([]);
});

const ready = (p: KubeObject) => p.status?.conditions?.some((c: { type: string; status: string }) => c.type === "Ready" && c.status === "True");

function statefulSet(name: string, image: string, replicas: number, extra: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: "apps/v1",
    kind: "StatefulSet",
    metadata: { name, namespace: "default" },
    spec: {
      replicas,
      serviceName: name,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: "db", image }] } },
      ...extra,
    },
  };
}

function daemonSet(name: string, image: string, nodeSelector?: Record<string, string>): KubeObject {
  return {
    apiVersion: "apps/v1",
    kind: "DaemonSet",
    metadata: { name, namespace: "default" },
    spec: {
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: "agent", image }], ...(nodeSelector ? { nodeSelector } : {}) } },
    },
  };
}

describe("StatefulSet controller", () => {
  it("creates pods in order, each after the previous is Ready", async () => {
    h = await startHarness();
    const order: { name: string; readyBefore: string[] }[] = [];
    h.host.subscribe((ev) => {
      if (ev.type === "ADDED" && ev.object.kind === "Pod") order.push({ name: ev.object.metadata.name!, readyBefore: h.pods().filter(ready).map((p) => p.metadata.name!) });
    });
    h.host.create(statefulSet("db", "postgres", 3));
    await h.advance(5000);
    expect(order.map((o) => o.name)).toEqual(["db-0", "db-1", "db-2"]);
    expect(order[1].readyBefore).toEqual(["db-0"]);
    expect(order[2].readyBefore.sort()).toEqual(["db-0", "db-1"]);
    const sts = h.get("StatefulSet", "db");
    expect(sts.status).toMatchObject({ observedGeneration: 1, replicas: 3, readyReplicas: 3, currentReplicas: 3, updatedReplicas: 3, availableReplicas: 3 });
    expect(sts.status.currentRevision).toBe(sts.status.updateRevision);
    expect(sts.status.updateRevision).toMatch(/^db-[a-z0-9]+$/);
    const p0 = h.get("Pod", "db-0");
    expect(p0.metadata.labels).toMatchObject({ "statefulset.kubernetes.io/pod-name": "db-0", "controller-revision-hash": sts.status.updateRevision, "apps.kubernetes.io/pod-index": "0" });
    expect(p0.spec).toMatchObject({ hostname: "db-0", subdomain: "db" });
  });

  it("creates and binds claims from volumeClaimTemplates", async () => {
    h = await startHarness();
    const claim = { metadata: { name: "data" }, spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "1Gi" } } } };
    h.host.create(statefulSet("db", "postgres", 2, { volumeClaimTemplates: [claim] }));
    await h.advance(3000);
    const pvcs = h.host.list("v1", "PersistentVolumeClaim", "default").map((c) => [c.metadata.name, c.status?.phase, c.status?.capacity?.storage]);
    expect(pvcs.sort()).toEqual([
      ["data-db-0", "Bound", "1Gi"],
      ["data-db-1", "Bound", "1Gi"],
    ]);
    expect(h.get("Pod", "db-1").spec.volumes).toEqual([{ name: "data", persistentVolumeClaim: { claimName: "data-db-1" } }]);
  });

  it("rolls an update from the highest ordinal down, one pod at a time", async () => {
    h = await startHarness();
    h.host.create(statefulSet("db", "postgres:15", 3));
    await h.advance(5000);
    const deleted: string[] = [];
    let mostDown = 0;
    h.host.subscribe((ev) => {
      if (ev.type === "DELETED" && ev.object.kind === "Pod") deleted.push(ev.object.metadata.name!);
      mostDown = Math.max(mostDown, 3 - h.pods().filter(ready).length);
    });
    const sts = h.get("StatefulSet", "db");
    const before = sts.status.currentRevision;
    sts.spec.template.spec.containers[0].image = "postgres:16";
    h.host.update(sts);
    // Each pod takes 350 ms to become Ready with the default delays.
    await h.advance(200);
    expect(h.get("StatefulSet", "db").status).toMatchObject({ currentRevision: before, updatedReplicas: 1 });
    await h.advance(6000);
    expect(deleted).toEqual(["db-2", "db-1", "db-0"]);
    expect(mostDown).toBe(1);
    const done = h.get("StatefulSet", "db");
    expect(done.status.currentRevision).toBe(done.status.updateRevision);
    expect(done.status.currentRevision).not.toBe(before);
    expect(h.pods().map((p) => p.spec.containers[0].image)).toEqual(["postgres:16", "postgres:16", "postgres:16"]);
  });

  it("scales down from the highest ordinal", async () => {
    h = await startHarness();
    h.host.create(statefulSet("db", "postgres", 3));
    await h.advance(5000);
    const sts = h.get("StatefulSet", "db");
    sts.spec.replicas = 1;
    h.host.update(sts);
    await h.advance(2000);
    expect(h.pods().map((p) => p.metadata.name)).toEqual(["db-0"]);
    expect(h.get("StatefulSet", "db").status).toMatchObject({ replicas: 1, readyReplicas: 1, observedGeneration: 2 });
  });
});

describe("DaemonSet controller", () => {
  it("runs one pod per node and reports the node counts", async () => {
    h = await startHarness({ nodes: ["node-a", "node-b", "node-c"] });
    h.host.create(daemonSet("agent", "fluentd"));
    await h.advance(2000);
    expect(h.host.list("v1", "Node").map((n) => n.metadata.name)).toEqual(["node-a", "node-b", "node-c"]);
    expect(h.pods().map((p) => p.spec.nodeName).sort()).toEqual(["node-a", "node-b", "node-c"]);
    expect(h.get("DaemonSet", "agent").status).toMatchObject({
      desiredNumberScheduled: 3,
      currentNumberScheduled: 3,
      numberReady: 3,
      updatedNumberScheduled: 3,
      numberAvailable: 3,
      numberMisscheduled: 0,
      observedGeneration: 1,
    });
  });

  it("honours nodeSelector and follows nodes that join", async () => {
    h = await startHarness({ nodes: ["node-a", "node-b"] });
    const a = h.get("Node", "node-a");
    a.metadata.labels = { ...a.metadata.labels, disk: "ssd" };
    h.host.update(a);
    h.host.create(daemonSet("agent", "fluentd", { disk: "ssd" }));
    await h.advance(2000);
    expect(h.pods().map((p) => p.spec.nodeName)).toEqual(["node-a"]);
    h.host.create({ apiVersion: "v1", kind: "Node", metadata: { name: "node-c", labels: { disk: "ssd" } } });
    await h.advance(2000);
    expect(h.pods().map((p) => p.spec.nodeName).sort()).toEqual(["node-a", "node-c"]);
    expect(h.get("DaemonSet", "agent").status.desiredNumberScheduled).toBe(2);
  });

  it("replaces pods node by node on a template change", async () => {
    h = await startHarness({ nodes: ["node-a", "node-b", "node-c"] });
    h.host.create(daemonSet("agent", "fluentd:1"));
    await h.advance(2000);
    let mostDown = 0;
    h.host.subscribe(() => {
      mostDown = Math.max(mostDown, 3 - h.pods().filter(ready).length);
    });
    const ds = h.get("DaemonSet", "agent");
    ds.spec.template.spec.containers[0].image = "fluentd:2";
    h.host.update(ds);
    await h.advance(5000);
    expect(mostDown).toBe(1);
    expect(h.pods().map((p) => p.spec.containers[0].image)).toEqual(["fluentd:2", "fluentd:2", "fluentd:2"]);
    expect(h.get("DaemonSet", "agent").status).toMatchObject({ updatedNumberScheduled: 3, numberAvailable: 3, observedGeneration: 2 });
  });
});

describe("ControllerRevisions", () => {
  it("record each StatefulSet template, renumber on rollback, and keep pods below the partition at the current revision", async () => {
    h = await startHarness();
    h.host.create(statefulSet("db", "postgres:15", 2));
    await h.advance(3000);
    const revisions = () =>
      h.host
        .list("apps/v1", "ControllerRevision", "default")
        .map((r) => [r.revision, (r.data as any).spec.template.spec.containers[0].image, (r.data as any).spec.template.$patch])
        .sort();
    expect(revisions()).toEqual([[1, "postgres:15", "replace"]]);
    let sts = h.get("StatefulSet", "db");
    sts.spec.updateStrategy = { type: "RollingUpdate", rollingUpdate: { partition: 1 } };
    sts.spec.template.spec.containers[0].image = "postgres:16";
    h.host.update(sts);
    await h.advance(3000);
    expect(revisions()).toEqual([
      [1, "postgres:15", "replace"],
      [2, "postgres:16", "replace"],
    ]);
    expect(h.pods().map((p) => p.spec.containers[0].image)).toEqual(["postgres:15", "postgres:16"]);
    // A pod below the partition that is deleted comes back from the current revision.
    h.host.delete("v1", "Pod", "default", "db-0");
    await h.advance(2000);
    expect(h.get("Pod", "db-0").spec.containers[0].image).toBe("postgres:15");
    sts = h.get("StatefulSet", "db");
    expect(sts.status).toMatchObject({ currentReplicas: 1, updatedReplicas: 1, readyReplicas: 2 });
    sts.spec.template.spec.containers[0].image = "postgres:15";
    sts.spec.updateStrategy = { type: "RollingUpdate" };
    h.host.update(sts);
    await h.advance(3000);
    expect(revisions()).toEqual([
      [2, "postgres:16", "replace"],
      [3, "postgres:15", "replace"],
    ]);
    sts = h.get("StatefulSet", "db");
    expect(sts.status.currentRevision).toBe(sts.status.updateRevision);
  });
});
