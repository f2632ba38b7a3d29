// Which cluster and namespace: KUBECONFIG / --kubeconfig, --kube-context, -n,
// then the context's namespace, then "default" (helm's EnvSettings.Namespace).
import { KubeConfig } from "@kubernetes/client-node";

export interface KubeTarget {
  kubeconfig?: string;
  kubeContext?: string;
  namespace?: string;
}

export class KubeConfigError extends Error {
  override name = "KubeConfigError";
  readonly userFacing = true;
}

export function loadKubeConfig(t: KubeTarget): KubeConfig {
  const kc = new KubeConfig();
  try {
    const path = t.kubeconfig ?? process.env.KUBECONFIG;
    if (path) {
      // KUBECONFIG may list several files; the first one that loads wins here.
      kc.loadFromFile(path.split(":").filter(Boolean)[0]!);
    } else {
      kc.loadFromDefault();
    }
  } catch (err) {
    throw new KubeConfigError(`Kubernetes cluster unreachable: ${(err as Error).message}`, { cause: err });
  }
  if (t.kubeContext) {
    if (!kc.getContextObject(t.kubeContext)) {
      throw new KubeConfigError(`Kubernetes cluster unreachable: context "${t.kubeContext}" does not exist`);
    }
    kc.setCurrentContext(t.kubeContext);
  }
  if (!kc.getCurrentCluster()) {
    throw new KubeConfigError("Kubernetes cluster unreachable: no cluster in the kubeconfig (set KUBECONFIG or --kubeconfig)");
  }
  return kc;
}

export function resolveNamespace(kc: KubeConfig, t: KubeTarget): string {
  if (t.namespace) return t.namespace;
  const ctx = kc.getContextObject(kc.getCurrentContext());
  return ctx?.namespace || "default";
}
