// The progress events every release action emits. The CLI prints them as
// lines or JSON lines; the TUI folds them into its panes.
import type { ObjectRef, Readiness } from "../kube/index.js";
import type { ReleaseStatus } from "../storage/release.js";

export type ActionEvent =
  /** A step of the action: "render", "crds", "pre-install hooks", "apply", "wait", ... */
  | { type: "phase"; phase: string; message?: string }
  /** One object reached the cluster or left it. */
  | {
      type: "resource";
      action: "created" | "configured" | "unchanged" | "deleted" | "kept" | "adopted";
      kind: string;
      name: string;
      namespace?: string;
    }
  /** An object's readiness changed while waiting; `reason` reads "deployment/web 1/3 ready: pod web-abc CrashLoopBackOff". */
  | {
      type: "readiness";
      kind: string;
      name: string;
      namespace?: string;
      ready: boolean;
      reason: string;
      /** Ready out of desired for workloads ("2/3"), complete out of wanted for Jobs. */
      count?: string;
      /** What holds it back: "CrashLoopBackOff", "ImagePullBackOff", "Pending"... */
      problem?: string;
    }
  | { type: "hook"; event: string; kind: string; name: string; phase: "running" | "succeeded" | "failed" | "deleted" }
  /** The stored release changed status. */
  | { type: "release"; name: string; namespace: string; revision: number; status: ReleaseStatus; description?: string }
  | { type: "warning"; message: string }
  | { type: "done"; ok: boolean; name?: string; revision?: number; error?: string };

export type Emit = (e: ActionEvent) => void;

export const noEmit: Emit = () => {};

/** A readiness change of one object, as waits report it. */
export function readinessEvent(ref: ObjectRef, r: Readiness): ActionEvent {
  return {
    type: "readiness",
    kind: ref.kind,
    name: ref.name,
    namespace: ref.namespace,
    ready: r.ready,
    reason: r.reason,
    ...(r.count ? { count: r.count } : {}),
    ...(r.problem ? { problem: r.problem } : {}),
  };
}

/** One line for a terminal, as the CLI prints events. */
export function eventLine(e: ActionEvent): string {
  switch (e.type) {
    case "phase":
      return `==> ${e.phase}${e.message ? `: ${e.message}` : ""}`;
    case "resource":
      return `    ${e.kind.toLowerCase()}/${e.name} ${e.action}`;
    case "readiness":
      return `    ${e.ready ? "✓" : "…"} ${e.reason}`;
    case "hook":
      return `    hook ${e.kind.toLowerCase()}/${e.name} (${e.event}) ${e.phase}`;
    case "release":
      return `    release ${e.name} revision ${e.revision}: ${e.status}${e.description ? ` (${e.description})` : ""}`;
    case "warning":
      return `WARNING: ${e.message}`;
    case "done":
      return e.ok ? `==> done${e.name ? `: ${e.name} revision ${e.revision}` : ""}` : `==> failed: ${e.error ?? "unknown error"}`;
    default: {
      const never: never = e;
      return String(never);
    }
  }
}
