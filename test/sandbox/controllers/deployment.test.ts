import { afterEach, describe, expect, it } from "vitest";
import { fenceposts } from "../../../src/sandbox/controllers/deployment-status.js";
import type { KubeObject } from "../../../src/sandbox/controllers/host.js";
import { deployment, type Harness, startHarness } from "./fake-host.js";

let h: Harness;
afterEach(() => {
  h?.handle.stop();
  // A reconcile that threw is retried silently in production; in tests it is a bug.
  expect(h?.errors ?? []).toEqual([]);
});

const cond = (o: KubeObject, type: string) => o.status?.conditions?.find((c: { type: string }) => c.type === type);
const replicaSets = (h: Harness) => h.host.list("apps/v1", "ReplicaSet", "default");
const readyPods = (h: Harness) => h.pods().filter((p) => cond(p, "Ready")?.status === "True");

describe("fenceposts", () => {
  it.each([
    [10, "25%", "25%", 3, 2],
    [1, "25%", "25%", 1, 0],
    [4, 1, 0, 1, 0],
    [3, 0, 0, 0, 1],
    [5, "50%", "50%", 3, 2],
  ])("replicas %i surge %s unavailable %s -> %i/%i", (replicas, maxSurge, maxUnavailable, surge, unavailable) => {
    const d = deployment("x", "nginx", replicas, { strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge, maxUnavailable } } });
    expect(fenceposts(d)).toEqual({ surge, unavailable });
  });
});

