// Which cluster and namespace: KUBECONFIG (every file it lists, merged as
// kubectl merges them) / --kubeconfig, --kube-context, -n, then the context's
// namespace, then "default" (helm's EnvSettings.Namespace).
// The kubeconfig is read here: tokens, client certificates, basic auth and
// in-cluster service accounts need nothing more; exec plugins, auth
// providers and proxies are handed to @kubernetes/client-node, loaded only
// then (it costs ~500 ms to load).
import { existsSync, readFileSync } from "node:fs";
import { isAbsolute, join } from "node:path";
import { stringify } from "yaml";
import { type Dict, type KubeconfigEntry, kubeconfigPaths, type MergedKubeconfig, mergeKubeconfigs } from "./kubeconfig-files.js";

export interface KubeTarget {
  kubeconfig?: string;
  kubeContext?: string;
  namespace?: string;
}

export class KubeConfigError extends Error {
  override name = "KubeConfigError";
  readonly userFacing = true;
}

/** How to reach the API server of the chosen context. */
export interface ClusterAccess {
  server: string;
  /** The context's namespace, if it has one. */
  namespace?: string;
  ca?: Buffer;
  cert?: Buffer;
  key?: Buffer;
  insecureSkipTLSVerify?: boolean;
  tlsServerName?: string;
  token?: string;
  tokenFile?: string;
  username?: string;
  password?: string;
  /** Auth the client library must do (exec, auth-provider, proxy-url): the context, as one kubeconfig, to give it. */
  delegate?: { kubeconfig: string; context: string };
}

function fileOrData(data: unknown, file: string | undefined): Buffer | undefined {
  if (typeof data === "string" && data !== "") return Buffer.from(data, "base64");
  if (file) return readFileSync(file);
  return undefined;
}

const SA_DIR = "/var/run/secrets/kubernetes.io/serviceaccount";

function inCluster(): ClusterAccess | undefined {
  const host = process.env.KUBERNETES_SERVICE_HOST;
  const port = process.env.KUBERNETES_SERVICE_PORT;
  if (!host || !port || !existsSync(join(SA_DIR, "token"))) return undefined;
  const ns = join(SA_DIR, "namespace");
  return {
    server: `https://${host.includes(":") ? `[${host}]` : host}:${port}`,
    ca: existsSync(join(SA_DIR, "ca.crt")) ? readFileSync(join(SA_DIR, "ca.crt")) : undefined,
    tokenFile: join(SA_DIR, "token"),
    namespace: existsSync(ns) ? readFileSync(ns, "utf8").trim() : undefined,
  };
}

/** An entry's file path made absolute against the directory of the file that defined it. */
function local(path: unknown, base: string): string | undefined {
  return typeof path === "string" && path !== "" ? (isAbsolute(path) ? path : join(base, path)) : undefined;
}

function fromMerged(merged: MergedKubeconfig, kubeContext: string | undefined): ClusterAccess {
  const contextName = kubeContext || merged.currentContext;
  const contextEntry = contextName ? merged.contexts.get(contextName) : undefined;
  if (kubeContext && !contextEntry) throw new KubeConfigError(`Kubernetes cluster unreachable: context "${kubeContext}" does not exist`);
  const context = contextEntry?.value;
  const clusterEntry = typeof context?.cluster === "string" ? merged.clusters.get(context.cluster) : undefined;
  const cluster = clusterEntry?.value;
  if (!clusterEntry || !cluster?.server) throw new KubeConfigError("Kubernetes cluster unreachable: no cluster in the kubeconfig (set KUBECONFIG or --kubeconfig)");
  const userEntry = typeof context?.user === "string" ? merged.users.get(context.user) : undefined;
  const user = userEntry?.value ?? {};
  const userBase = userEntry?.base ?? clusterEntry.base;
  const access: ClusterAccess = {
    server: String(cluster.server),
    namespace: context?.namespace || undefined,
    ca: fileOrData(cluster["certificate-authority-data"], local(cluster["certificate-authority"], clusterEntry.base)),
    cert: fileOrData(user["client-certificate-data"], local(user["client-certificate"], userBase)),
    key: fileOrData(user["client-key-data"], local(user["client-key"], userBase)),
    insecureSkipTLSVerify: cluster["insecure-skip-tls-verify"] === true,
    tlsServerName: cluster["tls-server-name"] || undefined,
    token: user.token || undefined,
    tokenFile: local(user.tokenFile, userBase),
    username: user.username || undefined,
    password: user.password || undefined,
  };
  if (user.exec || user["auth-provider"] || cluster["proxy-url"]) {
    access.delegate = { kubeconfig: delegateConfig(contextName ?? "", context ?? {}, clusterEntry, userEntry), context: contextName ?? "" };
  }
  return access;
}

/**
 * The chosen context alone as one kubeconfig for the client library, its
 * paths made absolute (the entries may come from different files).
 */
function delegateConfig(contextName: string, context: Dict, cluster: KubeconfigEntry, user: KubeconfigEntry | undefined): string {
  const c = { ...cluster.value };
  if (c["certificate-authority"]) c["certificate-authority"] = local(c["certificate-authority"], cluster.base);
  const u: Dict = { ...(user?.value ?? {}) };
  if (user) {
    for (const k of ["client-certificate", "client-key", "tokenFile"]) if (u[k]) u[k] = local(u[k], user.base);
    // kubectl resolves an exec command given as a relative path with a directory in it.
    const cmd = u.exec?.command;
    if (typeof cmd === "string" && cmd.includes("/") && !isAbsolute(cmd)) u.exec = { ...u.exec, command: join(user.base, cmd) };
  }
  return stringify({
    apiVersion: "v1",
    kind: "Config",
    "current-context": contextName,
    clusters: [{ name: context.cluster, cluster: c }],
    users: [{ name: context.user ?? "", user: u }],
    contexts: [{ name: contextName, context }],
  });
}

export function loadKubeConfig(t: KubeTarget): ClusterAccess {
  try {
    const { paths, explicit } = kubeconfigPaths({ kubeconfig: t.kubeconfig });
    const merged = mergeKubeconfigs(paths, { explicit });
    if (merged.files.length > 0) return fromMerged(merged, t.kubeContext);
    if (t.kubeContext) throw new KubeConfigError(`Kubernetes cluster unreachable: context "${t.kubeContext}" does not exist`);
    // As client-go: the service account in a pod, else localhost:8080.
    return inCluster() ?? { server: "http://localhost:8080" };
  } catch (err) {
    if (err instanceof KubeConfigError) throw err;
    throw new KubeConfigError(`Kubernetes cluster unreachable: ${(err as Error).message}`, { cause: err });
  }
}

export function resolveNamespace(access: ClusterAccess, t: KubeTarget): string {
  return t.namespace || access.namespace || "default";
}
