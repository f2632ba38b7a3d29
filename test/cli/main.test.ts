// The CLI frame as a user meets it: version, completion, help, and helm's
// wording for unknown commands and flags. Runs the built binary.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const CLI = join(import.meta.dirname, "../../bin/chartroom.js");

function chartroom(...args: string[]) {
  return chartroomEnv({}, ...args);
}

function chartroomEnv(env: Record<string, string>, ...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8", env: { ...process.env, HELM_DEBUG: "", ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("chartroom CLI frame", () => {
  it("prints its version as helm does", () => {
    expect(chartroom("version").stdout).toMatch(/^version\.BuildInfo\{Version:"v\d+\.\d+\.\d+", GitCommit:"[^"]*", GitTreeState:"[^"]*", GoVersion:"node\d+\.\d+\.\d+"\}\n$/);
    expect(chartroom("version", "--short").stdout).toMatch(/^v\d+\.\d+\.\d+\n$/);
    const json = JSON.parse(chartroom("version", "-o", "json").stdout);
    expect(Object.keys(json)).toEqual(["version", "git_commit", "go_version"]);
  });

  it("suggests the command meant, whatever follows it", () => {
    for (const args of [["instal"], ["instal", "web", "./chart"]]) {
      const r = chartroom(...args);
      expect(r.code).toBe(1);
      expect(r.stdout).toBe("");
      expect(r.stderr).toBe('Error: unknown command "instal" for "chartroom"\n\nDid you mean this?\n\tinstall\n\nRun \'chartroom --help\' for usage.\n');
    }
  });

  it("suggests the flag meant and names the command's help", () => {
    const r = chartroom("template", "--valus", "x.yaml", ".");
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("Error: unknown flag: --valus\n\nDid you mean --values?\nRun 'chartroom template --help' for usage.\n");
  });

  it("prints help and exits 0 without a terminal", () => {
    const r = chartroom();
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: chartroom \[command\]/);
    for (const name of ["install", "upgrade", "template", "repo", "sandbox"]) expect(r.stdout).toContain(`\n  ${name}`);
  });

  it("writes completion scripts for bash, zsh and fish, and refuses other shells", () => {
    for (const shell of ["bash", "zsh", "fish"]) {
      const r = chartroom("completion", shell);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain("chartroom");
    }
    expect(chartroom("completion", "tcsh").code).toBe(1);
  });

  it("reports a user error in one line, with no stack", () => {
    const r = chartroom("template", "/nonexistent/chart");
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('Error: path "/nonexistent/chart" not found\n');
  });

  it("says the cluster is unreachable, as helm does, when there is no kubeconfig or nothing listens", () => {
    const home = mkdtempSync(join(tmpdir(), "chartroom-cli-"));
    try {
      let r = chartroomEnv({ HOME: home, KUBECONFIG: "" }, "list");
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/^Error: Kubernetes cluster unreachable: Get "http:\/\/localhost:8080\/api\/v1\/namespaces\/default\/secrets\?[^"]*": HTTP protocol is not allowed/);
      expect(r.stderr).not.toContain("internal error");
      const kubeconfig = join(home, "kubeconfig");
      writeFileSync(
        kubeconfig,
        "apiVersion: v1\nkind: Config\ncurrent-context: c\ncontexts: [{name: c, context: {cluster: c}}]\nclusters: [{name: c, cluster: {server: 'http://127.0.0.1:1', insecure-skip-tls-verify: true}}]\nusers: []\n",
      );
      r = chartroomEnv({ HOME: home, KUBECONFIG: kubeconfig }, "install", "x", join(import.meta.dirname, "../../demo/charts/hello-web"));
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/^Error: INSTALLATION FAILED: Kubernetes cluster unreachable: Get "http:\/\/127\.0\.0\.1:1\/[^"]*": connect ECONNREFUSED 127\.0\.0\.1:1\n$/);
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });
});
