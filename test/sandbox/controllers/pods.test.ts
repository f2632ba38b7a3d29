import { afterEach, describe, expect, it } from "vitest";
import { imageTag } from "../../../src/sandbox/controllers/faults.js";
import type { KubeObject } from "../../../src/sandbox/controllers/host.js";
import { deployment, type Harness, startHarness } from "./fake-host.js";

let h: Harness;
afterEach(() => {
  h?.handle.stop();
  // A reconcile that threw is retried silently in production; in tests it is a bug.
  expect(h?.errors ?? []).toEqual([]);
});

const cond = (o: KubeObject, type: string) => o.status?.conditions?.find((c: { type: string }) => c.type === type);
const waiting = (p: KubeObject) => p.status?.containerStatuses?.[0]?.state?.waiting?.reason;

function pod(name: string, image: string, extra: { annotations?: Record<string, string>; restartPolicy?: string } = {}): KubeObject {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name, namespace: "default", ...(extra.annotations ? { annotations: extra.annotations } : {}) },
    spec: { containers: [{ name: "app", image }], ...(extra.restartPolicy ? { restartPolicy: extra.restartPolicy } : {}) },
  };
}

describe("imageTag", () => {
  it.each([
    ["nginx", ""],
    ["nginx:1.25", "1.25"],
    ["localhost:5000/app", ""],
    ["localhost:5000/app:crashloop", "crashloop"],
    ["app:pullerror@sha256:abc", "pullerror"],
  ])("%s -> %s", (image, tag) => expect(imageTag(image)).toBe(tag));
});

