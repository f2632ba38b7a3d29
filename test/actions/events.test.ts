import { describe, expect, it } from "vitest";
import { ActionConfig, eventLine, listReleases, parseDuration } from "../../src/actions/index.js";
import { MemoryDriver, type Release, type Storage } from "../../src/storage/index.js";

describe("parseDuration", () => {
  it("reads Go durations", () => {
    expect(parseDuration("5m0s")).toBe(300_000);
    expect(parseDuration("1h2m3.5s")).toBe(3_723_500);
    expect(parseDuration("300ms")).toBe(300);
    expect(parseDuration(90)).toBe(90_000);
    expect(() => parseDuration("90")).toThrow('time: missing unit in duration "90"');
    expect(() => parseDuration("5 minutes")).toThrow('time: unknown unit " minutes" in duration "5 minutes"');
    expect(() => parseDuration("soon")).toThrow('time: invalid duration "soon"');
    expect(parseDuration("-1.5s")).toBe(-1500);
    expect(parseDuration("2µs")).toBe(0.002);
  });
});

describe("eventLine", () => {
  it("prints each event kind as one line", () => {
    expect(eventLine({ type: "phase", phase: "apply", message: "3 resources" })).toBe("==> apply: 3 resources");
    expect(eventLine({ type: "resource", action: "created", kind: "Deployment", name: "web" })).toBe("    deployment/web created");
    expect(eventLine({ type: "readiness", kind: "Deployment", name: "web", ready: false, reason: "deployment/web 1/3 ready: pod web-abc CrashLoopBackOff" })).toBe(
      "    … deployment/web 1/3 ready: pod web-abc CrashLoopBackOff",
    );
    expect(eventLine({ type: "done", ok: false, error: "boom" })).toBe("==> failed: boom");
  });
});

describe("listReleases", () => {
  function rel(name: string, version: number, status: Release["info"]["status"], labels: Record<string, string> = {}, at = "2026-01-01T00:00:00Z"): Release {
    return { name, namespace: "default", version, labels, info: { first_deployed: at, last_deployed: at, deleted: "", status } };
  }

  it("shows the latest revision of each release, deployed and failed by default, with helm's filters", async () => {
    process.env.HELM_DRIVER = "memory";
    const cfg = new ActionConfig({ namespace: "default", driver: "memory" });
    const s: Storage = cfg.storage();
    expect(s.driver).toBeInstanceOf(MemoryDriver);
    await s.create(rel("alpha", 1, "superseded"));
    await s.create(rel("alpha", 2, "deployed", { tier: "web" }, "2026-01-03T00:00:00Z"));
    await s.create(rel("beta", 1, "failed", { tier: "db" }, "2026-01-02T00:00:00Z"));
    await s.create(rel("gamma", 1, "uninstalled"));
    await s.create(rel("delta", 1, "deployed"));
    await s.create(rel("delta", 2, "pending-upgrade"));
    const names = async (o: Parameters<typeof listReleases>[1]) => (await listReleases(cfg, o)).map((r) => `${r.name}.${r.version}`);
    expect(await names({})).toEqual(["alpha.2", "beta.1"]);
    expect(await names({ all: true })).toEqual(["alpha.2", "beta.1", "delta.2", "gamma.1"]);
    expect(await names({ states: ["pending-upgrade"] })).toEqual(["delta.2"]);
    expect(await names({ selector: "tier!=web" })).toEqual(["beta.1"]);
    expect(await names({ filter: "^b" })).toEqual(["beta.1"]);
    expect(await names({ byDate: true })).toEqual(["beta.1", "alpha.2"]);
    expect(await names({ all: true, reverse: true, max: 2 })).toEqual(["gamma.1", "delta.2"]);
    delete process.env.HELM_DRIVER;
  });
});
