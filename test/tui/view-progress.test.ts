import { describe, expect, test } from "vitest";
import type { ActionEvent } from "../../src/actions/events.js";
import {
  elapsedLabel,
  finishProgress,
  foldProgress,
  type ProgressState,
  progressRows,
  progressSummary,
  startProgress,
} from "../../src/tui/view/progress.js";

const T0 = 1_700_000_000_000;
const fold = (events: ActionEvent[], s = startProgress("install web", T0, 300_000)) => events.reduce(foldProgress, s);

const deployApplied: ActionEvent = { type: "resource", action: "configured", kind: "Deployment", name: "web", namespace: "apps" };
const serviceApplied: ActionEvent = { type: "resource", action: "unchanged", kind: "Service", name: "web", namespace: "apps" };

describe("startProgress", () => {
  test("an empty state with the title, start time and timeout", () => {
    expect(startProgress("upgrade web", T0, 90_000)).toEqual({
      title: "upgrade web",
      startedAt: T0,
      timeoutMs: 90_000,
      resources: [],
      hooks: [],
      releases: [],
      warnings: [],
      rollingBack: false,
      steps: [],
      cancelling: false,
    });
    expect(startProgress("uninstall web", T0).timeoutMs).toBeUndefined();
  });
});

describe("foldProgress", () => {
  test("phase: replaces the phase and its message", () => {
    const s = fold([{ type: "phase", phase: "render", message: "web 1.2.0" }]);
    expect([s.phase, s.phaseMessage]).toEqual(["render", "web 1.2.0"]);
    const t = foldProgress(s, { type: "phase", phase: "wait" });
    expect([t.phase, t.phaseMessage]).toEqual(["wait", undefined]);
  });

  test("resource: one row per kind, namespace and name, updated in place", () => {
    const s = fold([
      deployApplied,
      serviceApplied,
      { type: "resource", action: "created", kind: "Deployment", name: "web", namespace: "other" },
      { type: "resource", action: "deleted", kind: "Deployment", name: "web", namespace: "apps" },
      { type: "resource", action: "created", kind: "ClusterRole", name: "web" },
    ]);
    expect(s.resources.map((r) => [r.key, r.action])).toEqual([
      ["Deployment/apps/web", "deleted"],
      ["Service/apps/web", "unchanged"],
      ["Deployment/other/web", "created"],
      ["ClusterRole//web", "created"],
    ]);
  });

  test("resource actions: created, configured, unchanged, deleted, kept, adopted", () => {
    const actions = ["created", "configured", "unchanged", "deleted", "kept", "adopted"] as const;
    const s = fold(actions.map((action, i) => ({ type: "resource", action, kind: "ConfigMap", name: `cm${i}` })));
    expect(progressRows(s).map((r) => [r.name, r.status, r.ready, r.reason, r.token])).toEqual([
      ["cm0", "created", "-", "", "text"],
      ["cm1", "configured", "-", "", "text"],
      ["cm2", "unchanged", "-", "", "text"],
      ["cm3", "deleted", "-", "", "muted"],
      ["cm4", "kept", "-", "", "text"],
      ["cm5", "adopted", "-", "", "text"],
    ]);
  });

  test("readiness: count, problem and the reason without the object's own name", () => {
    const s = fold([
      deployApplied,
      {
        type: "readiness",
        kind: "Deployment",
        name: "web",
        namespace: "apps",
        ready: false,
        reason: "deployment/web 1/3 ready: pod web-abc ImagePullBackOff",
        count: "1/3",
        problem: "ImagePullBackOff",
      },
    ]);
    expect(s.resources).toEqual([
      {
        key: "Deployment/apps/web",
        kind: "Deployment",
        name: "web",
        namespace: "apps",
        action: "configured",
        ready: false,
        count: "1/3",
        problem: "ImagePullBackOff",
        reason: "1/3 ready: pod web-abc ImagePullBackOff",
      },
    ]);
  });

  test("readiness: a reason about something else is kept whole; an unknown object gets a row", () => {
    const s = fold([{ type: "readiness", kind: "PersistentVolumeClaim", name: "data", namespace: "apps", ready: false, reason: "waiting for a volume", problem: "Pending" }]);
    expect(s.resources).toEqual([
      { key: "PersistentVolumeClaim/apps/data", kind: "PersistentVolumeClaim", name: "data", namespace: "apps", ready: false, count: undefined, problem: "Pending", reason: "waiting for a volume" },
    ]);
  });

  test("readiness: a ready event clears the problem", () => {
    const s = fold([
      deployApplied,
      { type: "readiness", kind: "Deployment", name: "web", namespace: "apps", ready: false, reason: "deployment/web 0/3 ready", count: "0/3", problem: "Pending" },
      { type: "readiness", kind: "Deployment", name: "web", namespace: "apps", ready: true, reason: "deployment/web 3/3 ready", count: "3/3" },
    ]);
    expect(s.resources[0]).toMatchObject({ ready: true, count: "3/3", problem: undefined, reason: "3/3 ready", action: "configured" });
  });

  test("hook: one row per event, kind and name, its phase updated in place", () => {
    const s = fold([
      { type: "hook", event: "pre-install", kind: "Job", name: "migrate", phase: "running" },
      { type: "hook", event: "post-install", kind: "Job", name: "migrate", phase: "running" },
      { type: "hook", event: "pre-install", kind: "Job", name: "migrate", phase: "succeeded" },
      { type: "hook", event: "pre-install", kind: "Job", name: "migrate", phase: "deleted" },
    ]);
    expect(s.hooks).toEqual([
      { key: "pre-install/Job/migrate", event: "pre-install", kind: "Job", name: "migrate", phase: "deleted" },
      { key: "post-install/Job/migrate", event: "post-install", kind: "Job", name: "migrate", phase: "running" },
    ]);
  });

  test("readiness of a hook's Job belongs to the hook row, not the resource table", () => {
    const before = fold([{ type: "hook", event: "pre-install", kind: "Job", name: "migrate", phase: "running" }]);
    const after = foldProgress(before, { type: "readiness", kind: "Job", name: "migrate", namespace: "apps", ready: false, reason: "job/migrate 0/1 complete", count: "0/1" });
    expect(after).toBe(before);
    expect(after.resources).toEqual([]);
  });

  test("release: each status change is a step; pending-rollback starts the rollback", () => {
    const s = fold([
      { type: "release", name: "web", namespace: "apps", revision: 1, status: "pending-install", description: "Initial install underway" },
      { type: "release", name: "web", namespace: "apps", revision: 1, status: "deployed" },
    ]);
    expect(s.releases).toEqual([
      { revision: 1, status: "pending-install", description: "Initial install underway" },
      { revision: 1, status: "deployed", description: undefined },
    ]);
    expect(s.rollingBack).toBe(false);
    const r = foldProgress(s, { type: "release", name: "web", namespace: "apps", revision: 2, status: "pending-rollback" });
    expect(r.rollingBack).toBe(true);
    expect(foldProgress(r, { type: "release", name: "web", namespace: "apps", revision: 2, status: "deployed" }).rollingBack).toBe(true);
  });

  test("warning: appended in order", () => {
    expect(fold([{ type: "warning", message: "one" }, { type: "warning", message: "two" }]).warnings).toEqual(["one", "two"]);
  });

  test("done: a nested step, completed or failed", () => {
    expect(fold([{ type: "done", ok: true, name: "web", revision: 2 }]).steps).toEqual(["step complete: revision 2"]);
    expect(fold([{ type: "done", ok: true }]).steps).toEqual(["step complete"]);
    expect(fold([{ type: "done", ok: false, error: "timed out waiting for the condition" }]).steps).toEqual(["failed: timed out waiting for the condition"]);
    expect(fold([{ type: "done", ok: false }]).steps).toEqual(["failed: unknown error"]);
    // A done does not finish the whole operation: that is finishProgress's job.
    expect(fold([{ type: "done", ok: true }]).result).toBeUndefined();
  });

  test("never changes the state it is given", () => {
    const s = fold([deployApplied, { type: "hook", event: "pre-install", kind: "Job", name: "migrate", phase: "running" }, { type: "warning", message: "w" }]);
    const copy = structuredClone(s);
    const events: ActionEvent[] = [
      { type: "phase", phase: "wait" },
      { type: "resource", action: "created", kind: "Deployment", name: "web", namespace: "apps" },
      { type: "readiness", kind: "Deployment", name: "web", namespace: "apps", ready: true, reason: "ok" },
      { type: "hook", event: "pre-install", kind: "Job", name: "migrate", phase: "succeeded" },
      { type: "release", name: "web", namespace: "apps", revision: 2, status: "pending-rollback" },
      { type: "warning", message: "x" },
      { type: "done", ok: true },
    ];
    for (const e of events) foldProgress(s, e);
    expect(s).toEqual(copy);
  });
});

describe("an --atomic upgrade that fails and rolls back", () => {
  const crashing: ActionEvent = {
    type: "readiness",
    kind: "Deployment",
    name: "web",
    namespace: "apps",
    ready: false,
    reason: "deployment/web 0/3 ready: pod web-7d9f-abc CrashLoopBackOff",
    count: "0/3",
    problem: "CrashLoopBackOff",
  };
  const upgrade: ActionEvent[] = [
    { type: "phase", phase: "render", message: "web 1.3.0" },
    { type: "release", name: "web", namespace: "apps", revision: 3, status: "pending-upgrade", description: "Preparing upgrade" },
    { type: "phase", phase: "apply", message: "2 resources" },
    deployApplied,
    serviceApplied,
    { type: "phase", phase: "wait" },
    { type: "readiness", kind: "Service", name: "web", namespace: "apps", ready: true, reason: "service/web ready" },
    crashing,
  ];
  const rollback: ActionEvent[] = [
    { type: "release", name: "web", namespace: "apps", revision: 3, status: "failed", description: 'Upgrade "web" failed: timed out' },
    { type: "warning", message: "upgrade failed, rolling back to revision 2 as --atomic is set" },
    { type: "release", name: "web", namespace: "apps", revision: 4, status: "pending-rollback", description: "Rollback to 2" },
    { type: "phase", phase: "apply", message: "2 resources" },
    deployApplied,
    serviceApplied,
  ];
  const recovered: ActionEvent[] = [
    { type: "phase", phase: "wait" },
    { type: "readiness", kind: "Deployment", name: "web", namespace: "apps", ready: true, reason: "deployment/web 3/3 ready", count: "3/3" },
    { type: "readiness", kind: "Service", name: "web", namespace: "apps", ready: true, reason: "service/web ready" },
    { type: "release", name: "web", namespace: "apps", revision: 4, status: "deployed", description: "Rollback to 2" },
    { type: "done", ok: true, name: "web", revision: 4 },
  ];
  const start = startProgress("upgrade web", T0, 300_000);

  test("while the new pods crash", () => {
    const s = fold(upgrade, start);
    expect(progressRows(s)).toEqual([
      { kind: "Deployment", name: "web", ready: "0/3", status: "CrashLoopBackOff", reason: "0/3 ready: pod web-7d9f-abc CrashLoopBackOff", token: "status.error" },
      { kind: "Service", name: "web", ready: "✓", status: "Ready", reason: "unchanged", token: "status.ok" },
    ]);
    expect(progressSummary(s, T0 + 42_000)).toEqual({ text: "wait · 42s / 5m00s", token: "status.info" });
    expect(s.rollingBack).toBe(false);
  });

  test("the rollback re-applies the objects and starts their readiness afresh", () => {
    const s = fold([...upgrade, ...rollback], start);
    expect(s.rollingBack).toBe(true);
    expect(s.warnings).toEqual(["upgrade failed, rolling back to revision 2 as --atomic is set"]);
    expect(s.releases.map((r) => `${r.revision} ${r.status}`)).toEqual(["3 pending-upgrade", "3 failed", "4 pending-rollback"]);
    expect(s.resources[0]).toEqual({
      key: "Deployment/apps/web",
      kind: "Deployment",
      name: "web",
      namespace: "apps",
      action: "configured",
      ready: undefined,
      count: undefined,
      problem: undefined,
      reason: undefined,
    });
    expect(progressRows(s)).toEqual([
      { kind: "Deployment", name: "web", ready: "-", status: "configured", reason: "", token: "text" },
      { kind: "Service", name: "web", ready: "-", status: "unchanged", reason: "", token: "text" },
    ]);
    expect(progressSummary(s, T0 + 65_000)).toEqual({ text: "rolling back · apply: 2 resources · 1m05s / 5m00s", token: "status.warn" });
  });

  test("ready again, the nested done records the rollback, the runner the outcome", () => {
    const s = fold([...upgrade, ...rollback, ...recovered], start);
    expect(progressRows(s)).toEqual([
      { kind: "Deployment", name: "web", ready: "3/3", status: "Ready", reason: "configured", token: "status.ok" },
      { kind: "Service", name: "web", ready: "✓", status: "Ready", reason: "unchanged", token: "status.ok" },
    ]);
    expect(s.steps).toEqual(["rollback complete: revision 4"]);
    expect(s.result).toBeUndefined();
    expect(progressSummary(s, T0 + 80_000)).toEqual({ text: "rolling back · wait · 1m20s / 5m00s", token: "status.warn" });

    const message = "release web failed, and has been rolled back due to atomic being set: timed out";
    const done = finishProgress(s, { ok: false, message }, T0 + 81_500);
    expect(done.result).toEqual({ ok: false, message });
    expect(done.finishedAt).toBe(T0 + 81_500);
    expect(progressSummary(done, T0 + 999_000)).toEqual({ text: `✗ ${message} · 1m21s`, token: "status.error" });
  });
});