describe("Deployment controller", () => {
  it("creates a ReplicaSet and pods and reports a completed rollout", async () => {
    h = await startHarness();
    h.host.create(deployment("web", "nginx:1.25", 3));
    await h.advance(2000);
    const [rs] = replicaSets(h);
    const hash = rs.metadata.labels?.["pod-template-hash"];
    expect(hash).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]{6,10}$/);
    expect(rs.metadata.name).toBe(`web-${hash}`);
    expect(rs.metadata.ownerReferences?.[0]).toMatchObject({ kind: "Deployment", name: "web", controller: true, blockOwnerDeletion: true });
    expect(rs.spec.selector.matchLabels).toEqual({ app: "web", "pod-template-hash": hash });
    expect(readyPods(h)).toHaveLength(3);
    for (const p of h.pods()) expect(p.metadata.labels).toEqual({ app: "web", "pod-template-hash": hash });
    const d = h.get("Deployment", "web");
    expect(d.metadata.annotations?.["deployment.kubernetes.io/revision"]).toBe("1");
    expect(d.status).toMatchObject({ observedGeneration: 1, replicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3 });
    expect(d.status.unavailableReplicas).toBeUndefined();
    expect(cond(d, "Available")).toMatchObject({ status: "True", reason: "MinimumReplicasAvailable" });
    expect(cond(d, "Progressing")).toMatchObject({ status: "True", reason: "NewReplicaSetAvailable", message: `ReplicaSet "web-${hash}" has successfully progressed.` });
    expect(h.errors).toEqual([]);
  });

  it("reports progress while pods start", async () => {
    h = await startHarness();
    h.host.create(deployment("web", "nginx", 2));
    await h.advance(60);
    const d = h.get("Deployment", "web");
    expect(cond(d, "Progressing")?.reason).toMatch(/NewReplicaSetCreated|ReplicaSetUpdated/);
    expect(cond(d, "Available")).toMatchObject({ status: "False", reason: "MinimumReplicasUnavailable" });
    expect(d.status.unavailableReplicas).toBe(2);
  });

  it("rolls out within maxSurge and maxUnavailable", async () => {
    h = await startHarness();
    const strategy = { type: "RollingUpdate", rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } };
    h.host.create(deployment("web", "nginx:1", 3, { strategy }));
    await h.advance(2000);
    const maxima = { pods: 0, minAvailable: Number.POSITIVE_INFINITY };
    h.host.subscribe(() => {
      const rss = replicaSets(h);
      maxima.pods = Math.max(maxima.pods, rss.reduce((n, rs) => n + rs.spec.replicas, 0));
      maxima.minAvailable = Math.min(maxima.minAvailable, rss.reduce((n, rs) => n + (rs.status?.availableReplicas ?? 0), 0));
    });
    const d = h.get("Deployment", "web");
    d.spec.template.spec.containers[0].image = "nginx:2";
    h.host.update(d);
    await h.advance(5000);
    expect(maxima.pods).toBe(4);
    expect(maxima.minAvailable).toBe(3);
    const rss = replicaSets(h);
    expect(rss).toHaveLength(2);
    const byRev = Object.fromEntries(rss.map((rs) => [rs.metadata.annotations?.["deployment.kubernetes.io/revision"], rs]));
    expect(byRev["1"].spec.replicas).toBe(0);
    expect(byRev["2"].spec.replicas).toBe(3);
    expect(readyPods(h).map((p) => p.spec.containers[0].image)).toEqual(["nginx:2", "nginx:2", "nginx:2"]);
    const done = h.get("Deployment", "web");
    expect(done.metadata.annotations?.["deployment.kubernetes.io/revision"]).toBe("2");
    expect(done.status).toMatchObject({ observedGeneration: 2, replicas: 3, updatedReplicas: 3, availableReplicas: 3 });
    expect(cond(done, "Progressing")?.reason).toBe("NewReplicaSetAvailable");
    const events = h.host.list("v1", "Event", "default").filter((e) => e.reason === "ScalingReplicaSet").map((e) => e.message);
    expect(events).toContain(`Scaled down replica set ${byRev["1"].metadata.name} from 1 to 0`);
  });

  it("takes down maxUnavailable old pods at once when surge is zero", async () => {
    h = await startHarness();
    const strategy = { type: "RollingUpdate", rollingUpdate: { maxSurge: 0, maxUnavailable: "50%" } };
    h.host.create(deployment("web", "nginx:1", 4, { strategy }));
    await h.advance(2000);
    let maxPods = 0;
    let minAvailable = 4;
    h.host.subscribe(() => {
      const rss = replicaSets(h);
      maxPods = Math.max(maxPods, rss.reduce((n, rs) => n + rs.spec.replicas, 0));
      minAvailable = Math.min(minAvailable, rss.reduce((n, rs) => n + (rs.status?.availableReplicas ?? 0), 0));
    });
    const d = h.get("Deployment", "web");
    d.spec.template.spec.containers[0].image = "nginx:2";
    h.host.update(d);
    await h.advance(5000);
    expect(maxPods).toBe(4);
    expect(minAvailable).toBe(2);
    expect(readyPods(h)).toHaveLength(4);
  });

  it("scales, and a rollback reuses the old ReplicaSet with a new revision", async () => {
    h = await startHarness();
    h.host.create(deployment("web", "nginx:1", 3));
    await h.advance(2000);
    let d = h.get("Deployment", "web");
    d.spec.replicas = 1;
    h.host.update(d);
    await h.advance(1000);
    expect(h.pods()).toHaveLength(1);
    d = h.get("Deployment", "web");
    d.spec.template.spec.containers[0].image = "nginx:2";
    h.host.update(d);
    await h.advance(2000);
    d = h.get("Deployment", "web");
    d.spec.template.spec.containers[0].image = "nginx:1";
    h.host.update(d);
    await h.advance(2000);
    const rss = replicaSets(h);
    expect(rss).toHaveLength(2);
    const active = rss.find((rs) => rs.spec.replicas === 1)!;
    expect(active.metadata.annotations?.["deployment.kubernetes.io/revision"]).toBe("3");
    expect(active.spec.template.spec.containers[0].image).toBe("nginx:1");
    expect(h.get("Deployment", "web").metadata.annotations?.["deployment.kubernetes.io/revision"]).toBe("3");
  });

  it("Recreate scales the old ReplicaSet to zero before starting new pods", async () => {
    h = await startHarness();
    h.host.create(deployment("web", "nginx:1", 2, { strategy: { type: "Recreate" } }));
    await h.advance(2000);
    let mixed = false;
    h.host.subscribe(() => {
      const images = new Set(h.pods().map((p) => p.spec.containers[0].image));
      if (images.size > 1) mixed = true;
    });
    const d = h.get("Deployment", "web");
    d.spec.template.spec.containers[0].image = "nginx:2";
    h.host.update(d);
    await h.advance(3000);
    expect(mixed).toBe(false);
    expect(readyPods(h).map((p) => p.spec.containers[0].image)).toEqual(["nginx:2", "nginx:2"]);
  });

  it("marks a crash-looping rollout ProgressDeadlineExceeded", async () => {
    h = await startHarness();
    h.host.create(deployment("bad", "busybox:crashloop", 1, { progressDeadlineSeconds: 3 }));
    await h.advance(2000);
    let d = h.get("Deployment", "bad");
    expect(cond(d, "Progressing")?.status).toBe("True");
    await h.advance(4000);
    d = h.get("Deployment", "bad");
    expect(cond(d, "Progressing")).toMatchObject({ status: "False", reason: "ProgressDeadlineExceeded" });
    expect(cond(d, "Available")?.status).toBe("False");
    expect(d.status.availableReplicas).toBeUndefined();
  });
});

describe("Deployment pause and resume", () => {
  it("a paused Deployment scales but does not roll out until resumed", async () => {
    h = await startHarness();
    h.host.create(deployment("web", "nginx:1", 2));
    await h.advance(2000);
    let d = h.get("Deployment", "web");
    d.spec.paused = true;
    d.spec.replicas = 3;
    d.spec.template.spec.containers[0].image = "nginx:2";
    h.host.update(d);
    await h.advance(2000);
    expect(replicaSets(h)).toHaveLength(1);
    expect(h.pods().map((p) => p.spec.containers[0].image)).toEqual(["nginx:1", "nginx:1", "nginx:1"]);
    expect(cond(h.get("Deployment", "web"), "Progressing")).toMatchObject({ status: "Unknown", reason: "DeploymentPaused" });
    d = h.get("Deployment", "web");
    d.spec.paused = false;
    h.host.update(d);
    await h.advance(4000);
    expect(readyPods(h).map((p) => p.spec.containers[0].image)).toEqual(["nginx:2", "nginx:2", "nginx:2"]);
    expect(cond(h.get("Deployment", "web"), "Progressing")?.reason).toBe("NewReplicaSetAvailable");
  });
});

