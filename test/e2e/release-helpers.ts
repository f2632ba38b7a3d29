// Shared by the release e2e tests: a sandbox, the real helm, kubectl, and
// chartroom both in-process (actions) and as the built CLI.
import { join } from "node:path";
import { ActionConfig, type ActionEvent } from "../../src/actions/index.js";
import type { Sandbox } from "../../src/sandbox/index.js";
import { helmBinary, KUBECTL, newSandbox, type Run, run } from "../sandbox/helpers.js";

export const charts = join(import.meta.dirname, "../fixtures/charts");
export const CLI = join(import.meta.dirname, "../../bin/chartroom.js");

export { helmBinary, newSandbox };

export class Cluster {
  events: ActionEvent[] = [];
  constructor(
    readonly sb: Sandbox,
    readonly helmPath: string,
  ) {}

  cfg(namespace = "default", signal?: AbortSignal): ActionConfig {
    return new ActionConfig({ kubeconfig: this.sb.kubeconfigPath, namespace, emit: (e) => this.events.push(e), signal });
  }

  helm(...args: string[]): Promise<Run> {
    return run(this.helmPath, ["--kubeconfig", this.sb.kubeconfigPath, ...args]);
  }

  chartroom(...args: string[]): Promise<Run> {
    return run(process.execPath, [CLI, "--kubeconfig", this.sb.kubeconfigPath, ...args], { HELM_DRIVER: "" });
  }

  kubectl(...args: string[]): Promise<Run> {
    return run(KUBECTL, ["--kubeconfig", this.sb.kubeconfigPath, ...args]);
  }

  async json(p: Promise<Run>): Promise<any> {
    const r = await p;
    if (r.code !== 0) throw new Error(`command failed (${r.code}): ${r.stderr}`);
    return JSON.parse(r.stdout);
  }
}
