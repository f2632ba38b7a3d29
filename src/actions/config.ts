// What every release action shares: the cluster client, the release storage,
// the namespace, the event sink and the cancel signal (helm's action.Configuration).
import { KubeClient, type KubeTarget, type RequestCounter } from "../kube/index.js";
import { Capabilities } from "../render/capabilities.js";
import { newStorage, type Storage } from "../storage/index.js";
import { type Emit, noEmit } from "./events.js";

export interface ClusterOptions extends KubeTarget {
  /** HELM_DRIVER: secret (default), configmap or memory. */
  driver?: string;
  emit?: Emit;
  signal?: AbortSignal;
  counter?: RequestCounter;
}

/** A failure of a release action the user can act on; the message is helm's where helm has one. */
export class ActionError extends Error {
  override name = "ActionError";
  readonly userFacing = true;
  constructor(
    message: string,
    readonly hint?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export class ActionConfig {
  readonly emit: Emit;
  readonly signal?: AbortSignal;
  private client?: KubeClient;
  private caps?: Promise<Capabilities>;

  constructor(readonly options: ClusterOptions = {}) {
    this.emit = options.emit ?? noEmit;
    this.signal = options.signal;
  }

  get kube(): KubeClient {
    this.client ??= KubeClient.fromTarget(this.options, this.options.counter);
    return this.client;
  }

  /** -n, else the kubeconfig context's namespace, else "default". */
  get namespace(): string {
    return this.options.namespace || this.kube.namespace;
  }

  /** Release storage for a namespace; "" for all namespaces. */
  storage(namespace = this.namespace): Storage {
    return newStorage(() => this.kube, namespace, this.options.driver ?? process.env.HELM_DRIVER ?? "");
  }

  /** helm's getCapabilities: the server's version and every API it serves. */
  capabilities(): Promise<Capabilities> {
    this.caps ??= (async () => {
      const [version, apis] = await Promise.all([this.kube.serverVersion(), this.kube.discovery.versionSet()]);
      return new Capabilities(version, apis);
    })();
    return this.caps;
  }

  /** Forget discovery after CRDs land: templates and kinds may now resolve. */
  refreshDiscovery(): void {
    this.kube.discovery.invalidate();
    this.caps = undefined;
  }

  throwIfAborted(): void {
    if (this.signal?.aborted) throw new ActionError(`operation cancelled: ${String(this.signal.reason ?? "interrupted")}`);
  }
}
