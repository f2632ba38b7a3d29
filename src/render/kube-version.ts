// A chart's kubeVersion constraint against the target cluster's version.
import { isCompatibleRange } from "../chart/semver.js";
import { RenderError } from "./engine.js";

export function checkKubeVersion(constraint: string | undefined, kubeVersion: string): void {
  if (!constraint) return;
  if (!isCompatibleRange(constraint, kubeVersion)) throw new RenderError(`chart requires kubeVersion: ${constraint} which is incompatible with Kubernetes ${kubeVersion}`);
}
