// startSandbox: a Kubernetes-compatible API server on 127.0.0.1 that kubectl,
// helm and @kubernetes/client-node accept unmodified.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { rmSync } from "node:fs";
import { Api } from "./api.js";
import { Faults, type FaultRule } from "./faults.js";
import { Collector } from "./gc.js";
import { KindRegistry } from "./kinds.js";
import { writeKubeconfig } from "./kubeconfig.js";
import { Lifecycle } from "./lifecycle.js";
import { Journal } from "./persist.js";
import { createHandler, RequestTally } from "./server.js";
import { Store } from "./store.js";

export interface SandboxOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Persist objects here (and write the kubeconfig here unless told otherwise). */
  stateDir?: string;
  kubeconfigPath?: string;
  /** Fault rules armed from the start (more via POST /admin/faults). */
  faults?: FaultRule[];
  /** Run the simulated controllers (default true). */
  controllers?: boolean;
  /** Options passed to the controllers (nodes, pod delays...). */
  controllerOptions?: Record<string, unknown>;
}

export interface Sandbox {
  url: string;
  kubeconfigPath: string;
  port: number;
  /** In-process access for tests and the controllers. */
  api: Api;
  faults: Faults;
  /** Requests received so far (reset() between measurements). */
  requests: RequestTally;
  stop(): Promise<void>;
}

const COMPACT_EVERY_MS = 30_000;

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const kinds = new KindRegistry();
  const store = new Store();
  const api = new Api(store, kinds);
  const gc = new Collector(api);
  const lifecycle = new Lifecycle(api, kinds);
  const faults = new Faults();
  for (const rule of options.faults ?? []) faults.add(rule);

  let journal: Journal | undefined;
  if (options.stateDir) {
    journal = new Journal(options.stateDir);
    journal.load(store);
    lifecycle.restoreCrds();
    gc.reindex();
    store.durability = journal;
  }
  lifecycle.bootstrap();

  let hostPort = "127.0.0.1:0";
  const requests = new RequestTally();
  const server: Server = createServer(createHandler({ api, gc, kinds, faults, hostPort: () => hostPort, requests }));
  server.keepAliveTimeout = 65_000;
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
    });
  } catch (err) {
    gc.stop();
    journal?.close();
    throw err;
  }
  const port = (server.address() as AddressInfo).port;
  hostPort = `127.0.0.1:${port}`;
  const url = `http://${hostPort}`;

  const ephemeralKubeconfig = !options.kubeconfigPath && !options.stateDir;
  const kubeconfigPath =
    options.kubeconfigPath ?? (options.stateDir ? join(options.stateDir, "kubeconfig") : join(tmpdir(), `chartroom-sandbox-${process.pid}-${port}.kubeconfig`));
  writeKubeconfig(kubeconfigPath, url);

  let controllers: { stop(): void } | undefined;
  if (options.controllers !== false) controllers = await startControllers(api, gc, kinds, options.controllerOptions);

  const compactTimer = journal
    ? setInterval(() => {
        const live = store.storageKeys().reduce((n, k) => n + store.count(k), 0);
        if (journal.needsCompaction(live)) journal.compact(store);
      }, COMPACT_EVERY_MS)
    : undefined;
  compactTimer?.unref();

  let stopped = false;
  return {
    url,
    kubeconfigPath,
    port,
    api,
    faults,
    requests,
    async stop() {
      if (stopped) return;
      stopped = true;
      controllers?.stop();
      gc.stop();
      if (compactTimer) clearInterval(compactTimer);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (journal) {
        journal.compact(store);
        journal.close();
      }
      if (ephemeralKubeconfig) rmSync(kubeconfigPath, { force: true });
    },
  };
}

async function startControllers(api: Api, gc: Collector, kinds: KindRegistry, options?: Record<string, unknown>): Promise<{ stop(): void } | undefined> {
  const { controllerHost } = await import("./host-adapter.js");
  const host = controllerHost(api, gc, kinds);
  const mod: any = await import("./controllers/index.js").catch(() => undefined);
  if (!mod?.startControllers) return undefined;
  return mod.startControllers(host, options ?? {});
}

export type { FaultRule } from "./faults.js";
export { KUBE_VERSION, RequestTally } from "./server.js";
