// The one action that may run at a time (install, upgrade, rollback,
// uninstall, test): its progress folded from the engine's events, its cancel
// switch, and listeners for whoever draws it. React reads it through
// useSyncExternalStore, so events re-render only the progress view.
import type { RunOptions } from "./engine/types.js";
import { finishProgress, foldProgress, type ProgressState, startProgress } from "./view/progress.js";

export interface OperationSpec {
  /** "upgrade web in default", shown as the view's title. */
  title: string;
  timeoutMs?: number;
  /** Resolves with the line shown on success. */
  run(opts: RunOptions): Promise<string>;
}

export class Operations {
  private current: ProgressState | null = null;
  private controller?: AbortController;
  private listeners = new Set<() => void>();
  /** Bumped when an operation ends, so lists reload. */
  generation = 0;

  constructor(private readonly now: () => number = Date.now) {}

  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };

  snapshot = (): ProgressState | null => this.current;

  get running(): boolean {
    return this.current !== null && !this.current.result;
  }

  start(spec: OperationSpec): Promise<void> {
    if (this.running) throw new Error("another action is still running");
    const controller = new AbortController();
    this.controller = controller;
    this.set(startProgress(spec.title, this.now(), spec.timeoutMs));
    return spec
      .run({ emit: (e) => this.current && this.set(foldProgress(this.current, e)), signal: controller.signal })
      .then(
        (message) => ({ ok: true, message }),
        (err: unknown) => ({ ok: false, message: err instanceof Error ? err.message : String(err) }),
      )
      .then((result) => {
        this.generation++;
        if (this.current) this.set(finishProgress(this.current, result, this.now()));
      });
  }

  /** Asks the running action to stop; it ends through its own error path, leaving the release failed. */
  cancel(): void {
    if (!this.running || !this.current) return;
    this.set({ ...this.current, cancelling: true });
    this.controller?.abort(new Error("cancelled from the terminal UI"));
  }

  /** Forgets a finished operation (the view closes). */
  dismiss(): void {
    if (this.running) return;
    this.set(null);
  }

  private set(next: ProgressState | null): void {
    this.current = next;
    for (const fn of this.listeners) fn();
  }
}
