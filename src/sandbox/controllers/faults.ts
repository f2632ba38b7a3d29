// Fault injection: an image tag or a pod annotation makes a simulated pod
// misbehave in the ways charts meet on real clusters.
//
//   image tag / annotation value   what the pod does
//   crashloop                      runs briefly, exits 1, restarts with growing back-off
//                                  (CrashLoopBackOff, restartCount counting up, never Ready);
//                                  with restartPolicy Never it fails instead
//   pullerror                      never starts: ErrImagePull, then ImagePullBackOff
//   notready                       runs but never becomes Ready
//   fail                           a run-to-completion container exits 1 (Job and hook
//                                  failures); under restartPolicy Always it crash-loops
//
// `sandbox.chartroom.dev/fault: <value>` on a pod (or pod template) applies to
// all its app containers; on a Job it reaches the Job's pods.
// `sandbox.chartroom.dev/exit-code: "N"` sets the exit code of a run-to-completion pod.
// An init container's image tag holds the whole pod in its init phase.
import type { KubeObject } from "./host.js";

export const FAULT_ANNOTATION = "sandbox.chartroom.dev/fault";
/** Exit code the containers of a run-to-completion pod finish with (default 0). */
export const EXIT_CODE_ANNOTATION = "sandbox.chartroom.dev/exit-code";

export type Fault = "crashloop" | "pullerror" | "notready" | "fail";

const FAULTS: readonly Fault[] = ["crashloop", "pullerror", "notready", "fail"];

/** The tag of an image reference ("repo/app:1.2@sha256:..." -> "1.2"); "" when untagged. */
export function imageTag(image: string | undefined): string {
  const ref = (image ?? "").split("@")[0];
  const slash = ref.lastIndexOf("/");
  const colon = ref.lastIndexOf(":");
  return colon > slash ? ref.slice(colon + 1) : "";
}

function asFault(v: string | undefined): Fault | undefined {
  return FAULTS.find((f) => f === v);
}

/** The fault of one container: the pod annotation applies to every container, else the image tag decides. */
export function containerFault(pod: KubeObject, container: { image?: string }): Fault | undefined {
  return asFault(pod.metadata.annotations?.[FAULT_ANNOTATION]) ?? asFault(imageTag(container.image));
}

/** The fault that drives the pod's life: the first container with one, pull errors first since they block start-up. */
export function podFault(pod: KubeObject): Fault | undefined {
  const faults = ((pod.spec?.containers ?? []) as { image?: string }[])
    .map((c) => containerFault(pod, c))
    .filter((f): f is Fault => f !== undefined);
  for (const f of ["pullerror", "crashloop", "fail", "notready"] as const) if (faults.includes(f)) return f;
  return undefined;
}

/**
 * The fault of the first init container that has one, by image tag only (the
 * pod annotation is meant for the app containers). An init fault holds the
 * whole pod in its init phase: "Init:CrashLoopBackOff", "Init:ErrImagePull"...
 */
export function initFault(pod: KubeObject): { index: number; fault: Fault } | undefined {
  const inits = (pod.spec?.initContainers ?? []) as { image?: string }[];
  for (let i = 0; i < inits.length; i++) {
    const f = asFault(imageTag(inits[i].image));
    if (f) return { index: i, fault: f };
  }
  return undefined;
}

/** A failing container is restarted (and so loops) unless the pod's restartPolicy is Never. */
export function crashLoops(fault: Fault | undefined, restartPolicy: string | undefined): boolean {
  return (fault === "crashloop" || fault === "fail") && restartPolicy !== "Never";
}

/** The exit code a run-to-completion pod finishes with. */
export function exitCode(pod: KubeObject): number {
  const f = podFault(pod);
  if (f === "fail" || f === "crashloop" || initFault(pod)) return 1;
  const n = Number.parseInt(pod.metadata.annotations?.[EXIT_CODE_ANNOTATION] ?? "0", 10);
  return Number.isNaN(n) ? 1 : n;
}
