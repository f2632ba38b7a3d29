// A single-worker reconcile queue. Keys are "Kind|namespace|name"; one key is
// reconciled at a time, so controllers never race one another over the same
// objects, and a key queued twice before it runs is reconciled once.
import type { Scheduler } from "./host.js";

export type Reconciler = (kind: string, namespace: string | undefined, name: string) => Promise<void>;

export class WorkQueue {
  private pending = new Set<string>();
  private timers = new Map<string, { handle: unknown; at: number }>();
  private failures = new Map<string, number>();
  private running = false;
  private stopped = false;
  private idleWaiters: (() => void)[] = [];

  constructor(
    private readonly reconcile: Reconciler,
    private readonly scheduler: Scheduler,
    private readonly clock: () => number,
    private readonly onError: (err: unknown, where: string) => void,
  ) {}

  add(key: string): void {
    if (this.stopped) return;
    this.pending.add(key);
    if (!this.running) void this.drain();
  }

  /** Reconciles `key` again after `ms`; an earlier pending request for the key wins. */
  addAfter(key: string, ms: number): void {
    if (this.stopped) return;
    const at = this.clock() + Math.max(0, ms);
    const prev = this.timers.get(key);
    if (prev && prev.at <= at) return;
    if (prev) this.scheduler.clearTimeout(prev.handle);
    const handle = this.scheduler.setTimeout(
      () => {
        this.timers.delete(key);
        this.add(key);
      },
      Math.max(0, ms),
    );
    this.timers.set(key, { handle, at });
  }

  /** Resolves once nothing is queued or running (timers may still be armed). */
  idle(): Promise<void> {
    if (!this.running && this.pending.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  stop(): void {
    this.stopped = true;
    this.pending.clear();
    for (const t of this.timers.values()) this.scheduler.clearTimeout(t.handle);
    this.timers.clear();
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      while (!this.stopped && this.pending.size > 0) {
        const key = this.pending.values().next().value as string;
        this.pending.delete(key);
        const [kind, ns, name] = key.split("|");
        try {
          await this.reconcile(kind, ns || undefined, name);
          this.failures.delete(key);
        } catch (err) {
          if (this.stopped) break;
          const n = (this.failures.get(key) ?? 0) + 1;
          this.failures.set(key, n);
          this.onError(err, `reconcile ${key}`);
          // Conflicts and races with other writers settle on a re-read; back off so a persistent error does not spin.
          this.addAfter(key, Math.min(50 * 2 ** n, 10_000));
        }
      }
    } finally {
      this.running = false;
      const waiters = this.idleWaiters.splice(0);
      for (const w of waiters) w();
    }
  }
}
