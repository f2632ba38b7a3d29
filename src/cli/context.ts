// Global flags every command understands, as helm's persistent flags.
import type { Command } from "commander";

export interface GlobalOptions {
  kubeconfig?: string;
  kubeContext?: string;
  namespace?: string;
  debug: boolean;
  theme?: string;
}

export function globalOptions(cmd: Command): GlobalOptions {
  const o = cmd.optsWithGlobals() as Record<string, unknown>;
  return {
    // Without --kubeconfig the kube layer reads every file KUBECONFIG lists.
    kubeconfig: o.kubeconfig as string | undefined,
    kubeContext: (o.kubeContext as string | undefined) || process.env.HELM_KUBECONTEXT || undefined,
    namespace: (o.namespace as string | undefined) ?? process.env.HELM_NAMESPACE,
    debug: Boolean(o.debug) || process.env.HELM_DEBUG === "true",
    theme: o.theme as string | undefined,
  };
}

/** Output sinks, injectable for tests. */
export interface Io {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  stdin: NodeJS.ReadableStream;
}

export const processIo: Io = { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin };
