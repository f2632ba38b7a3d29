import { describe, expect, it } from "vitest";
import { readiness, threeWayPatch } from "../../src/kube/index.js";

const meta = (name: string, generation = 1) => ({ name, generation });

describe("readiness (kstatus rules)", () => {
  const cases: [string, any, any[] | undefined, boolean, string][] = [
    ["deployment rolled out", { kind: "Deployment", apiVersion: "apps/v1", metadata: meta("web"), spec: { replicas: 3 }, status: { observedGeneration: 1, replicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3 } }, undefined, true, "deployment/web 3/3 ready"],
    [
      "deployment mid-rollout with a crash-looping pod",
      { kind: "Deployment", apiVersion: "apps/v1", metadata: meta("web", 2), spec: { replicas: 3 }, status: { observedGeneration: 2, replicas: 4, updatedReplicas: 1, readyReplicas: 3, availableReplicas: 3 } },
      [{ metadata: { name: "web-abc" }, spec: { restartPolicy: "Always" }, status: { containerStatuses: [{ state: { waiting: { reason: "CrashLoopBackOff" } } }] } }],
      false,
      "deployment/web 0/3 ready: pod web-abc CrashLoopBackOff",
    ],
    ["deployment not observed yet", { kind: "Deployment", apiVersion: "apps/v1", metadata: meta("web", 3), spec: { replicas: 1 }, status: { observedGeneration: 2, replicas: 1, updatedReplicas: 1, readyReplicas: 1, availableReplicas: 1 } }, undefined, false, "deployment/web 1/1 ready"],
    ["statefulset partly ready", { kind: "StatefulSet", apiVersion: "apps/v1", metadata: meta("db"), spec: { replicas: 2 }, status: { readyReplicas: 1, updatedReplicas: 2 } }, undefined, false, "statefulset/db 1/2 ready"],
    ["daemonset ready", { kind: "DaemonSet", apiVersion: "apps/v1", metadata: meta("agent"), status: { desiredNumberScheduled: 2, numberReady: 2, updatedNumberScheduled: 2 } }, undefined, true, "daemonset/agent 2/2 ready"],
    ["job complete", { kind: "Job", apiVersion: "batch/v1", metadata: meta("migrate"), status: { succeeded: 1, conditions: [{ type: "Complete", status: "True" }] } }, undefined, true, "job/migrate 1/1 complete"],
    ["pvc pending", { kind: "PersistentVolumeClaim", apiVersion: "v1", metadata: meta("data"), status: { phase: "Pending" } }, undefined, false, "persistentvolumeclaim/data pending"],
    ["load balancer without address", { kind: "Service", apiVersion: "v1", metadata: meta("lb"), spec: { type: "LoadBalancer" }, status: {} }, undefined, false, "service/lb waiting for a load balancer address"],
    ["cluster ip service", { kind: "Service", apiVersion: "v1", metadata: meta("svc"), spec: { type: "ClusterIP" } }, undefined, true, "service/svc ready"],
    ["crd established", { kind: "CustomResourceDefinition", apiVersion: "apiextensions.k8s.io/v1", metadata: meta("widgets.example.com"), status: { conditions: [{ type: "Established", status: "True" }] } }, undefined, true, "customresourcedefinition/widgets.example.com established"],
    ["custom resource with Ready=False", { kind: "Widget", apiVersion: "example.com/v1", metadata: meta("w"), status: { conditions: [{ type: "Ready", status: "False", reason: "Provisioning" }] } }, undefined, false, "widget/w not ready: Provisioning"],
    ["pod pulling badly", { kind: "Pod", apiVersion: "v1", metadata: meta("p"), status: { phase: "Pending", containerStatuses: [{ state: { waiting: { reason: "ImagePullBackOff" } } }] } }, undefined, false, "pod/p not ready: ImagePullBackOff"],
  ];
  for (const [name, obj, pods, ready, reason] of cases) {
    it(name, () => {
      expect(readiness(obj, pods)).toMatchObject({ ready, reason });
    });
  }

  it("carries the ready count and the problem holding a workload back", () => {
    const crashing = readiness(cases[1]![1], cases[1]![2]);
    expect(crashing).toMatchObject({ count: "0/3", problem: "CrashLoopBackOff" });
    expect(readiness(cases[0]![1])).toMatchObject({ count: "3/3" });
    expect(readiness(cases[0]![1]).problem).toBeUndefined();
    expect(readiness(cases[5]![1])).toMatchObject({ count: "1/1" });
    expect(readiness(cases[11]![1])).toMatchObject({ problem: "ImagePullBackOff" });
    expect(readiness({ kind: "Pod", apiVersion: "v1", metadata: meta("q"), status: { phase: "Pending" } } as any)).toMatchObject({ problem: "Pending" });
  });

  it("a failed job is terminal", () => {
    const r = readiness({ kind: "Job", apiVersion: "batch/v1", metadata: meta("j"), status: { conditions: [{ type: "Failed", status: "True", reason: "BackoffLimitExceeded" }] } } as any);
    expect(r).toMatchObject({ ready: false, failed: true, reason: "job/j failed: BackoffLimitExceeded" });
  });
});

describe("threeWayPatch", () => {
  it("keeps what others added, applies chart changes and removals", () => {
    const original = { metadata: { labels: { a: "1", gone: "x" } }, spec: { replicas: 1, image: "v1" } };
    const modified = { metadata: { labels: { a: "1" } }, spec: { replicas: 2, image: "v1" } };
    const current = { metadata: { labels: { a: "1", gone: "x", kubectl: "y" }, uid: "u" }, spec: { replicas: 1, image: "v1" }, status: {} };
    expect(threeWayPatch(original, modified, current)).toEqual({ metadata: { labels: { gone: null } }, spec: { replicas: 2 } });
  });

  it("restores a chart field someone changed by hand, as helm 3 does", () => {
    expect(threeWayPatch({ spec: { replicas: 1 } }, { spec: { replicas: 1 } }, { spec: { replicas: 5 } })).toEqual({ spec: { replicas: 1 } });
  });

  it("is undefined when nothing changes", () => {
    expect(threeWayPatch({ a: [1, 2] }, { a: [1, 2] }, { a: [1, 2], b: 3 })).toBeUndefined();
  });
});
