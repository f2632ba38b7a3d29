// @kubernetes/client-node against the sandbox: typed create/list/patch and an informer-style watch.
import * as k8s from "@kubernetes/client-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sandbox } from "../../src/sandbox/index.js";
import { newSandbox } from "./helpers.js";

let sb: Sandbox;
let kc: k8s.KubeConfig;
beforeAll(async () => {
  sb = await newSandbox({ controllers: false });
  kc = new k8s.KubeConfig();
  kc.loadFromFile(sb.kubeconfigPath);
});
afterAll(() => sb.stop());

describe("@kubernetes/client-node", () => {
  it("reads the kubeconfig context and creates, lists, patches and deletes", async () => {
    expect(kc.getCurrentContext()).toBe("chartroom-sandbox");
    const core = kc.makeApiClient(k8s.CoreV1Api);
    const created = await core.createNamespacedConfigMap({ namespace: "default", body: { metadata: { name: "cn", labels: { app: "cn" } }, data: { a: "1" } } });
    expect(created.metadata?.uid).toBeTruthy();
    const list = await core.listNamespacedConfigMap({ namespace: "default", labelSelector: "app=cn" });
    expect(list.items.map((i) => i.metadata?.name)).toEqual(["cn"]);
    const patched = await core.patchNamespacedConfigMap(
      { namespace: "default", name: "cn", body: { data: { b: "2" } } },
      k8s.setHeaderOptions("Content-Type", k8s.PatchStrategy.MergePatch),
    );
    expect(patched.data).toEqual({ a: "1", b: "2" });
    await core.deleteNamespacedConfigMap({ namespace: "default", name: "cn" });
    await expect(core.readNamespacedConfigMap({ namespace: "default", name: "cn" })).rejects.toMatchObject({ code: 404 });
    const apps = kc.makeApiClient(k8s.AppsV1Api);
    const groups = await kc.makeApiClient(k8s.ApisApi).getAPIVersions();
    expect(groups.groups.map((g) => g.name)).toContain("apps");
    await expect(apps.readNamespacedDeployment({ namespace: "default", name: "none" })).rejects.toMatchObject({ code: 404 });
  });

  it("watches changes", async () => {
    const core = kc.makeApiClient(k8s.CoreV1Api);
    const list = await core.listNamespacedSecret({ namespace: "default" });
    const seen: string[] = [];
    const watch = new k8s.Watch(kc);
    const done = new Promise<void>((resolve) => {
      void watch
        .watch(
          "/api/v1/namespaces/default/secrets",
          { resourceVersion: list.metadata?.resourceVersion, allowWatchBookmarks: true },
          (type, obj) => {
            seen.push(`${type} ${obj.metadata?.name}`);
            if (seen.length === 3) resolve();
          },
          () => resolve(),
        )
        .then((req) => done.then(() => req.abort()));
    });
    await new Promise((r) => setTimeout(r, 200));
    await core.createNamespacedSecret({ namespace: "default", body: { metadata: { name: "w" }, stringData: { k: "v" } } });
    await core.patchNamespacedSecret({ namespace: "default", name: "w", body: { metadata: { labels: { x: "y" } } } }, k8s.setHeaderOptions("Content-Type", k8s.PatchStrategy.StrategicMergePatch));
    await core.deleteNamespacedSecret({ namespace: "default", name: "w" });
    await done;
    expect(seen).toEqual(["ADDED w", "MODIFIED w", "DELETED w"]);
  });
});
