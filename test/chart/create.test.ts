// create: the scaffold renders as helm's `helm create` scaffold does (golden from helm v3.17.3).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runTemplate } from "../../src/actions/template.js";
import { createChart, createFromStarter, starterPath, validateChartName } from "../../src/chart/create.js";
import { loadChart } from "../../src/chart/index.js";

const FIX = join(__dirname, "../fixtures/charts");
const scratch: string[] = [];
afterEach(() => {
  for (const d of scratch.splice(0)) rmSync(d, { recursive: true, force: true });
});
function tmp(): string {
  const d = mkdtempSync(join(tmpdir(), "chartroom-create-"));
  scratch.push(d);
  return d;
}

describe("create", () => {
  it("writes helm's file set and renders like helm's scaffold", () => {
    const dir = tmp();
    const path = createChart("mc", dir);
    const c = loadChart(path);
    expect(c.metadata).toMatchObject({ name: "mc", version: "0.1.0", appVersion: "1.16.0", type: "application" });
    expect(c.templates.map((t) => t.name).sort()).toEqual([
      "templates/NOTES.txt",
      "templates/_helpers.tpl",
      "templates/deployment.yaml",
      "templates/hpa.yaml",
      "templates/ingress.yaml",
      "templates/service.yaml",
      "templates/serviceaccount.yaml",
      "templates/tests/test-connection.yaml",
    ]);
    const out = runTemplate({
      args: ["r", path],
      namespace: "default",
      values: { values: ["ingress.enabled=true,autoscaling.enabled=true,service.type=NodePort"] },
    });
    expect(out).toBe(readFileSync(join(FIX, "cmd-expected/create-mc-template.txt"), "utf8"));
  });

  it("validates the name as helm does", () => {
    expect(() => validateChartName("bad/name")).toThrow('chart name must match the regular expression "^[a-zA-Z0-9._-]+$"');
    expect(() => validateChartName("")).toThrow("chart name must be between 1 and 250 characters");
  });

  it("creates from a starter, replacing <CHARTNAME>", () => {
    const dir = tmp();
    const st = join(dir, "starter");
    mkdirSync(join(st, "templates"), { recursive: true });
    writeFileSync(join(st, "Chart.yaml"), "apiVersion: v2\nname: starter\nversion: 9.9.9\nkeywords: [x]\n");
    writeFileSync(join(st, "values.yaml"), "name: <CHARTNAME>\n");
    writeFileSync(join(st, "templates/cm.yaml"), '{{ include "<CHARTNAME>.x" . }}\n');
    const path = createFromStarter("fresh", dir, st);
    expect(readFileSync(join(path, "Chart.yaml"), "utf8")).toBe(
      "apiVersion: v2\nappVersion: 0.1.0\ndescription: A Helm chart for Kubernetes\nname: fresh\ntype: application\nversion: 0.1.0\n",
    );
    expect(readFileSync(join(path, "values.yaml"), "utf8")).toBe("name: fresh\n");
    expect(readFileSync(join(path, "templates/cm.yaml"), "utf8")).toBe('{{ include "fresh.x" . }}\n');
  });

  it("finds named starters under HELM_DATA_HOME", () => {
    expect(starterPath("s", { HELM_DATA_HOME: "/d" })).toBe("/d/starters/s");
    expect(starterPath("/abs/s", {})).toBe("/abs/s");
  });
});
