// The scheduler and kubelet stand-in: walks each pod through its simulated
// life (Pending -> ContainerCreating -> Running -> Ready, or a fault) on
// timers, writing the status and the Events a real node would.
import type { Ctx } from "./context.js";
import { containerFault, crashLoops, exitCode, initFault, podFault } from "./faults.js";
import type { KubeObject } from "./host.js";
import { nodeIP, schedulableNodes } from "./nodes.js";
import { getCondition, isTerminating, keyOf, sameJSON } from "./objects.js";
import { type PodLife, podStatus } from "./podstatus.js";

interface Timeline extends PodLife {
  /** When the next stage is due (virtual ms); undefined when the pod rests. */
  nextAt?: number;
}

const KUBELET = (node?: string) => ({ component: "kubelet", host: node });
const SCHEDULER = { component: "default-scheduler" };

function containers(pod: KubeObject): { name: string; image?: string }[] {
  return pod.spec?.containers ?? [];
}

/** The containers (init or app) that carry `fault`, for the events that name them. */
function carrying(pod: KubeObject, fault: "pullerror" | "crash"): { name: string; image?: string }[] {
  const init = initFault(pod);
  const inits = (pod.spec?.initContainers ?? []) as { name: string; image?: string }[];
  const pool = init ? [inits[init.index]] : containers(pod);
  const own = (c: { image?: string }) => (init ? init.fault : containerFault(pod, c));
  return pool.filter((c) => (fault === "pullerror" ? own(c) === "pullerror" : crashLoops(own(c), pod.spec?.restartPolicy)));
}

/** The fault that drives the pod's timeline: an init container's first, since it blocks the rest. */
function lifeFault(pod: KubeObject) {
  return initFault(pod)?.fault ?? podFault(pod);
}

function runsToCompletion(pod: KubeObject): boolean {
  const p = pod.spec?.restartPolicy;
  return p === "Never" || p === "OnFailure";
}

export class PodSimulator {
  private lives = new Map<string, Timeline>();
  private rr = 0;

  constructor(private readonly ctx: Ctx) {}

  forget(uid: string | undefined): void {
    if (!uid) return;
    const ip = this.lives.get(uid)?.ip;
    if (ip) this.ctx.holdPodIP(ip, false);
    this.lives.delete(uid);
  }

  async reconcile(namespace: string, name: string): Promise<void> {
    const { host, queue } = this.ctx;
    const pod = await host.get("v1", "Pod", namespace, name);
    if (!pod || isTerminating(pod)) return;
    const uid = pod.metadata.uid!;
    let life = this.lives.get(uid);
    if (!life) {
      if (pod.status?.phase === "Succeeded" || pod.status?.phase === "Failed") return;
      life = this.resume(pod);
      this.lives.set(uid, life);
    }
    while (life.nextAt !== undefined && life.nextAt <= this.ctx.nowMs()) await this.advance(pod, life, life.nextAt);
    const fresh = await host.get("v1", "Pod", namespace, name);
    if (!fresh || fresh.metadata.uid !== uid) return;
    const status = podStatus(fresh, life, this.ctx.stamp());
    if (!sameJSON(status, fresh.status)) await host.updateStatus({ ...fresh, status });
    if (life.nextAt !== undefined) queue.addAfter(keyOf("Pod", namespace, name), life.nextAt - this.ctx.nowMs());
  }

  /** A pod seen for the first time: new, or left half-way by an earlier run of the sandbox. */
  private resume(pod: KubeObject): Timeline {
    const now = this.ctx.nowMs();
    const s = pod.status ?? {};
    const statuses = [...(s.initContainerStatuses ?? []), ...(s.containerStatuses ?? [])] as { restartCount?: number; state?: any }[];
    const life: Timeline = {
      stage: "unscheduled",
      restarts: Math.max(0, ...statuses.map((c) => c.restartCount ?? 0)),
      exitCode: 0,
      backoffMs: 0,
      nextAt: now + this.ctx.opts.delays.schedule,
    };
    if (!s.hostIP || !pod.spec?.nodeName) return life;
    // Already placed on a node: keep its addresses and counters, and carry on from where it was.
    Object.assign(life, { hostNode: pod.spec.nodeName, hostIP: s.hostIP, ip: s.podIP, startTime: s.startTime });
    if (s.podIP) this.ctx.holdPodIP(s.podIP, true);
    life.startedAt = statuses.find((c) => c.state?.running)?.state.running.startedAt ?? s.startTime;
    if (getCondition(pod, "Ready")?.status === "True") {
      Object.assign(life, { stage: "ready", nextAt: runsToCompletion(pod) ? now + this.ctx.opts.delays.jobRun : undefined });
    } else {
      Object.assign(life, { stage: "scheduled", nextAt: now + this.ctx.opts.delays.pull });
    }
    return life;
  }

