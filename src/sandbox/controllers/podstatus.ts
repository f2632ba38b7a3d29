// Pure: the status a kubelet would report for a pod at a given stage of its
// simulated life. Kept apart from the timeline so it can be read (and tested)
// as a table of stage -> what `kubectl get pods` shows.
import { createHash } from "node:crypto";
import { containerFault, crashLoops, type Fault, initFault } from "./faults.js";
import type { KubeObject } from "./host.js";
import { type Condition, setCondition } from "./objects.js";

export type Stage =
  | "unscheduled" // Pending, no node
  | "scheduled" // Pending, ContainerCreating (pulling)
  | "pullError" // ErrImagePull
  | "pullBackOff" // ImagePullBackOff
  | "running" // Running, not yet Ready
  | "ready" // Running and Ready
  | "crashed" // CrashLoopBackOff between restarts
  | "succeeded"
  | "failed";

export interface PodLife {
  stage: Stage;
  restarts: number;
  /** When the containers last started, and when the last crash happened. */
  startedAt?: string;
  lastCrashStart?: string;
  lastCrashEnd?: string;
  /** When a run-to-completion pod's containers exited. */
  finishedAt?: string;
  exitCode: number;
  backoffMs: number;
  ip?: string;
  hostIP?: string;
  hostNode?: string;
  startTime?: string;
}

interface Container {
  name: string;
  image?: string;
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
}

const TERMINAL = new Set<Stage>(["succeeded", "failed"]);

/** A stable 64-hex-digit id (container IDs, image digests) derived from a seed. */
function fakeID(prefix: string, seed: string): string {
  return prefix + createHash("sha256").update(seed).digest("hex");
}

function qosClass(containers: Container[]): string {
  const reqs = containers.map((c) => c.resources ?? {});
  if (reqs.every((r) => !r.requests && !r.limits)) return "BestEffort";
  const guaranteed = reqs.every(
    (r) => r.limits?.cpu && r.limits?.memory && (r.requests?.cpu ?? r.limits.cpu) === r.limits.cpu && (r.requests?.memory ?? r.limits.memory) === r.limits.memory,
  );
  return guaranteed ? "Guaranteed" : "Burstable";
}

function containerState(pod: KubeObject, c: Container, life: PodLife, fault: Fault | undefined): Record<string, unknown> {
  const base = {
    name: c.name,
    image: c.image,
    imageID: "",
    ready: false,
    restartCount: 0,
    started: false,
    state: { waiting: { reason: "ContainerCreating" } } as Record<string, unknown>,
    lastState: {} as Record<string, unknown>,
  };
  const running = { ...base, containerID: fakeID("containerd://", pod.metadata.uid + c.name), imageID: `${c.image}@sha256:${fakeID("", c.image ?? "")}` };
  const policy = pod.spec?.restartPolicy ?? "Always";
  const crashes = crashLoops(fault, policy);
  const restarts = crashes || policy === "OnFailure" ? life.restarts : 0;
  const lastState = restarts > 0 && life.lastCrashEnd
    ? { terminated: { exitCode: 1, reason: "Error", startedAt: life.lastCrashStart, finishedAt: life.lastCrashEnd, containerID: running.containerID } }
    : {};
  switch (life.stage) {
    case "unscheduled":
    case "scheduled":
      return base;
    case "pullError":
    case "pullBackOff":
      if (fault !== "pullerror") return base;
      return life.stage === "pullError"
        ? { ...base, state: { waiting: { reason: "ErrImagePull", message: `failed to pull and unpack image "${c.image}": not found` } } }
        : { ...base, state: { waiting: { reason: "ImagePullBackOff", message: `Back-off pulling image "${c.image}"` } } };
    case "running":
    case "ready": {
      // A crash-looping container dies before its readiness could pass, so it never counts as Ready.
      const ready = life.stage === "ready" && fault !== "notready" && !crashes;
      return { ...running, restartCount: restarts, lastState, started: true, ready, state: { running: { startedAt: life.startedAt } } };
    }
    case "crashed":
      if (!crashes) return { ...running, started: true, ready: fault !== "notready", state: { running: { startedAt: life.startedAt } } };
      return {
        ...running,
        restartCount: restarts,
        lastState,
        state: { waiting: { reason: "CrashLoopBackOff", message: `back-off ${Math.round(life.backoffMs / 1000)}s restarting failed container=${c.name} pod=${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})` } },
      };
    case "succeeded":
    case "failed": {
      const code = life.stage === "succeeded" ? 0 : life.exitCode;
      return {
        ...running,
        restartCount: restarts,
        lastState,
        state: { terminated: { exitCode: code, reason: code === 0 ? "Completed" : "Error", startedAt: life.startedAt, finishedAt: life.finishedAt, containerID: running.containerID } },
      };
    }
  }
}

