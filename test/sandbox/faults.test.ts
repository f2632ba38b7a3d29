// Per-request fault injection: the Nth matching request fails as configured.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sandbox } from "../../src/sandbox/index.js";
import { http, kubectl, newSandbox } from "./helpers.js";

let sb: Sandbox;
beforeAll(async () => {
  sb = await newSandbox({ controllers: false, faults: [{ verb: "create", resource: "configmaps", nth: 2, fail: 500 }] });
});
afterAll(() => sb.stop());

const create = (name: string) => http(sb, "POST", "/api/v1/namespaces/default/configmaps", { metadata: { name } });

describe("fault injection", () => {
  it("fails the Nth matching request only", async () => {
    expect((await create("f1")).status).toBe(201);
    const second = await create("f2");
    expect(second.status).toBe(500);
    expect(second.json).toMatchObject({ kind: "Status", reason: "InternalError", code: 500 });
    expect((await create("f3")).status).toBe(201);
    expect((await http(sb, "GET", "/api/v1/namespaces/default/configmaps/f2")).status).toBe(404);
  });

  it("arms 409, 429 and timeouts through the admin endpoint", async () => {
    const armed = await http(sb, "POST", "/admin/faults", [
      { verb: "get", resource: "secrets", name: "s", fail: 429 },
      { verb: "update", resource: "configmaps", fail: 409 },
      { verb: "list", resource: "services", fail: "timeout", delayMs: 50 },
    ]);
    expect(armed.status).toBe(201);
    const tooMany = await http(sb, "GET", "/api/v1/namespaces/default/secrets/s");
    expect(tooMany.status).toBe(429);
    expect(tooMany.headers.get("retry-after")).toBe("1");
    const f1 = (await http(sb, "GET", "/api/v1/namespaces/default/configmaps/f1")).json;
    const conflict = await http(sb, "PUT", "/api/v1/namespaces/default/configmaps/f1", f1);
    expect(conflict).toMatchObject({ status: 409, json: { reason: "Conflict" } });
    const timeout = await http(sb, "GET", "/api/v1/services");
    expect(timeout).toMatchObject({ status: 504, json: { reason: "Timeout" } });
    expect((await http(sb, "GET", "/api/v1/services")).status).toBe(200);
    await http(sb, "DELETE", "/admin/faults");
    expect((await http(sb, "GET", "/admin/faults")).json.faults).toEqual([]);
  });

  it("shows kubectl the injected error", async () => {
    await http(sb, "POST", "/admin/faults", { verb: "get", resource: "configmaps", name: "f1", fail: 500 });
    const out = await kubectl(sb, "get", "configmap", "f1");
    expect(out.code).not.toBe(0);
    expect(out.stderr).toContain("Internal error occurred: injected fault");
  });
});
