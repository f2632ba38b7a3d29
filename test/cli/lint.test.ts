// `chartroom lint` as a user runs it, against goldens recorded from helm
// v3.17.3 on the fixture charts (test/fixtures/lint/record.mjs re-records
// them): stdout, stderr and exit code, byte for byte.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
// @ts-expect-error: plain .mjs fixture table
import { cases } from "../fixtures/lint/cases.mjs";
// @ts-expect-error: plain .mjs fixture helper
import { normalize } from "../fixtures/lint/normalize.mjs";
import { helmBinary } from "../sandbox/helpers.js";

const root = join(import.meta.dirname, "../..");
const lintDir = join(root, "test/fixtures/lint");
const charts = join(lintDir, "charts");
const bin = join(root, "bin/chartroom.js");
// No kubeconfig and no HELM_NAMESPACE: the namespace is -n's or "default", as for helm when recording.
const env = { ...process.env, KUBECONFIG: join(tmpdir(), "chartroom-lint-no-kubeconfig"), HELM_NAMESPACE: "", HELM_DEBUG: "" };

function run(cmd: string, args: string[], cwd: string) {
  const r = spawnSync(cmd, args, { cwd, encoding: "utf8", env });
  return { status: r.status, stdout: normalize(r.stdout, charts) as string, stderr: normalize(r.stderr, charts) as string };
}

const chartroom = (args: string[], cwd = charts) => run(process.execPath, [bin, "lint", ...args], cwd);

describe("chartroom lint matches helm lint", () => {
  for (const c of cases as Array<{ name: string; args: string[] }>) {
    it(c.name, () => {
      const golden = JSON.parse(readFileSync(join(lintDir, "goldens", `${c.name}.json`), "utf8"));
      expect(chartroom(c.args)).toEqual(golden);
    });
  }
});

describe("a created chart lints clean", async () => {
  const helm = await helmBinary();
  const expected = {
    status: 0,
    stdout: "==> Linting made\n[INFO] Chart.yaml: icon is recommended\n\n1 chart(s) linted, 0 chart(s) failed\n",
    stderr: "",
  };

  it("with chartroom", () => {
    const dir = mkdtempSync(join(tmpdir(), "chartroom-lint-create-"));
    try {
      expect(spawnSync(process.execPath, [bin, "create", "made"], { cwd: dir, env }).status).toBe(0);
      expect(chartroom(["made"], dir)).toEqual(expected);
      expect(chartroom(["--strict", "--with-subcharts", "made"], dir)).toEqual(expected);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.skipIf(!helm.path)(`with helm too${helm.reason ? ` (${helm.reason})` : ""}`, () => {
    const dir = mkdtempSync(join(tmpdir(), "chartroom-lint-create-"));
    try {
      expect(spawnSync(process.execPath, [bin, "create", "made"], { cwd: dir, env }).status).toBe(0);
      expect(run(helm.path!, ["lint", "made"], dir)).toEqual(expected);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