describe("finishProgress", () => {
  test("records the outcome and the time, and ends a cancel in progress", () => {
    const s: ProgressState = { ...startProgress("install web", T0), cancelling: true };
    const done = finishProgress(s, { ok: false, message: "cancelled" }, T0 + 5_000);
    expect(done).toEqual({ ...s, cancelling: false, result: { ok: false, message: "cancelled" }, finishedAt: T0 + 5_000 });
    expect(s.cancelling).toBe(true);
  });
});

describe("progressRows", () => {
  test("status and token for every readiness state", () => {
    const s: ProgressState = {
      ...startProgress("install web", T0),
      resources: [
        { key: "1", kind: "Deployment", name: "ok", ready: true, count: "2/2", action: "created", reason: "2/2 ready" },
        { key: "2", kind: "Deployment", name: "ready-no-count", ready: true },
        { key: "3", kind: "Deployment", name: "crash", ready: false, count: "0/1", problem: "CrashLoopBackOff", reason: "0/1 ready" },
        { key: "4", kind: "Pod", name: "pending", ready: false, problem: "Pending", reason: "unschedulable" },
        { key: "5", kind: "Deployment", name: "progressing", ready: false },
        { key: "6", kind: "Secret", name: "nothing-yet" },
        { key: "7", kind: "Secret", name: "gone", action: "deleted" },
      ],
    };
    expect(progressRows(s)).toEqual([
      { kind: "Deployment", name: "ok", ready: "2/2", status: "Ready", reason: "created", token: "status.ok" },
      { kind: "Deployment", name: "ready-no-count", ready: "✓", status: "Ready", reason: "", token: "status.ok" },
      { kind: "Deployment", name: "crash", ready: "0/1", status: "CrashLoopBackOff", reason: "0/1 ready", token: "status.error" },
      { kind: "Pod", name: "pending", ready: "…", status: "Pending", reason: "unschedulable", token: "status.warn" },
      { kind: "Deployment", name: "progressing", ready: "…", status: "Progressing", reason: "", token: "status.warn" },
      { kind: "Secret", name: "nothing-yet", ready: "-", status: "pending", reason: "", token: "text" },
      { kind: "Secret", name: "gone", ready: "-", status: "deleted", reason: "", token: "muted" },
    ]);
  });

  test("hooks come after the resources, with a token per phase", () => {
    const s = fold([
      deployApplied,
      { type: "hook", event: "pre-upgrade", kind: "Job", name: "migrate", phase: "succeeded" },
      { type: "hook", event: "post-upgrade", kind: "Job", name: "notify", phase: "failed" },
      { type: "hook", event: "post-upgrade", kind: "Pod", name: "smoke", phase: "running" },
      { type: "hook", event: "pre-upgrade", kind: "ConfigMap", name: "cfg", phase: "deleted" },
    ]);
    expect(progressRows(s)).toEqual([
      { kind: "Deployment", name: "web", ready: "-", status: "configured", reason: "", token: "text" },
      { kind: "Job", name: "migrate", ready: "-", status: "hook succeeded", reason: "pre-upgrade", token: "status.ok" },
      { kind: "Job", name: "notify", ready: "-", status: "hook failed", reason: "post-upgrade", token: "status.error" },
      { kind: "Pod", name: "smoke", ready: "-", status: "hook running", reason: "post-upgrade", token: "status.warn" },
      { kind: "ConfigMap", name: "cfg", ready: "-", status: "hook deleted", reason: "pre-upgrade", token: "muted" },
    ]);
  });

  test("no rows before anything happened", () => {
    expect(progressRows(startProgress("install web", T0))).toEqual([]);
  });
});

