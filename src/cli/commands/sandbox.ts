import type { Command } from "commander";
import { UserError } from "../errors.js";

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new UserError(`invalid port "${value}"`, "Use a number from 0 to 65535 (0 picks a free port).");
  return n;
}

export function register(program: Command): void {
  const sandbox = program.command("sandbox").description("run the local Kubernetes-compatible sandbox cluster");
  sandbox
    .command("start")
    .description("start the sandbox API server on 127.0.0.1 and write its kubeconfig")
    .option("--port <port>", "port to listen on (0 picks a free one)", "0")
    .option("--state-dir <dir>", "directory holding the sandbox's objects, pid and kubeconfig")
    .option("--detach", "start in the background and print the kubeconfig path once ready")
    .action(async (opts: { port: string; stateDir?: string; detach?: boolean }) => {
      const d = await import("../../sandbox/daemon.js");
      if (opts.detach) {
        const st = await d.startDetached({ port: port(opts.port), stateDir: opts.stateDir, out: process.stdout, entry: process.argv[1] });
        process.stdout.write(`Sandbox API server listening on ${st.url} (pid ${st.pid})\n${st.kubeconfig}\n`);
        return;
      }
      await d.startForeground({ port: port(opts.port), stateDir: opts.stateDir, out: process.stdout });
    });
  sandbox
    .command("stop")
    .description("stop the sandbox of a state directory")
    .option("--state-dir <dir>", "the sandbox's state directory")
    .action(async (opts: { stateDir?: string }) => {
      const d = await import("../../sandbox/daemon.js");
      const st = await d.stop(opts.stateDir);
      process.stdout.write(`sandbox stopped (pid ${st.pid})\n`);
    });
  sandbox
    .command("status")
    .description("show whether the sandbox of a state directory is running")
    .option("--state-dir <dir>", "the sandbox's state directory")
    .action(async (opts: { stateDir?: string }) => {
      const d = await import("../../sandbox/daemon.js");
      const st = await d.running(opts.stateDir);
      if (!st) {
        process.stdout.write("sandbox: stopped\n");
        process.exitCode = 3;
        return;
      }
      const state = st.responding ? "running" : "running (not answering /readyz)";
      process.stdout.write(`sandbox: ${state}\nurl: ${st.url}\npid: ${st.pid}\nkubeconfig: ${st.kubeconfig}\n`);
    });
  sandbox
    .command("kubeconfig")
    .description("print the path of the sandbox's kubeconfig")
    .option("--state-dir <dir>", "the sandbox's state directory")
    .action(async (opts: { stateDir?: string }) => {
      const d = await import("../../sandbox/daemon.js");
      process.stdout.write(`${d.kubeconfigPath(opts.stateDir)}\n`);
    });
}
