// Entry of the terminal UI, loaded lazily by the CLI (`chartroom` with no
// command on a TTY), so React and Ink load only here. Everything that can fail
// with a user-facing error (theme, options) runs before the screen switches.
import { constants } from "node:os";
import { render } from "ink";
import { createElement } from "react";
import { App, type EngineTarget } from "./app.js";
import { createEngine } from "./engine/index.js";
import { readKubeTarget } from "../actions/kube-target.js";
import { enterAlternateScreen } from "./screen.js";
import type { SandboxSession } from "./sandbox.js";
import { resolveTheme, type Theme } from "./theme.js";
import type { SessionInfo } from "./view/chrome.js";

export { ThemeError } from "./theme.js";

/** Options are the CLI's root flags: theme, sandbox, readonly, kubeconfig, kubeContext, namespace, debug. */
export async function runTui(options: Record<string, unknown>): Promise<number> {
  const theme = resolveTheme({ flag: str(options.theme) });
  const session = options.sandbox ? await openSandbox({ namespace: str(options.namespace) }) : undefined;
  try {
    return await runScreen(options, theme, session);
  } finally {
    await session?.stop();
  }
}

async function runScreen(options: Record<string, unknown>, theme: Theme, session: SandboxSession | undefined): Promise<number> {
  const target =
    session?.target ??
    readKubeTarget({
      kubeconfig: str(options.kubeconfig),
      kubeContext: str(options.kubeContext),
      namespace: str(options.namespace),
    });
  if (session) {
    // Whatever the app runs (actions, child tools) must reach the sandbox, not the user's cluster.
    process.env.KUBECONFIG = session.kubeconfigPath;
    delete process.env.HELM_KUBECONTEXT;
    process.env.HELM_REPOSITORY_CONFIG = session.demo.paths.repositoryConfig;
    process.env.HELM_REPOSITORY_CACHE = session.demo.paths.repositoryCache;
  }
  const kubeconfig = session ? session.kubeconfigPath : str(options.kubeconfig);
  const makeEngine = (s: EngineTarget) =>
    createEngine({ kubeconfig: s.kubeconfig ?? kubeconfig, kubeContext: s.context, context: s.context, namespace: s.namespace, paths: s.paths ?? session?.demo.paths });
  // `:sandbox` from a session without a cluster: started in-process, stopped on the way out.
  const started: SandboxSession[] = [];
  const startSandboxNow = async () => {
    const s = await openSandbox({ namespace: str(options.namespace) });
    started.push(s);
    process.env.KUBECONFIG = s.kubeconfigPath;
    delete process.env.HELM_KUBECONTEXT;
    return { kubeconfig: s.kubeconfigPath, context: s.target.context ?? "chartroom-sandbox", namespace: s.target.namespace, paths: s.demo.paths };
  };
  const checkContext = (name: string) => {
    const t = readKubeTarget({ kubeconfig, kubeContext: name });
    return t.problem;
  };
  const info: SessionInfo = {
    context: target.context,
    namespace: target.namespace,
    problem: target.problem,
    sandbox: session ? "running" : "off",
    readonly: Boolean(options.readonly),
  };
  const screen = enterAlternateScreen(process.stdout);
  // Handling these ourselves keeps Ink's signal-exit from killing the process
  // mid-frame: we unmount, leave the alternate screen, then exit as signalled.
  let signalled: NodeJS.Signals | undefined;
  let unmount = () => {};
  const onSignal = (signal: NodeJS.Signals) => {
    signalled = signal;
    unmount();
  };
  for (const signal of SIGNALS) process.on(signal, onSignal);
  try {
    const ink = render(
      createElement(App, { info, theme, makeEngine, openSandbox: startSandboxNow, checkContext, loadTheme: (name: string) => resolveTheme({ flag: name }) }),
      { exitOnCtrlC: false },
    );
    unmount = () => ink.unmount();
    await ink.waitUntilExit();
  } finally {
    for (const signal of SIGNALS) process.off(signal, onSignal);
    // Before any error is reported, so the message lands on the user's screen.
    screen.restore();
    await Promise.all(started.map((s) => s.stop()));
  }
  return signalled ? 128 + constants.signals[signalled] : 0;
}

const SIGNALS: NodeJS.Signals[] = ["SIGTERM", "SIGHUP", "SIGINT"];

/** The sandbox and the demo repository load only when asked for: they are not on the way to the first frame. */
async function openSandbox(o: { namespace?: string }): Promise<SandboxSession> {
  return (await import("./sandbox.js")).openSandbox(o);
}

function str(v: unknown): string | undefined {
  return typeof v === "string" && v !== "" ? v : undefined;
}
