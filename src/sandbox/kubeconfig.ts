// The kubeconfig the sandbox writes: one cluster, context and user, all named
// `chartroom-sandbox`, over plain HTTP without credentials.
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

export const CONTEXT = "chartroom-sandbox";

export function kubeconfigYaml(url: string, namespace = "default"): string {
  return [
    "apiVersion: v1",
    "kind: Config",
    "clusters:",
    `- name: ${CONTEXT}`,
    "  cluster:",
    `    server: ${url}`,
    // @kubernetes/client-node refuses plain http unless TLS verification is off.
    "    insecure-skip-tls-verify: true",
    "contexts:",
    `- name: ${CONTEXT}`,
    "  context:",
    `    cluster: ${CONTEXT}`,
    `    user: ${CONTEXT}`,
    `    namespace: ${namespace}`,
    `current-context: ${CONTEXT}`,
    "preferences: {}",
    "users:",
    `- name: ${CONTEXT}`,
    "  user: {}",
    "",
  ].join("\n");
}

export function writeKubeconfig(path: string, url: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, kubeconfigYaml(url), { mode: 0o600 });
  renameSync(tmp, path);
}
