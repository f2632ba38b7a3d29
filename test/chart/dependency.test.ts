// dependency list/update/build for file:// dependencies; expectations from helm v3.17.3.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { buildDependencies, listDependencies, updateDependencies } from "../../src/actions/dependency.js";
import { hashRequirements } from "../../src/chart/dependency.js";
import { decodeLock, loadChart } from "../../src/chart/index.js";

const FIX = join(__dirname, "../fixtures/charts");
const expected = (name: string) => readFileSync(join(FIX, "cmd-expected", name), "utf8");
const scratch: string[] = [];
afterEach(() => {
  for (const d of scratch.splice(0)) rmSync(d, { recursive: true, force: true });
});

function workspace(): string {
  const d = mkdtempSync(join(tmpdir(), "chartroom-dep-"));
  scratch.push(d);
  cpSync(join(FIX, "cmd-app"), join(d, "cmd-app"), { recursive: true });
  cpSync(join(FIX, "cmd-sub"), join(d, "cmd-sub"), { recursive: true });
  return d;
}

describe("dependency", () => {
  it("computes helm's Chart.lock digest", () => {
    const lock = decodeLock(expected("Chart.lock"));
    const req = loadChart(join(FIX, "cmd-app")).metadata.dependencies;
    expect(hashRequirements(req, lock.dependencies)).toBe(lock.digest);
  });

  it("lists a missing dependency as helm does", () => {
    expect(listDependencies(join(FIX, "cmd-app"))).toBe(expected("dep-list-missing.txt"));
  });

  it("update archives file:// charts and writes helm's Chart.lock", async () => {
    const d = workspace();
    const lines: string[] = [];
    await updateDependencies(join(d, "cmd-app"), { out: (l) => lines.push(l) });
    expect(lines).toEqual(["Saving 1 charts", "Deleting outdated charts"]);
    expect(existsSync(join(d, "cmd-app/charts/cmd-sub-1.2.3.tgz"))).toBe(true);
    const strip = (s: string) => s.replace(/^generated: .*$/m, "");
    expect(strip(readFileSync(join(d, "cmd-app/Chart.lock"), "utf8"))).toBe(strip(expected("Chart.lock")));
    expect(listDependencies(join(d, "cmd-app"))).toBe(expected("dep-list-ok.txt"));
  });

  it("build refuses a lock out of sync with Chart.yaml", async () => {
    const d = workspace();
    const lock = expected("Chart.lock").replace(/sha256:[0-9a-f]+/, `sha256:${"0".repeat(64)}`);
    writeFileSync(join(d, "cmd-app/Chart.lock"), lock);
    await expect(buildDependencies(join(d, "cmd-app"), { out: () => {} })).rejects.toThrow(
      "the lock file (Chart.lock) is out of sync with the dependencies file (Chart.yaml). Please update the dependencies",
    );
  });

  it("build fetches what the lock names", async () => {
    const d = workspace();
    writeFileSync(join(d, "cmd-app/Chart.lock"), expected("Chart.lock"));
    await buildDependencies(join(d, "cmd-app"), { out: () => {} });
    expect(loadChart(join(d, "cmd-app")).dependencies.map((c) => c.metadata.version)).toEqual(["1.2.3"]);
  });

  it("an unsatisfiable file:// constraint is an error", async () => {
    const d = workspace();
    const p = join(d, "cmd-app/Chart.yaml");
    writeFileSync(p, readFileSync(p, "utf8").replace("~1.2.0", "^2.0.0"));
    await expect(updateDependencies(join(d, "cmd-app"), { out: () => {} })).rejects.toThrow("can't get a valid version for dependency cmd-sub");
  });
});
