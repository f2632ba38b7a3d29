// The CLI frame as a user meets it: version, completion, help, and helm's
// wording for unknown commands and flags. Runs the built binary.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const CLI = join(import.meta.dirname, "../../bin/chartroom.js");

function chartroom(...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8", env: { ...process.env, HELM_DEBUG: "" } });
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
});
