// `rollback [REVISION]`: a new revision carrying an older one's chart,
// values and manifest (helm's action.Rollback).
import type { Release } from "../storage/index.js";
import { ZERO_TIME } from "../storage/index.js";
import { type ActionConfig, ActionError } from "./config.js";
import { deploy } from "./deploy.js";
import { assertNotPending, now, parseDuration } from "./lifecycle.js";
import { validateReleaseName } from "./names.js";

export interface RollbackOptions {
  name: string;
  /** 0 or absent: the previous revision. */
  revision?: number;
  wait?: boolean;
  waitForJobs?: boolean;
  timeout?: string;
  force?: boolean;
  noHooks?: boolean;
  cleanupOnFail?: boolean;
  historyMax?: number;
  dryRun?: boolean;
}

export async function rollback(cfg: ActionConfig, o: RollbackOptions): Promise<Release> {
  validateReleaseName(o.name);
  const storage = cfg.storage();
  storage.maxHistory = o.historyMax ?? 10;
  const history = (await storage.history(o.name)).sort((a, b) => a.version - b.version);
  if (history.length === 0) throw new ActionError(`release: not found`);
  const last = history[history.length - 1]!;
  assertNotPending(last);
  let target = o.revision ?? 0;
  if (target === 0) target = last.version - 1;
  if (target < 1) throw new ActionError(`release has no ${target} version`);
  const prev = history.find((h) => h.version === target);
  if (!prev) throw new ActionError(`release has no ${target} version`);
  const deployed = history.filter((h) => h.info.status === "deployed");
  const current = deployed[deployed.length - 1] ?? last;
  const revision = last.version + 1;
  const next: Release = {
    name: o.name,
    namespace: prev.namespace,
    version: revision,
    info: { first_deployed: current.info.first_deployed, last_deployed: now(), deleted: ZERO_TIME, status: "pending-rollback", description: `Rollback to ${target}`, notes: prev.info.notes },
    chart: prev.chart,
    config: prev.config,
    manifest: prev.manifest,
    hooks: prev.hooks?.map((h) => ({ ...h, last_run: { ...h.last_run } })),
    apply_method: current.apply_method === "ssa" ? "ssa" : undefined,
    labels: prev.labels,
  };
  if (o.dryRun) return next;
  await storage.create(next);
  cfg.emit({ type: "release", name: next.name, namespace: next.namespace, revision, status: "pending-rollback", description: next.info.description });
  await deploy(
    cfg,
    {
      storage,
      current,
      next,
      hookPrefix: "rollback",
      noHooks: o.noHooks,
      wait: o.wait,
      waitForJobs: o.waitForJobs,
      timeoutMs: parseDuration(o.timeout),
      force: o.force,
      cleanupOnFail: o.cleanupOnFail,
      successDescription: `Rollback to ${target}`,
      alsoSupersede: deployed,
    },
    `Rollback "${o.name}" failed`,
  );
  cfg.emit({ type: "done", ok: true, name: next.name, revision });
  return next;
}
