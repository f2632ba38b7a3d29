// The embedded sandbox behind `chartroom --sandbox`: the API server and the
// demo repository, started in-process before the screen switches, so a failure
// to listen is reported as a plain error, and stopped on every way out (quit,
// signal, crash) so no port stays open.
import type { HelmPaths } from "../repo/paths.js";
import { startSandbox, type Sandbox } from "../sandbox/index.js";
import { type DemoRepository, openDemoRepository } from "./demo-repo.js";
import { type KubeTarget, readKubeTarget } from "../actions/kube-target.js";

export interface SandboxSession {
  sandbox: Sandbox;
  /** The kube target the app uses: the sandbox's own kubeconfig and context. */
  target: KubeTarget;
  kubeconfigPath: string;
  demo: DemoRepository;
  stop(): Promise<void>;
}

export async function openSandbox(options: { port?: number; namespace?: string; user?: HelmPaths } = {}): Promise<SandboxSession> {
  const sandbox = await startSandbox({ port: options.port ?? 0 });
  let demo: DemoRepository;
  try {
    demo = await openDemoRepository({ user: options.user });
  } catch (err) {
    await sandbox.stop();
    throw err;
  }
  const target = readKubeTarget({ kubeconfig: sandbox.kubeconfigPath, namespace: options.namespace }, {});
  return {
    sandbox,
    target,
    kubeconfigPath: sandbox.kubeconfigPath,
    demo,
    async stop() {
      await Promise.all([sandbox.stop(), demo.stop()]);
    },
  };
}