describe("minReadySeconds", () => {
  it("counts a pod available only after it has been Ready that long", async () => {
    h = await startHarness();
    h.host.create(deployment("slow", "nginx", 1, { minReadySeconds: 3 }));
    await h.advance(1000);
    let d = h.get("Deployment", "slow");
    expect(d.status).toMatchObject({ readyReplicas: 1, unavailableReplicas: 1 });
    expect(d.status.availableReplicas).toBeUndefined();
    await h.advance(3000);
    d = h.get("Deployment", "slow");
    expect(d.status).toMatchObject({ readyReplicas: 1, availableReplicas: 1 });
    expect(cond(d, "Progressing")?.reason).toBe("NewReplicaSetAvailable");
  });
});

describe("a rollout to a broken image", () => {
  it("keeps the old pods serving while the new ReplicaSet crash-loops", async () => {
    h = await startHarness();
    h.host.create(deployment("web", "nginx:1", 3, { progressDeadlineSeconds: 5 }));
    await h.advance(2000);
    const d = h.get("Deployment", "web");
    d.spec.template.spec.containers[0].image = "nginx:crashloop";
    h.host.update(d);
    await h.advance(8000);
    const byRev = Object.fromEntries(replicaSets(h).map((rs) => [rs.metadata.annotations?.["deployment.kubernetes.io/revision"], rs]));
    // 25% of 3: surge rounds up to 1, unavailable rounds down to 0.
    expect(byRev["1"].spec.replicas).toBe(3);
    expect(byRev["2"].spec.replicas).toBe(1);
    expect(readyPods(h).map((p) => p.spec.containers[0].image)).toEqual(["nginx:1", "nginx:1", "nginx:1"]);
    const status = h.get("Deployment", "web").status;
    expect(status).toMatchObject({ replicas: 4, updatedReplicas: 1, availableReplicas: 3, unavailableReplicas: 1 });
    expect(cond(h.get("Deployment", "web"), "Available")?.status).toBe("True");
    expect(cond(h.get("Deployment", "web"), "Progressing")?.reason).toBe("ProgressDeadlineExceeded");
  });
});

describe("adoption", () => {
  it("a re-created Deployment adopts the ReplicaSet and pods its predecessor orphaned", async () => {
    h = await startHarness();
    h.host.create(deployment("web", "nginx", 2));
    await h.advance(2000);
    const [rs] = replicaSets(h);
    const podNames = h.pods().map((p) => p.metadata.name).sort();
    // Orphan the ReplicaSet, as `kubectl delete deployment web --cascade=orphan` leaves it.
    const old = h.get("Deployment", "web");
    h.host.objects.delete(`Deployment/default/web`);
    h.host.update({ ...rs, metadata: { ...rs.metadata, ownerReferences: [] } });
    expect(old.metadata.uid).toBeDefined();
    h.host.create(deployment("web", "nginx", 2));
    await h.advance(2000);
    const rss = replicaSets(h);
    expect(rss).toHaveLength(1);
    expect(rss[0].metadata.ownerReferences?.[0].uid).toBe(h.get("Deployment", "web").metadata.uid);
    expect(h.pods().map((p) => p.metadata.name).sort()).toEqual(podNames);
    expect(h.get("Deployment", "web").status).toMatchObject({ replicas: 2, availableReplicas: 2, updatedReplicas: 2 });
  });
});

describe("refused pod creation", () => {
  it("shows ReplicaFailure on the ReplicaSet and the Deployment until pods can be created", async () => {
    h = await startHarness({ delays: { maxBackoff: 1000 } });
    const quota = 'pods "web-x" is forbidden: exceeded quota: compute, requested: pods=1, used: pods=0, limited: pods=0';
    h.host.refuse = (o) => (o.kind === "Pod" ? quota : undefined);
    h.host.create(deployment("web", "nginx", 2));
    await h.advance(500);
    const [rs] = replicaSets(h);
    expect(cond(rs, "ReplicaFailure")).toMatchObject({ status: "True", reason: "FailedCreate", message: quota });
    expect(cond(h.get("Deployment", "web"), "ReplicaFailure")).toMatchObject({ status: "True", reason: "FailedCreate" });
    const failed = h.host.list("v1", "Event", "default").find((e) => e.reason === "FailedCreate");
    expect(failed).toMatchObject({ type: "Warning", message: `Error creating: ${quota}` });
    h.host.refuse = undefined;
    await h.advance(3000);
    expect(cond(replicaSets(h)[0], "ReplicaFailure")).toBeUndefined();
    const d = h.get("Deployment", "web");
    expect(cond(d, "ReplicaFailure")).toBeUndefined();
    expect(d.status.availableReplicas).toBe(2);
  });
});