describe("progressSummary", () => {
  test("starting, with and without a timeout", () => {
    expect(progressSummary(startProgress("install web", T0, 300_000), T0 + 3_000)).toEqual({ text: "starting · 3s / 5m00s", token: "status.info" });
    expect(progressSummary(startProgress("uninstall web", T0), T0 + 3_000)).toEqual({ text: "starting · 3s", token: "status.info" });
  });

  test("running: the phase and its message", () => {
    const s = fold([{ type: "phase", phase: "apply", message: "7 resources" }], startProgress("install web", T0, 90_000));
    expect(progressSummary(s, T0 + 61_000)).toEqual({ text: "apply: 7 resources · 1m01s / 1m30s", token: "status.info" });
    expect(progressSummary(foldProgress(s, { type: "phase", phase: "wait" }), T0 + 61_000)).toEqual({ text: "wait · 1m01s / 1m30s", token: "status.info" });
  });

  test("cancelling", () => {
    const s: ProgressState = { ...fold([{ type: "phase", phase: "wait" }]), cancelling: true };
    expect(progressSummary(s, T0 + 12_000)).toEqual({ text: "cancelling… 12s / 5m00s", token: "status.warn" });
    expect(progressSummary({ ...startProgress("uninstall web", T0), cancelling: true }, T0 + 12_000)).toEqual({ text: "cancelling… 12s", token: "status.warn" });
  });

  test("finished: the outcome and the time it took, which stops counting", () => {
    const s = finishProgress(fold([{ type: "phase", phase: "wait" }]), { ok: true, message: "web revision 1 deployed" }, T0 + 75_000);
    expect(progressSummary(s, T0 + 75_000)).toEqual({ text: "✓ web revision 1 deployed · 1m15s", token: "status.ok" });
    expect(progressSummary(s, T0 + 500_000)).toEqual({ text: "✓ web revision 1 deployed · 1m15s", token: "status.ok" });
    const failed = finishProgress(startProgress("install web", T0), { ok: false, message: "timed out" }, T0 + 300_000);
    expect(progressSummary(failed, T0 + 300_000)).toEqual({ text: "✗ timed out · 5m00s", token: "status.error" });
  });
});

describe("elapsedLabel", () => {
  test.each([
    [0, "0s"],
    [999, "0s"],
    [59_999, "59s"],
    [60_000, "1m00s"],
    [65_000, "1m05s"],
    [305_000, "5m05s"],
    [3_600_000, "60m00s"],
    [-5_000, "0s"],
  ])("%i ms is %s", (ms, label) => {
    expect(elapsedLabel(ms)).toBe(label);
  });
});
