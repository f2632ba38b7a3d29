// OCI with credentials: a docker-registry behind htpasswd (Basic challenge).
// Login stores credentials 0600 in the registry config; push and pull use them.
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { credentialsFor, downloadChart, pushChart, Registry, removeCredentials, storeCredentials } from "../../src/repo/index.js";
import { helmEnv, makeChartArchive, REGISTRY_BIN, type RunningRegistry, startRegistry, tempDir } from "./helpers.js";

const present = existsSync(REGISTRY_BIN);
const auth = { username: "robot", password: "s3cret-pass" };

describe.skipIf(!present)(`OCI registry with basic auth${present ? "" : ` (skipped: ${REGISTRY_BIN} is absent; apt-get install docker-registry)`}`, () => {
  let reg: RunningRegistry | undefined;
  beforeAll(async () => {
    reg = await startRegistry(auth);
  });
  afterAll(async () => {
    await reg?.stop();
  });

  it("refuses anonymous pushes, logs in, and pushes and pulls with stored credentials", async () => {
    const host = reg?.host as string;
    const h = helmEnv(tempDir());
    const archive = await makeChartArchive(tempDir(), { name: "secured", version: "1.2.3+build.1" });
    await expect(pushChart(archive, `oci://${host}/charts`, { ...h, plainHttp: true })).rejects.toThrow("basic credential not found");
    await expect(new Registry(host, { plainHttp: true, username: "robot", password: "wrong" }).ping()).rejects.toThrow(`login to ${host} failed: 401`);
    await new Registry(host, { plainHttp: true, ...auth }).ping();
    storeCredentials(h.registryConfig, host, auth.username, auth.password);
    expect(statSync(h.registryConfig).mode & 0o777).toBe(0o600);
    expect(readFileSync(h.registryConfig, "utf8")).not.toContain(auth.password);
    expect(credentialsFor(h.registryConfig, host)).toEqual(auth);

    const pushed = await pushChart(archive, `oci://${host}/charts`, { ...h, plainHttp: true });
    expect(pushed.ref).toBe(`${host}/charts/secured:1.2.3_build.1`);
    const got = await downloadChart(`oci://${host}/charts/secured`, { ...h, plainHttp: true, version: "1.2.3+build.1", destination: tempDir() });
    expect(got.digest).toBe(pushed.digest);
    expect(readFileSync(got.path)).toEqual(readFileSync(archive));
    expect(got.path.endsWith(join("secured-1.2.3+build.1.tgz"))).toBe(true);

    expect(removeCredentials(h.registryConfig, host)).toBe(true);
    await expect(downloadChart(`oci://${host}/charts/secured:1.2.3_build.1`, { ...h, plainHttp: true, destination: tempDir() })).rejects.toThrow("basic credential not found");
  });
});
