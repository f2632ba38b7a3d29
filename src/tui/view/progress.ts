// The live progress view's model: an action's event stream folded into
// phases, one row per resource (kind, name, ready count, status, reason),
// hooks and release transitions. Pure, so every event kind is unit-tested.
import type { ActionEvent } from "../../actions/events.js";
import type { TokenName } from "../theme.js";

export interface ResourceProgress {
  key: string;
  kind: string;
  name: string;
  namespace?: string;
  /** What the apply did: created, configured, unchanged, deleted... */
  action?: string;
  ready?: boolean;
  count?: string;
  problem?: string;
  reason?: string;
}

export interface HookProgress {
  key: string;
  event: string;
  kind: string;
  name: string;
  phase: string;
}

export interface ReleaseStep {
  revision: number;
  status: string;
  description?: string;
}

export interface ProgressState {
  title: string;
  startedAt: number;
  timeoutMs?: number;
  phase?: string;
  phaseMessage?: string;
  resources: ResourceProgress[];
  hooks: HookProgress[];
  releases: ReleaseStep[];
  warnings: string[];
  /** An --atomic failure is being undone. */
  rollingBack: boolean;
  /** Steps that finished inside the action (the rollback of an atomic upgrade). */
  steps: string[];
  cancelling: boolean;
  result?: { ok: boolean; message: string };
  finishedAt?: number;
}

export function startProgress(title: string, startedAt: number, timeoutMs?: number): ProgressState {
  return { title, startedAt, timeoutMs, resources: [], hooks: [], releases: [], warnings: [], rollingBack: false, steps: [], cancelling: false };
}

function resourceKey(kind: string, name: string, namespace?: string): string {
  return `${kind}/${namespace ?? ""}/${name}`;
}

function upsert(list: ResourceProgress[], key: string, patch: Omit<ResourceProgress, "key">): ResourceProgress[] {
  const i = list.findIndex((r) => r.key === key);
  if (i === -1) return [...list, { key, ...patch }];
  const next = list.slice();
  next[i] = { ...next[i]!, ...patch };
  return next;
}

/** The reason without the "deployment/web " prefix the row already shows. */
function shortReason(kind: string, name: string, reason: string): string {
  const prefix = `${kind.toLowerCase()}/${name} `;
  return reason.startsWith(prefix) ? reason.slice(prefix.length) : reason;
}

export function foldProgress(s: ProgressState, e: ActionEvent): ProgressState {
  switch (e.type) {
    case "phase":
      return { ...s, phase: e.phase, phaseMessage: e.message };
    case "resource": {
      const key = resourceKey(e.kind, e.name, e.namespace);
      // A re-apply (the rollback of an atomic upgrade) starts the object's readiness afresh.
      return { ...s, resources: upsert(s.resources, key, { kind: e.kind, name: e.name, namespace: e.namespace, action: e.action, ready: undefined, count: undefined, problem: undefined, reason: undefined }) };
    }
    case "readiness": {
      const key = resourceKey(e.kind, e.name, e.namespace);
      const patch = { kind: e.kind, name: e.name, namespace: e.namespace, ready: e.ready, count: e.count, problem: e.problem, reason: shortReason(e.kind, e.name, e.reason) };
      // Hook Jobs and Pods report readiness too; they belong to the hook rows.
      const hook = s.hooks.find((h) => h.kind === e.kind && h.name === e.name);
      if (hook) return s;
      return { ...s, resources: upsert(s.resources, key, patch) };
    }
    case "hook": {
      const key = `${e.event}/${e.kind}/${e.name}`;
      const i = s.hooks.findIndex((h) => h.key === key);
      const row = { key, event: e.event, kind: e.kind, name: e.name, phase: e.phase };
      const hooks = i === -1 ? [...s.hooks, row] : s.hooks.map((h, j) => (j === i ? row : h));
      return { ...s, hooks };
    }
    case "release": {
      const releases = [...s.releases, { revision: e.revision, status: e.status, description: e.description }];
      return { ...s, releases, rollingBack: s.rollingBack || e.status === "pending-rollback" };
    }
    case "warning":
      return { ...s, warnings: [...s.warnings, e.message] };
    case "done":
      // The runner reports the outcome of the whole operation (see finishProgress); a done
      // inside the stream ends a nested step, such as the rollback of an atomic upgrade.
      return { ...s, steps: [...s.steps, e.ok ? `${s.rollingBack ? "rollback" : "step"} complete${e.revision ? `: revision ${e.revision}` : ""}` : `failed: ${e.error ?? "unknown error"}`] };
    default: {
      const never: never = e;
      return never;
    }
  }
}

export function finishProgress(s: ProgressState, result: { ok: boolean; message: string }, now: number): ProgressState {
  return { ...s, result, cancelling: false, finishedAt: now };
}

export function elapsedLabel(ms: number): string {
  const sec = Math.max(0, Math.floor(ms / 1000));
  const m = Math.floor(sec / 60);
  return m > 0 ? `${m}m${String(sec % 60).padStart(2, "0")}s` : `${sec}s`;
}

export interface ProgressRow {
  kind: string;
  name: string;
  ready: string;
  status: string;
  reason: string;
  token: TokenName;
}

/** One table row per resource, then one per hook. */
export function progressRows(s: ProgressState): ProgressRow[] {
  const rows: ProgressRow[] = s.resources.map((r) => {
    let status: string;
    let token: TokenName;
    if (r.ready === true) {
      status = "Ready";
      token = "status.ok";
    } else if (r.ready === false) {
      status = r.problem ?? "Progressing";
      token = r.problem && r.problem !== "Pending" ? "status.error" : "status.warn";
    } else {
      status = r.action ?? "pending";
      token = r.action === "deleted" ? "muted" : "text";
    }
    // A ready object needs no reason; what the apply did says more.
    const reason = r.ready === true ? (r.action ?? "") : (r.reason ?? "");
    return { kind: r.kind, name: r.name, ready: r.count ?? (r.ready === true ? "✓" : r.ready === false ? "…" : "-"), status, reason, token };
  });
  for (const h of s.hooks) {
    const token: TokenName = h.phase === "succeeded" ? "status.ok" : h.phase === "failed" ? "status.error" : h.phase === "running" ? "status.warn" : "muted";
    rows.push({ kind: h.kind, name: h.name, ready: "-", status: `hook ${h.phase}`, reason: h.event, token });
  }
  return rows;
}

/** The line under the title: phase, elapsed time against the timeout, outcome. */
export function progressSummary(s: ProgressState, now: number): { text: string; token: TokenName } {
  const elapsed = elapsedLabel((s.finishedAt ?? now) - s.startedAt);
  const clock = s.timeoutMs ? `${elapsed} / ${elapsedLabel(s.timeoutMs)}` : elapsed;
  if (s.result) return { text: `${s.result.ok ? "✓" : "✗"} ${s.result.message} · ${elapsed}`, token: s.result.ok ? "status.ok" : "status.error" };
  if (s.cancelling) return { text: `cancelling… ${clock}`, token: "status.warn" };
  const phase = s.phase ? `${s.phase}${s.phaseMessage ? `: ${s.phaseMessage}` : ""}` : "starting";
  return { text: `${s.rollingBack ? "rolling back · " : ""}${phase} · ${clock}`, token: s.rollingBack ? "status.warn" : "status.info" };
}
