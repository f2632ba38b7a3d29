// A release written by the real helm decodes, re-encodes to the same JSON
// byte for byte, and helm reads what we write.
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { KubeClient } from "../../src/kube/index.js";
import type { Sandbox } from "../../src/sandbox/index.js";
import { decodeRelease, newStorage, releaseJson } from "../../src/storage/index.js";
import { helmBinary, newSandbox, run } from "../sandbox/helpers.js";

const chart = new URL("../fixtures/charts/release-basic", import.meta.url).pathname;
const helm = await helmBinary();

describe.skipIf(!helm.path)(`helm storage round trip${helm.reason ? ` (${helm.reason})` : ""}`, () => {
  let sb: Sandbox;
  let kube: KubeClient;
  const h = (...args: string[]) => run(helm.path!, ["--kubeconfig", sb.kubeconfigPath, ...args]);

  beforeAll(async () => {
    sb = await newSandbox();
    kube = KubeClient.fromTarget({ kubeconfig: sb.kubeconfigPath, namespace: "default" });
    const r = await h("install", "rt", chart, "--set", "extra.list={a,b}", "--set", "num=3", "--labels", "team=blue");
    expect(r.stderr).toBe("");
  }, 60_000);
  afterAll(() => sb?.stop());

  for (const driver of ["secret", "configmap"]) {
    it(`re-encodes helm's JSON exactly (${driver})`, async () => {
      if (driver === "configmap") {
        const r = await run(helm.path!, ["--kubeconfig", sb.kubeconfigPath, "install", "rtc", chart], { HELM_DRIVER: "configmap" });
        expect(r.code).toBe(0);
      }
      const kind = driver === "secret" ? "Secret" : "ConfigMap";
      const name = driver === "secret" ? "rt" : "rtc";
      const obj = (await kube.get({ apiVersion: "v1", kind, name: `sh.helm.release.v1.${name}.v1`, namespace: "default" })) as any;
      const stored = driver === "secret" ? Buffer.from(obj.data.release, "base64").toString() : obj.data.release;
      const json = gunzipSync(Buffer.from(stored, "base64")).toString();
      const rel = decodeRelease(stored);
      expect(releaseJson(rel)).toBe(json);
      expect(rel.info.status).toBe("deployed");
      if (driver === "secret") expect(rel.config).toMatchObject({ num: 3, extra: { list: ["a", "b"] } });
      if (driver === "secret") expect(obj.type).toBe("helm.sh/release.v1");
      expect(obj.metadata.labels).toMatchObject({ name, owner: "helm", status: "deployed", version: "1" });
    });
  }

  it("helm reads a revision we wrote and keeps our custom labels", async () => {
    const storage = newStorage(() => kube, "default", "secret");
    const r1 = await storage.get("rt", 1);
    expect(r1.labels).toEqual({ team: "blue" });
    const r2 = { ...r1, version: 2, info: { ...r1.info, description: "Written by chartroom", status: "deployed" as const } };
    await storage.update({ ...r1, info: { ...r1.info, status: "superseded" } });
    await storage.create(r2);
    const hist = await h("history", "rt", "-o", "json");
    expect(JSON.parse(hist.stdout)).toMatchObject([
      { revision: 1, status: "superseded" },
      { revision: 2, status: "deployed", description: "Written by chartroom" },
    ]);
    const vals = await h("get", "values", "rt", "-o", "json");
    expect(JSON.parse(vals.stdout)).toEqual({ extra: { list: ["a", "b"] }, num: 3 });
    const last = await storage.last("rt");
    expect(last.version).toBe(2);
    expect((await storage.deployed("rt")).version).toBe(2);
  });
});
