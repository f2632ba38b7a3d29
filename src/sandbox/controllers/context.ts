// What every controller receives: the host, resolved options, the queue, the
// event recorder and a pod IP allocator.
import type { EventRecorder } from "./events.js";
import type { ControllerHost, ControllerOptions, PodDelays, Scheduler } from "./host.js";
import { rfc3339 } from "./objects.js";
import type { WorkQueue } from "./queue.js";

export const DEFAULT_DELAYS: PodDelays = {
  schedule: 50,
  pull: 100,
  start: 100,
  ready: 100,
  jobRun: 200,
  backoff: 500,
  maxBackoff: 5_000,
};

export interface ResolvedOptions {
  nodes: string[];
  delays: PodDelays;
  scheduler: Scheduler;
  podIPPrefix: string;
  kubeletVersion: string;
  onError: (err: unknown, where: string) => void;
}

export function resolveOptions(o: ControllerOptions = {}): ResolvedOptions {
  return {
    nodes: o.nodes?.length ? [...o.nodes] : ["sandbox-node"],
    delays: { ...DEFAULT_DELAYS, ...o.delays },
    scheduler: o.scheduler ?? {
      setTimeout: (fn, ms) => {
        const t = setTimeout(fn, ms);
        // Simulation timers must never keep a CLI or test process alive.
        t.unref?.();
        return t;
      },
      clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
    },
    podIPPrefix: o.podIPPrefix ?? "10.244.",
    kubeletVersion: o.kubeletVersion ?? "v1.32.0",
    onError: o.onError ?? (() => {}),
  };
}

export interface Ctx {
  host: ControllerHost;
  opts: ResolvedOptions;
  queue: WorkQueue;
  events: EventRecorder;
  /** Current time as a Kubernetes timestamp. */
  stamp(): string;
  nowMs(): number;
  /** A pod IP no live pod holds. */
  nextPodIP(): string;
  /** Marks an IP as held (a resumed pod's) or, with `held` false, free again. */
  holdPodIP(ip: string, held: boolean): void;
}

export function makeCtx(host: ControllerHost, opts: ResolvedOptions, queue: WorkQueue, events: EventRecorder): Ctx {
  let ip = 1;
  const held = new Set<string>();
  const format = (n: number) => `${opts.podIPPrefix}${n >> 8}.${n & 255}`;
  return {
    host,
    opts,
    queue,
    events,
    stamp: () => rfc3339(host.now()),
    nowMs: () => host.now().getTime(),
    nextPodIP: () => {
      for (let tries = 0; tries < 65_000; tries++) {
        ip = ip >= 65_000 ? 2 : ip + 1;
        // Skip .0 and .255 of each /24 and any address a live pod holds.
        if ((ip & 255) === 0 || (ip & 255) === 255 || held.has(format(ip))) continue;
        break;
      }
      held.add(format(ip));
      return format(ip);
    },
    holdPodIP: (addr, on) => {
      if (on) held.add(addr);
      else held.delete(addr);
    },
  };
}
