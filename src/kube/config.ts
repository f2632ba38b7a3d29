// Which cluster and namespace: KUBECONFIG / --kubeconfig, --kube-context, -n,
// then the context's namespace, then "default" (helm's EnvSettings.Namespace).
// The kubeconfig is read here: tokens, client certificates, basic auth and
// in-cluster service accounts need nothing more; exec plugins, auth
// providers and proxies are handed to @kubernetes/client-node, loaded only
// then (it costs ~500 ms to load).
import { existsSync, readFileSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, isAbsolute, join } from "node:path";
import { parse } from "yaml";

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
  /** Auth the client library must do (exec, auth-provider, proxy-url): the file and context to give it. */
  delegate?: { file: string; context: string };
}

type Dict = Record<string, any>;

function named(list: unknown, name: string | undefined, key: string): Dict | undefined {
  if (!Array.isArray(list) || !name) return undefined;
  return list.find((e) => e && e.name === name)?.[key];
}

function fileOrData(data: unknown, file: unknown, base: string): Buffer | undefined {
  if (typeof data === "string" && data !== "") return Buffer.from(data, "base64");
  if (typeof file === "string" && file !== "") return readFileSync(isAbsolute(file) ? file : join(base, file));
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

function fromFile(file: string, kubeContext: string | undefined): ClusterAccess {
  const doc = (parse(readFileSync(file, "utf8")) ?? {}) as Dict;
  const contextName: string | undefined = kubeContext ?? doc["current-context"];
  const context = named(doc.contexts, contextName, "context");
  if (kubeContext && !context) throw new KubeConfigError(`Kubernetes cluster unreachable: context "${kubeContext}" does not exist`);
  const cluster = named(doc.clusters, context?.cluster, "cluster");
  if (!cluster?.server) throw new KubeConfigError("Kubernetes cluster unreachable: no cluster in the kubeconfig (set KUBECONFIG or --kubeconfig)");
  const user = named(doc.users, context?.user, "user") ?? {};
  const base = dirname(file);
  const access: ClusterAccess = {
    server: String(cluster.server),
    namespace: context?.namespace || undefined,
    ca: fileOrData(cluster["certificate-authority-data"], cluster["certificate-authority"], base),
    cert: fileOrData(user["client-certificate-data"], user["client-certificate"], base),
    key: fileOrData(user["client-key-data"], user["client-key"], base),
    insecureSkipTLSVerify: cluster["insecure-skip-tls-verify"] === true,
    tlsServerName: cluster["tls-server-name"] || undefined,
    token: user.token || undefined,
    tokenFile: user.tokenFile ? (isAbsolute(user.tokenFile) ? user.tokenFile : join(base, user.tokenFile)) : undefined,
    username: user.username || undefined,
    password: user.password || undefined,
  };
  if (user.exec || user["auth-provider"] || cluster["proxy-url"]) access.delegate = { file, context: contextName ?? "" };
  return access;
}

export function loadKubeConfig(t: KubeTarget): ClusterAccess {
  try {
    const path = t.kubeconfig ?? process.env.KUBECONFIG;
    // KUBECONFIG may list several files; the first one wins here.
    if (path) return fromFile(path.split(":").filter(Boolean)[0]!, t.kubeContext);
    const home = join(process.env.HOME || homedir(), ".kube", "config");
    if (existsSync(home)) return fromFile(home, t.kubeContext);
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