  private async advance(pod: KubeObject, life: Timeline, at: number): Promise<void> {
    const d = this.ctx.opts.delays;
    const fault = lifeFault(pod);
    const node = pod.spec?.nodeName as string | undefined;
    const inits = new Set(((pod.spec?.initContainers ?? []) as { name: string }[]).map((c) => c.name));
    const ev = (type: "Normal" | "Warning", reason: string, message: string, c?: string) =>
      this.ctx.events.record(pod, type, reason, message, KUBELET(node ?? life.hostNode), c ? `spec.${inits.has(c) ? "initContainers" : "containers"}{${c}}` : undefined);
    const crashes = crashLoops(fault, pod.spec?.restartPolicy);
    life.nextAt = undefined;
    switch (life.stage) {
      case "unscheduled": {
        const target = await this.schedule(pod);
        if (!target) {
          await this.ctx.events.record(pod, "Warning", "FailedScheduling", "0/0 nodes are available: no nodes available to schedule pods.", SCHEDULER);
          life.nextAt = at + d.maxBackoff;
          return;
        }
        Object.assign(life, { stage: "scheduled", hostNode: target, hostIP: nodeIP(this.ctx, target), ip: this.ctx.nextPodIP(), startTime: this.ctx.stamp() });
        await this.ctx.events.record(pod, "Normal", "Scheduled", `Successfully assigned ${pod.metadata.namespace}/${pod.metadata.name} to ${target}`, SCHEDULER);
        for (const c of [...((pod.spec?.initContainers ?? []) as { name: string; image?: string }[]), ...containers(pod)]) await ev("Normal", "Pulling", `Pulling image "${c.image}"`, c.name);
        life.nextAt = at + d.pull + (fault === "pullerror" ? 0 : d.start);
        return;
      }
      case "scheduled":
      case "pullBackOff":
        if (fault === "pullerror") {
          for (const c of carrying(pod, "pullerror")) {
            await ev("Warning", "Failed", `Failed to pull image "${c.image}": rpc error: code = NotFound desc = failed to pull and unpack image "${c.image}": not found`, c.name);
            await ev("Warning", "Failed", "Error: ErrImagePull", c.name);
          }
          life.stage = "pullError";
          life.nextAt = at + d.backoff;
          return;
        }
        return this.start(pod, life, at, crashes, ev);
      case "pullError":
        life.backoffMs = Math.min(life.backoffMs ? life.backoffMs * 2 : d.backoff, d.maxBackoff);
        for (const c of carrying(pod, "pullerror")) {
          await ev("Normal", "BackOff", `Back-off pulling image "${c.image}"`, c.name);
          await ev("Warning", "Failed", "Error: ImagePullBackOff", c.name);
        }
        life.stage = "pullBackOff";
        life.nextAt = at + life.backoffMs;
        return;
      case "running":
        if (crashes) return this.crash(pod, life, at, ev);
        life.stage = "ready";
        if (runsToCompletion(pod)) life.nextAt = at + d.jobRun;
        return;
      case "ready": {
        // Only run-to-completion pods leave Ready: their containers exit.
        life.exitCode = exitCode(pod);
        life.finishedAt = this.ctx.stamp();
        if (life.exitCode === 0) life.stage = "succeeded";
        else if (pod.spec?.restartPolicy === "OnFailure") return this.crash(pod, life, at, ev);
        else life.stage = "failed";
        return;
      }
      case "crashed":
        for (const c of carrying(pod, "crash")) await ev("Normal", "Pulled", `Container image "${c.image}" already present on machine`, c.name);
        return this.start(pod, life, at, crashes, ev);
      case "succeeded":
      case "failed":
        return;
    }
  }

  private async start(pod: KubeObject, life: Timeline, at: number, crashes: boolean, ev: EventFn): Promise<void> {
    // After a crash only the crashing containers start again; a faulty init container is as far as a pod gets.
    const init = initFault(pod);
    const inits = (pod.spec?.initContainers ?? []) as { name: string; image?: string }[];
    const starting = life.stage === "crashed" ? carrying(pod, "crash") : init ? inits.slice(0, init.index + 1) : [...inits, ...containers(pod)];
    for (const c of starting) {
      if (life.stage !== "crashed") await ev("Normal", "Pulled", `Successfully pulled image "${c.image}"`, c.name);
      await ev("Normal", "Created", `Created container ${c.name}`, c.name);
      await ev("Normal", "Started", `Started container ${c.name}`, c.name);
    }
    life.stage = "running";
    life.startedAt = this.ctx.stamp();
    // A never-ready app container, or an init container that never finishes, holds the pod here.
    if (lifeFault(pod) === "notready" && (initFault(pod) || !runsToCompletion(pod))) return;
    life.nextAt = at + (crashes ? this.ctx.opts.delays.start : this.ctx.opts.delays.ready);
  }

  private async crash(pod: KubeObject, life: Timeline, at: number, ev: EventFn): Promise<void> {
    const d = this.ctx.opts.delays;
    life.restarts += 1;
    life.lastCrashStart = life.startedAt;
    life.lastCrashEnd = this.ctx.stamp();
    life.backoffMs = Math.min(d.backoff * 2 ** (life.restarts - 1), d.maxBackoff);
    life.stage = "crashed";
    for (const c of carrying(pod, "crash")) {
      await ev("Warning", "BackOff", `Back-off restarting failed container ${c.name} in pod ${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})`, c.name);
    }
    life.nextAt = at + life.backoffMs;
  }

  /** Binds the pod to a node (round-robin over schedulable Nodes unless it names one). */
  private async schedule(pod: KubeObject): Promise<string | undefined> {
    const { host } = this.ctx;
    const preset = pod.spec?.nodeName as string | undefined;
    if (preset) return preset;
    const nodes = await schedulableNodes(this.ctx);
    if (nodes.length === 0) return undefined;
    const target = nodes[this.rr++ % nodes.length].metadata.name!;
    const ns = pod.metadata.namespace!;
    if (host.bind) await host.bind(ns, pod.metadata.name!, target);
    else {
      const fresh = await host.get("v1", "Pod", ns, pod.metadata.name!);
      if (!fresh) return undefined;
      await host.update({ ...fresh, spec: { ...fresh.spec, nodeName: target } });
    }
    pod.spec = { ...pod.spec, nodeName: target };
    return target;
  }
}

type EventFn = (type: "Normal" | "Warning", reason: string, message: string, c?: string) => Promise<void>;
