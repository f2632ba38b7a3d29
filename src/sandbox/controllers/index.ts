// Starts the simulated controllers over a ControllerHost: subscribes to every
// change, maps it to the objects whose controller must look again, and runs
// those reconciles one at a time on a shared queue.
import { makeCtx, resolveOptions } from "./context.js";
import { reconcileCronJob } from "./cronjob.js";
import { reconcileDaemonSet } from "./daemonset.js";
import { reconcileDeployment } from "./deployment.js";
import { EventRecorder } from "./events.js";
import type { ControllerHandle, ControllerHost, ControllerOptions, HostEvent, KubeObject } from "./host.js";
import { reconcileJob } from "./job.js";
import { ensureNodes } from "./nodes.js";
import { controllerOf, keyOf } from "./objects.js";
import { PodSimulator } from "./pods.js";
import { reconcilePVC } from "./pvc.js";
import { WorkQueue } from "./queue.js";
import { reconcileReplicaSet } from "./replicaset.js";
import { reconcileService } from "./services.js";
import { reconcileStatefulSet } from "./statefulset.js";

export type { ControllerHandle, ControllerHost, ControllerOptions, HostEvent, KubeObject } from "./host.js";
export { EXIT_CODE_ANNOTATION, FAULT_ANNOTATION } from "./faults.js";
export { TRIGGER_ANNOTATION } from "./cronjob.js";

/** Kinds whose changes wake a controller; everything else (ConfigMaps, Secrets, Events...) is ignored cheaply. */
const WATCHED = new Set(["Pod", "ReplicaSet", "Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob", "PersistentVolumeClaim", "Node", "Service"]);
const OWNER_KINDS = new Set(["ReplicaSet", "Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob"]);

const RESYNC = [
  ["v1", "Pod"],
  ["apps/v1", "ReplicaSet"],
  ["apps/v1", "Deployment"],
  ["apps/v1", "StatefulSet"],
  ["apps/v1", "DaemonSet"],
  ["batch/v1", "Job"],
  ["batch/v1", "CronJob"],
  ["v1", "PersistentVolumeClaim"],
  ["v1", "Service"],
] as const;

export function startControllers(host: ControllerHost, options?: ControllerOptions): ControllerHandle {
  const opts = resolveOptions(options);
  const events = new EventRecorder(host, opts.onError);
  let pods: PodSimulator | undefined;
  const queue = new WorkQueue(
    async (kind, ns, name) => {
      switch (kind) {
        case "Pod":
          return pods!.reconcile(ns!, name);
        case "ReplicaSet":
          return reconcileReplicaSet(ctx, ns!, name);
        case "Deployment":
          return reconcileDeployment(ctx, ns!, name);
        case "StatefulSet":
          return reconcileStatefulSet(ctx, ns!, name);
        case "DaemonSet":
          return reconcileDaemonSet(ctx, ns!, name);
        case "Job":
          return reconcileJob(ctx, ns!, name);
        case "CronJob":
          return reconcileCronJob(ctx, ns!, name);
        case "PersistentVolumeClaim":
          return reconcilePVC(ctx, ns!, name);
        case "Service":
          return reconcileService(ctx, ns!, name);
        case "ServicesIn":
          for (const svc of await host.list("v1", "Service", ns)) if (svc.spec?.selector) queue.add(keyOf("Service", ns, svc.metadata.name!));
          return;
        case "Nodes":
          return ensureNodes(ctx);
        case "Resync":
          for (const [apiVersion, k] of RESYNC) for (const obj of await host.list(apiVersion, k)) enqueue(obj);
          return;
        case "AllDaemonSets":
          for (const ds of await host.list("apps/v1", "DaemonSet")) queue.add(keyOf("DaemonSet", ds.metadata.namespace, ds.metadata.name!));
          return;
      }
    },
    opts.scheduler,
    () => host.now().getTime(),
    opts.onError,
  );
  const ctx = makeCtx(host, opts, queue, events);
  pods = new PodSimulator(ctx);

  const enqueue = (obj: KubeObject) => {
    const { kind, metadata } = obj;
    if (metadata.name) queue.add(keyOf(kind, metadata.namespace, metadata.name));
    const owner = controllerOf(obj);
    if (owner && OWNER_KINDS.has(owner.kind)) queue.add(keyOf(owner.kind, metadata.namespace, owner.name));
  };
  const onEvent = (ev: HostEvent) => {
    const obj = ev.object;
    if (!obj || !WATCHED.has(obj.kind)) return;
    if (obj.kind === "Node") return queue.add("AllDaemonSets||all");
    // Endpoints follow pod IPs and readiness; one key per namespace folds a burst of pod changes into one pass.
    if (obj.kind === "Pod") queue.add(keyOf("ServicesIn", obj.metadata.namespace, "-"));
    if (obj.kind === "Service") return queue.add(keyOf("Service", obj.metadata.namespace, obj.metadata.name!));
    if (ev.type === "DELETED") {
      if (obj.kind === "Pod") pods!.forget(obj.metadata.uid);
      events.forget(obj.metadata.uid);
      const owner = controllerOf(obj);
      if (owner && OWNER_KINDS.has(owner.kind)) queue.add(keyOf(owner.kind, obj.metadata.namespace, owner.name));
      return;
    }
    enqueue(obj);
  };
  const unsubscribe = host.subscribe(onEvent);

  // Objects stored before we started (a persisted sandbox) need a first look too.
  queue.add("Nodes||all");
  queue.add("Resync||all");

  return {
    stop() {
      unsubscribe();
      queue.stop();
    },
    idle: () => queue.idle(),
  };
}
