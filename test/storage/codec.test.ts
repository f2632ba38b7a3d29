import { describe, expect, it } from "vitest";
import { decodeRelease, encodeRelease, goTime, goTimeAnsic, goTimeString, MemoryDriver, type Release, releaseJson, Storage } from "../../src/storage/index.js";

function rel(name: string, version: number, status: Release["info"]["status"] = "deployed"): Release {
  return {
    name,
    namespace: "default",
    version,
    info: { first_deployed: "2026-01-02T03:04:05.123456789Z", last_deployed: "2026-01-02T03:04:05.5Z", deleted: "", status, description: "Install complete" },
    config: Object.assign(Object.create(null), { a: 1, html: "<b>&" }),
    manifest: "---\n# Source: x/templates/cm.yaml\n",
    hooks: [],
  };
}

describe("release codec", () => {
  it("writes Go's field order, omitempty, HTML escaping and zero times", () => {
    const json = releaseJson(rel("r", 1));
    expect(json).toBe(
      '{"name":"r","info":{"first_deployed":"2026-01-02T03:04:05.123456789Z","last_deployed":"2026-01-02T03:04:05.5Z","deleted":"","description":"Install complete","status":"deployed"},"config":{"a":1,"html":"\\u003cb\\u003e\\u0026"},"manifest":"---\\n# Source: x/templates/cm.yaml\\n","version":1,"namespace":"default"}',
    );
  });

  it("round-trips through base64(gzip(json)) and reads helm's old uncompressed form", () => {
    const r = rel("r", 2);
    expect(releaseJson(decodeRelease(encodeRelease(r)))).toBe(releaseJson(r));
    expect(decodeRelease(Buffer.from(releaseJson(r)).toString("base64")).version).toBe(2);
  });

  it("formats times as Go does", () => {
    expect(goTime(new Date("2026-01-02T03:04:05.100Z"))).toBe("2026-01-02T03:04:05.1Z");
    expect(goTime(new Date("2026-01-02T03:04:05.000Z"))).toBe("2026-01-02T03:04:05Z");
    expect(goTimeString("2026-01-02T03:04:05.120000Z")).toBe("2026-01-02 03:04:05.12 +0000 UTC");
    expect(goTimeAnsic("2026-01-02T03:04:05.5Z")).toBe("Fri Jan  2 03:04:05 2026");
  });
});

describe("storage", () => {
  it("finds the deployed and last revisions and prunes to --history-max, keeping the deployed one", async () => {
    const s = new Storage(new MemoryDriver("default"));
    await s.create(rel("app", 1, "superseded"));
    await s.create(rel("app", 2, "deployed"));
    await s.create(rel("app", 3, "failed"));
    expect((await s.deployed("app")).version).toBe(2);
    expect((await s.last("app")).version).toBe(3);
    s.maxHistory = 2;
    await s.create(rel("app", 4, "pending-upgrade"));
    expect((await s.history("app")).map((r) => r.version).sort()).toEqual([2, 4]);
    await expect(s.deployed("nope")).rejects.toThrow("nope: no deployed releases");
  });

  it("keeps custom labels beside helm's system labels", async () => {
    const d = new MemoryDriver("default");
    await d.create("k", { ...rel("lab", 1), labels: { team: "blue" } });
    expect((await d.get("k")).labels).toEqual({ team: "blue" });
    expect((await d.query({ name: "lab", owner: "helm", status: "deployed" })).length).toBe(1);
  });
});
