// PersistentVolumeClaims bind at once, as with a default dynamic provisioner,
// so helm's --wait (which waits for claims to be Bound) finishes.
import type { Ctx } from "./context.js";

export async function reconcilePVC(ctx: Ctx, namespace: string, name: string): Promise<void> {
  const pvc = await ctx.host.get("v1", "PersistentVolumeClaim", namespace, name);
  if (!pvc || pvc.metadata.deletionTimestamp || pvc.status?.phase === "Bound") return;
  const storage = pvc.spec?.resources?.requests?.storage;
  await ctx.host.updateStatus({
    ...pvc,
    status: {
      ...(pvc.status ?? {}),
      phase: "Bound",
      accessModes: pvc.spec?.accessModes ?? ["ReadWriteOnce"],
      ...(storage ? { capacity: { storage } } : {}),
    },
  });
}
