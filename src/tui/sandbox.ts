// The embedded sandbox behind `chartroom --sandbox`: started in-process before
// the screen switches, so a failure to listen is reported as a plain error, and
// stopped on every way out (quit, signal, crash) so no port stays open.
import { startSandbox, type Sandbox } from "../sandbox/index.js";
import { type KubeTarget, readKubeTarget } from "./kubeconfig.js";

export interface SandboxSession {
  sandbox: Sandbox;
  /** The kube target the app uses: the sandbox's own kubeconfig and context. */
  target: KubeTarget;
  kubeconfigPath: string;
  stop(): Promise<void>;
}

export async function openSandbox(options: { port?: number; namespace?: string } = {}): Promise<SandboxSession> {
  const sandbox = await startSandbox({ port: options.port ?? 0 });
  const target = readKubeTarget({ kubeconfig: sandbox.kubeconfigPath, namespace: options.namespace }, {});
  return { sandbox, target, kubeconfigPath: sandbox.kubeconfigPath, stop: () => sandbox.stop() };
}
