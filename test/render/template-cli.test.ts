// `chartroom template` as a user runs it, against goldens recorded from helm
// v3.17.3 (test/fixtures/render-goldens/record.mjs re-records them).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
// @ts-expect-error: plain .mjs fixture table
import { cases } from "../fixtures/render-goldens/cases.mjs";

const root = new URL("../..", import.meta.url).pathname;
const fixtures = join(root, "test/fixtures");
const bin = join(root, "bin/chartroom.js");

function chartroom(args: string[]) {
  return spawnSync(process.execPath, [bin, "template", "rel", "charts/render-app", "--namespace", "ns", ...args], {
    cwd: fixtures,
    encoding: "utf8",
  });
}

interface Golden {
  status: number;
  stdout: string;
  stderr: string;
}

describe("chartroom template matches helm template", () => {
  for (const c of cases as Array<{ name: string; args: string[] }>) {
    it(c.name, () => {
      const golden = JSON.parse(readFileSync(join(fixtures, "render-goldens", `${c.name}.json`), "utf8")) as Golden;
      const r = chartroom(c.args);
      expect(r.status).toBe(golden.status);
      expect(r.stdout).toBe(golden.stdout);
      if (golden.status !== 0) expect(r.stderr.trim()).toBe(golden.stderr.trim());
    });
  }

  it("--output-dir writes each template's documents to its own file, hooks included", () => {
    const dir = mkdtempSync(join(tmpdir(), "chartroom-outdir-"));
    try {
      const r = chartroom(["--output-dir", dir]);
      expect(r.status).toBe(0);
      const written = r.stdout.trim().split("\n");
      expect(written).toContain(`wrote ${dir}/render-app/templates/deployment.yaml`);
      expect(written).toContain(`wrote ${dir}/render-app/templates/hook-job.yaml`);
      const golden = JSON.parse(readFileSync(join(fixtures, "render-goldens", "default.json"), "utf8")) as Golden;
      // Every document of the stream lands in the file named by its Source line.
      const files = readdirSync(join(dir, "render-app/templates"));
      expect(files.sort()).toEqual(["configmap.yaml", "deployment.yaml", "hook-job.yaml", "service.yaml", "tests"]);
      const cm = readFileSync(join(dir, "render-app/templates/configmap.yaml"), "utf8");
      for (const doc of cm.split(/^---\n/m).filter(Boolean)) expect(golden.stdout).toContain(doc.trimEnd());
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
