import { afterEach, describe, expect, it } from "vitest";
import type { KubeObject } from "../../../src/sandbox/controllers/host.js";
import { type Harness, startHarness } from "./fake-host.js";

let h: Harness;
afterEach(() => {
  h?.handle.stop();
  // A reconcile that threw is retried silently in production; in tests it is a bug.
  expect(h?.errors ?? []).toEqual([]);
});

const cond = (o: KubeObject, type: string) => o.status?.conditions?.find((c: { type: string }) => c.type === type);

function job(name: string, image: string, spec: Record<string, unknown> = {}, annotations?: Record<string, string>): KubeObject {
  return {
    apiVersion: "batch/v1",
    kind: "Job",
    metadata: { name, namespace: "default", ...(annotations ? { annotations } : {}) },
    spec: { template: { spec: { restartPolicy: "Never", containers: [{ name: "run", image }] } }, ...spec },
  };
}

describe("Job controller", () => {
  it("runs completions within parallelism and completes", async () => {
    h = await startHarness();
    h.host.create(job("batch", "busybox", { completions: 3, parallelism: 2 }));
    let maxActive = 0;
    h.host.subscribe(() => {
      maxActive = Math.max(maxActive, h.pods().filter((p) => !["Succeeded", "Failed"].includes(p.status?.phase)).length);
    });
    await h.advance(5000);
    expect(maxActive).toBe(2);
    const j = h.get("Job", "batch");
    expect(j.status).toMatchObject({ succeeded: 3, ready: 0 });
    expect(j.status.active).toBeUndefined();
    expect(j.status.failed).toBeUndefined();
    expect(j.status.startTime).toBeDefined();
    expect(j.status.completionTime).toBeDefined();
    expect(cond(j, "Complete")).toMatchObject({ status: "True", reason: "CompletionsReached" });
    expect(cond(j, "SuccessCriteriaMet")?.status).toBe("True");
    const pods = h.pods();
    expect(pods).toHaveLength(3);
    for (const p of pods) {
      expect(p.metadata.labels).toMatchObject({ "job-name": "batch", "batch.kubernetes.io/job-name": "batch", "controller-uid": j.metadata.uid });
      expect(p.metadata.generateName).toBe("batch-");
    }
    const reasons = h.host.list("v1", "Event", "default").filter((e) => (e as any).involvedObject.kind === "Job").map((e) => e.reason);
    expect(reasons.filter((r) => r === "SuccessfulCreate")).toHaveLength(3);
    expect(reasons).toContain("Completed");
  });

  it("retries a failing pod with back-off, then fails with BackoffLimitExceeded", async () => {
    h = await startHarness({ delays: { backoff: 400 } });
    h.host.create(job("hook", "busybox:fail", { backoffLimit: 2 }));
    const createdAt: number[] = [];
    h.host.subscribe((ev) => {
      if (ev.type === "ADDED" && ev.object.kind === "Pod") createdAt.push(h.clock.ms);
    });
    await h.advance(1000);
    expect(cond(h.get("Job", "hook"), "Failed")).toBeUndefined();
    await h.advance(9000);
    const j = h.get("Job", "hook");
    expect(j.status.failed).toBe(3);
    expect(cond(j, "Failed")).toMatchObject({ status: "True", reason: "BackoffLimitExceeded", message: "Job has reached the specified backoff limit" });
    expect(cond(j, "FailureTarget")?.status).toBe("True");
    expect(cond(j, "Complete")).toBeUndefined();
    expect(j.status.completionTime).toBeUndefined();
    // The second retry waits twice as long as the first.
    const gaps = createdAt.slice(1).map((t, i) => t - createdAt[i]);
    expect(gaps).toHaveLength(2);
    expect(gaps[1] - gaps[0]).toBeGreaterThanOrEqual(400);
    const warn = h.host.list("v1", "Event", "default").find((e) => e.reason === "BackoffLimitExceeded");
    expect(warn?.type).toBe("Warning");
  });

  it("backoffLimit 0 fails on the first failure; the exit-code annotation on the Job reaches its pods", async () => {
    h = await startHarness();
    h.host.create(job("once", "busybox", { backoffLimit: 0 }, { "sandbox.chartroom.dev/exit-code": "2" }));
    await h.advance(3000);
    const j = h.get("Job", "once");
    expect(j.status.failed).toBe(1);
    expect(cond(j, "Failed")?.reason).toBe("BackoffLimitExceeded");
    expect(h.pods()).toHaveLength(1);
  });

  it("deletes a finished Job after ttlSecondsAfterFinished", async () => {
    h = await startHarness();
    h.host.create(job("short", "busybox", { ttlSecondsAfterFinished: 2 }));
    await h.advance(1500);
    expect(cond(h.get("Job", "short"), "Complete")?.status).toBe("True");
    await h.advance(3000);
    expect(h.host.get("batch/v1", "Job", "default", "short")).toBeUndefined();
    expect(h.pods()).toHaveLength(0);
  });

  it("Indexed completion gives each pod its index", async () => {
    h = await startHarness();
    h.host.create(job("idx", "busybox", { completions: 3, parallelism: 3, completionMode: "Indexed" }));
    await h.advance(3000);
    const j = h.get("Job", "idx");
    expect(j.status.completedIndexes).toBe("0-2");
    const indexes = h.pods().map((p) => p.metadata.annotations?.["batch.kubernetes.io/job-completion-index"]).sort();
    expect(indexes).toEqual(["0", "1", "2"]);
  });

  it("a CronJob runs only when triggered", async () => {
    h = await startHarness();
    h.host.create({
      apiVersion: "batch/v1",
      kind: "CronJob",
      metadata: { name: "nightly", namespace: "default" },
      spec: { schedule: "* * * * *", jobTemplate: { spec: job("x", "busybox").spec } },
    });
    await h.advance(120_000);
    expect(h.host.list("batch/v1", "Job", "default")).toHaveLength(0);
    const cj = h.get("CronJob", "nightly");
    cj.metadata.annotations = { "sandbox.chartroom.dev/trigger": "1" };
    h.host.update(cj);
    await h.advance(3000);
    const jobs = h.host.list("batch/v1", "Job", "default");
    expect(jobs).toHaveLength(1);
    expect(jobs[0].metadata.ownerReferences?.[0]).toMatchObject({ kind: "CronJob", name: "nightly" });
    expect(cond(jobs[0], "Complete")?.status).toBe("True");
    const status = h.get("CronJob", "nightly").status;
    expect(status.lastScheduleTime).toBeDefined();
    expect(status.lastSuccessfulTime).toBeDefined();
    expect(status.active).toBeUndefined();
    const seen = h.host.list("v1", "Event", "default").filter((e) => e.reason === "SawCompletedJob");
    expect(seen.map((e) => e.message)).toEqual([`Saw completed job: ${jobs[0].metadata.name}, condition: Complete`]);
  });
});