/** The full pod status for `life`, keeping condition transition times from `prev`. */
export function podStatus(pod: KubeObject, life: PodLife, now: string): Record<string, unknown> {
  const prev = (pod.status ?? {}) as Record<string, any>;
  const containers = (pod.spec?.containers ?? []) as Container[];
  const inits = (pod.spec?.initContainers ?? []) as Container[];
  const blocked = initFault(pod);
  const waitingInit = (c: Container) => ({ name: c.name, image: c.image, imageID: "", ready: false, restartCount: 0, started: false, state: { waiting: { reason: "PodInitializing" } }, lastState: {} });
  const statuses = blocked ? containers.map(waitingInit) : containers.map((c) => containerState(pod, c, life, containerFault(pod, c)));
  const started = !blocked && !["unscheduled", "scheduled", "pullError", "pullBackOff"].includes(life.stage);
  const phase =
    life.stage === "succeeded" ? "Succeeded" : life.stage === "failed" ? "Failed" : started ? "Running" : "Pending";
  const initStarted = !["unscheduled", "scheduled", "pullError", "pullBackOff"].includes(life.stage);
  const status: Record<string, any> = { phase, qosClass: qosClass([...containers, ...inits]) };
  if (life.stage === "unscheduled") {
    status.conditions = prev.conditions ?? [];
    return status;
  }
  const unready = statuses.filter((s) => !s.ready).map((s) => s.name as string);
  const allReady = unready.length === 0 && phase === "Running";
  const terminal = TERMINAL.has(life.stage);
  const notReadyMsg = `containers with unready status: [${unready.join(" ")}]`;
  let conds: Condition[] = (prev.conditions as Condition[]) ?? [];
  conds = setCondition(conds, { type: "PodReadyToStartContainers", status: initStarted || terminal ? "True" : "False" }, now);
  conds = setCondition(
    conds,
    started || inits.length === 0
      ? { type: "Initialized", status: "True" }
      : { type: "Initialized", status: "False", reason: "ContainersNotInitialized", message: `containers with incomplete status: [${inits.map((c) => c.name).join(" ")}]` },
    now,
  );
  const readyCond = (type: string): Omit<Condition, "lastTransitionTime"> =>
    allReady
      ? { type, status: "True" }
      : terminal
        ? { type, status: "False", reason: "PodCompleted" }
        : { type, status: "False", reason: "ContainersNotReady", message: notReadyMsg };
  conds = setCondition(conds, readyCond("Ready"), now);
  conds = setCondition(conds, readyCond("ContainersReady"), now);
  conds = setCondition(conds, { type: "PodScheduled", status: "True" }, now);
  for (const c of conds) c.lastProbeTime = null;
  Object.assign(status, {
    conditions: conds,
    hostIP: life.hostIP,
    hostIPs: life.hostIP ? [{ ip: life.hostIP }] : undefined,
    startTime: life.startTime,
    containerStatuses: statuses,
  });
  if (initStarted || terminal) Object.assign(status, { podIP: life.ip, podIPs: life.ip ? [{ ip: life.ip }] : undefined });
  if (inits.length > 0) {
    const completed = (c: Container) => ({ name: c.name, image: c.image, imageID: "", ready: true, restartCount: 0, started: false, state: { terminated: { exitCode: 0, reason: "Completed", startedAt: life.startTime, finishedAt: life.startedAt } }, lastState: {} });
    status.initContainerStatuses = inits.map((c, i) => {
      if (!blocked) return started ? completed(c) : waitingInit(c);
      if (i < blocked.index) return initStarted ? completed(c) : waitingInit(c);
      if (i > blocked.index) return waitingInit(c);
      // The faulty init container lives the pod's stages itself; it is never Ready, as init containers never are until done.
      const own = containerState(pod, c, life, blocked.fault);
      return { ...own, ready: false, ...(life.stage === "unscheduled" || life.stage === "scheduled" ? { state: { waiting: { reason: "PodInitializing" } } } : {}) };
    });
  }
  return JSON.parse(JSON.stringify(status));
}