describe("pod lifecycle", () => {
  it("walks Pending -> ContainerCreating -> Running -> Ready with the configured delays", async () => {
    h = await startHarness({ delays: { schedule: 100, pull: 100, start: 100, ready: 100 } });
    h.host.create(pod("p", "nginx"));
    await h.advance(50);
    let p = h.get("Pod", "p");
    expect(p.status?.phase ?? "Pending").toBe("Pending");
    expect(p.spec.nodeName).toBeUndefined();
    await h.advance(100);
    p = h.get("Pod", "p");
    expect(p.spec.nodeName).toBe("sandbox-node");
    expect(p.status.phase).toBe("Pending");
    expect(waiting(p)).toBe("ContainerCreating");
    expect(cond(p, "PodScheduled")?.status).toBe("True");
    await h.advance(200);
    p = h.get("Pod", "p");
    expect(p.status.phase).toBe("Running");
    expect(p.status.podIP).toMatch(/^10\.244\.\d+\.\d+$/);
    expect(p.status.hostIP).toBe("172.18.0.2");
    expect(cond(p, "Ready")).toMatchObject({ status: "False", reason: "ContainersNotReady" });
    await h.advance(100);
    p = h.get("Pod", "p");
    expect(p.status.containerStatuses[0]).toMatchObject({ name: "app", ready: true, started: true, restartCount: 0 });
    expect(p.status.containerStatuses[0].state.running.startedAt).toBeDefined();
    for (const t of ["PodScheduled", "Initialized", "ContainersReady", "Ready"]) expect(cond(p, t)?.status).toBe("True");
    const reasons = h.host.list("v1", "Event", "default").map((e) => e.reason);
    expect(reasons).toEqual(["Scheduled", "Pulling", "Pulled", "Created", "Started"]);
    const node = h.get("Node", "sandbox-node");
    expect(node.status.conditions.find((c: { type: string }) => c.type === "Ready").status).toBe("True");
  });

  it("crashloop: CrashLoopBackOff with restarts counting up and never Ready", async () => {
    h = await startHarness();
    h.host.create(pod("p", "busybox:crashloop"));
    await h.advance(1000);
    let p = h.get("Pod", "p");
    const first = p.status.containerStatuses[0].restartCount;
    expect(first).toBeGreaterThan(0);
    await h.advance(5000);
    p = h.get("Pod", "p");
    const cs = p.status.containerStatuses[0];
    expect(cs.restartCount).toBeGreaterThan(first);
    expect(cs.lastState.terminated).toMatchObject({ exitCode: 1, reason: "Error" });
    expect(cs.ready).toBe(false);
    expect(p.status.phase).toBe("Running");
    expect(cond(p, "Ready")?.status).toBe("False");
    const backoff = h.host.list("v1", "Event", "default").find((e) => e.reason === "BackOff");
    expect(backoff).toMatchObject({ type: "Warning" });
    expect(backoff!.count).toBeGreaterThan(1);
    // Sample until it is between restarts: the waiting reason is what kubectl shows as STATUS.
    let seen = false;
    for (let i = 0; i < 40 && !seen; i++) {
      await h.advance(100);
      seen = waiting(h.get("Pod", "p")) === "CrashLoopBackOff";
    }
    expect(seen).toBe(true);
  });

  it("pullerror: ErrImagePull then ImagePullBackOff, never running", async () => {
    h = await startHarness();
    h.host.create(pod("p", "registry.local/app:pullerror"));
    const reasons = new Set<string>();
    h.host.subscribe((ev) => {
      if (ev.object.kind === "Pod") reasons.add(waiting(ev.object));
    });
    await h.advance(3000);
    expect([...reasons]).toEqual(expect.arrayContaining(["ContainerCreating", "ErrImagePull", "ImagePullBackOff"]));
    const p = h.get("Pod", "p");
    expect(p.status.phase).toBe("Pending");
    expect(p.status.containerStatuses[0].restartCount).toBe(0);
  });

  it("notready (by annotation, for any image) runs but never becomes Ready", async () => {
    h = await startHarness();
    h.host.create(pod("p", "nginx:1.25", { annotations: { "sandbox.chartroom.dev/fault": "notready" } }));
    await h.advance(3000);
    const p = h.get("Pod", "p");
    expect(p.status.phase).toBe("Running");
    expect(p.status.containerStatuses[0]).toMatchObject({ ready: false, restartCount: 0 });
    expect(cond(p, "Ready")?.status).toBe("False");
  });

  it("run-to-completion pods succeed, or fail with the annotated exit code", async () => {
    h = await startHarness();
    h.host.create(pod("ok", "busybox", { restartPolicy: "Never" }));
    h.host.create(pod("bad", "busybox", { restartPolicy: "Never", annotations: { "sandbox.chartroom.dev/exit-code": "3" } }));
    await h.advance(2000);
    const ok = h.get("Pod", "ok");
    expect(ok.status.phase).toBe("Succeeded");
    expect(ok.status.containerStatuses[0].state.terminated).toMatchObject({ exitCode: 0, reason: "Completed" });
    expect(cond(ok, "Ready")).toMatchObject({ status: "False", reason: "PodCompleted" });
    const bad = h.get("Pod", "bad");
    expect(bad.status.phase).toBe("Failed");
    expect(bad.status.containerStatuses[0].state.terminated).toMatchObject({ exitCode: 3, reason: "Error" });
  });

  it("a Deployment's pod template fault annotation reaches its pods", async () => {
    h = await startHarness();
    const d = deployment("web", "nginx", 2);
    d.spec.template.metadata.annotations = { "sandbox.chartroom.dev/fault": "crashloop" };
    h.host.create(d);
    await h.advance(3000);
    const pods = h.pods();
    expect(pods).toHaveLength(2);
    for (const p of pods) expect(p.status.containerStatuses[0].restartCount).toBeGreaterThan(0);
  });

  it("stop() disarms every timer", async () => {
    h = await startHarness();
    h.host.create(pod("p", "nginx"));
    await h.advance(10);
    h.handle.stop();
    expect(h.clock.timers.size).toBe(0);
    await h.advance(5000);
    expect(h.get("Pod", "p").spec.nodeName).toBeUndefined();
  });
});

