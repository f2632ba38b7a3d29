// `recover RELEASE`: helm leaves a release stuck in pending-* when its process
// dies mid-operation, and refuses every later operation. This marks the stuck
// revision failed so upgrade and rollback can proceed, after checking that no
// operation is still touching it.
import type { Release } from "../storage/index.js";
import { isPending } from "../storage/index.js";
import { type ActionConfig, ActionError } from "./config.js";
import { setStatus } from "./lifecycle.js";
import { validateReleaseName } from "./names.js";

export interface RecoverOptions {
  name: string;
  /** How long the stuck record must stay unchanged before it counts as abandoned. */
  quietMs?: number;
}

export async function recover(cfg: ActionConfig, o: RecoverOptions): Promise<Release> {
  validateReleaseName(o.name);
  const storage = cfg.storage();
  const last = await storage.last(o.name);
  if (!isPending(last.info.status)) {
    throw new ActionError(`release "${o.name}" is not stuck: revision ${last.version} is ${last.info.status}`);
  }
  // A live operation rewrites its record (status, hooks' last runs) as it goes;
  // an abandoned one does not.
  const quiet = o.quietMs ?? 3000;
  const before = JSON.stringify(last);
  await new Promise((r) => setTimeout(r, quiet));
  const again = await storage.last(o.name);
  if (again.version !== last.version || JSON.stringify(again) !== before) {
    throw new ActionError(`release "${o.name}" changed while checking it: an operation is still running`);
  }
  const was = last.info.status;
  await setStatus(cfg, storage, again, "failed", `Release "${o.name}" recovered from ${was}: the operation was interrupted`);
  return again;
}