describe("resuming stored objects", () => {
  it("leaves Ready pods alone and finishes half-started ones when the controllers start over a stored cluster", async () => {
    const first = await startHarness();
    first.host.create(pod("done", "nginx"));
    await first.advance(1000);
    first.handle.stop();
    first.host.create(pod("fresh", "nginx"));
    const before = first.get("Pod", "done");
    h = await startHarness({}, first);
    await h.advance(1000);
    expect(h.get("Pod", "done").metadata.resourceVersion).toBe(before.metadata.resourceVersion);
    expect(cond(h.get("Pod", "fresh"), "Ready")?.status).toBe("True");
    expect(h.errors).toEqual([]);
  });
});

describe("init container faults", () => {
  const withInit = (name: string, initImage: string, restartPolicy?: string): KubeObject => {
    const p = pod(name, "nginx", restartPolicy ? { restartPolicy } : {});
    p.spec.initContainers = [
      { name: "setup", image: "busybox" },
      { name: "wait-for-db", image: initImage },
    ];
    return p;
  };
  const initState = (p: KubeObject) => p.status?.initContainerStatuses?.[1];

  it("a crash-looping init container holds the pod in Init:CrashLoopBackOff", async () => {
    h = await startHarness();
    h.host.create(withInit("p", "busybox:crashloop"));
    let seen = false;
    for (let i = 0; i < 50 && !seen; i++) {
      await h.advance(100);
      seen = initState(h.get("Pod", "p"))?.state?.waiting?.reason === "CrashLoopBackOff";
    }
    expect(seen).toBe(true);
    await h.advance(3000);
    const p = h.get("Pod", "p");
    expect(p.status.phase).toBe("Pending");
    expect(p.status.initContainerStatuses[0].state.terminated.reason).toBe("Completed");
    expect(initState(p).restartCount).toBeGreaterThan(1);
    expect(p.status.containerStatuses[0].state.waiting.reason).toBe("PodInitializing");
    expect(cond(p, "Initialized")).toMatchObject({ status: "False", reason: "ContainersNotInitialized" });
    const backoff = h.host.list("v1", "Event", "default").find((e) => e.reason === "BackOff");
    expect(backoff?.message).toContain("restarting failed container wait-for-db");
  });

  it("a failing init container fails a restartPolicy Never pod; a hanging one never lets it start", async () => {
    h = await startHarness();
    h.host.create(withInit("never", "busybox:fail", "Never"));
    h.host.create(withInit("hang", "busybox:notready"));
    h.host.create(withInit("nopull", "busybox:pullerror"));
    await h.advance(3000);
    const never = h.get("Pod", "never");
    expect(never.status.phase).toBe("Failed");
    expect(initState(never).state.terminated).toMatchObject({ exitCode: 1, reason: "Error" });
    const hang = h.get("Pod", "hang");
    expect(hang.status.phase).toBe("Pending");
    expect(initState(hang).state.running).toBeDefined();
    expect(initState(h.get("Pod", "nopull")).state.waiting.reason).toMatch(/ErrImagePull|ImagePullBackOff/);
  });
});

describe("resuming a crash-looping pod", () => {
  it("keeps counting restarts from the stored count", async () => {
    const first = await startHarness();
    first.host.create(pod("p", "busybox:crashloop"));
    await first.advance(4000);
    first.handle.stop();
    const stored = first.get("Pod", "p").status;
    const before = stored.containerStatuses[0].restartCount;
    expect(before).toBeGreaterThan(1);
    h = await startHarness({}, first);
    h.host.create(pod("newcomer", "nginx"));
    await h.advance(3000);
    expect(h.get("Pod", "newcomer").status.podIP).not.toBe(stored.podIP);
    const p = h.get("Pod", "p");
    expect(p.status.containerStatuses[0].restartCount).toBeGreaterThan(before);
    expect(p.status.podIP).toBe(stored.podIP);
    const scheduled = h.host.list("v1", "Event", "default").filter((e) => e.reason === "Scheduled" && (e as any).involvedObject.name === "p");
    expect(scheduled).toHaveLength(1);
  });
});
