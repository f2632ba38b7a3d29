// Several kubeconfig files merge as kubectl merges them: the first file to
// set current-context wins, the first to define a name wins it, relative
// paths are relative to the file that defined the entry, missing files in
// KUBECONFIG are skipped and an explicit --kubeconfig must exist.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { parse } from "yaml";
import { loadKubeConfig } from "../../src/kube/config.js";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "chartroom-kubeconfig-"));
  vi.stubEnv("KUBERNETES_SERVICE_HOST", "");
});
afterEach(() => {
  vi.unstubAllEnvs();
  rmSync(dir, { recursive: true, force: true });
});

function file(rel: string, text: string): string {
  const path = join(dir, rel);
  mkdirSync(join(path, ".."), { recursive: true });
  writeFileSync(path, text);
  return path;
}

describe("loadKubeConfig over several files", () => {
  it("takes the context from one file, its cluster from another and its user's files relative to the user's file", () => {
    const a = file(
      "a/config",
      ["current-context: two", "users:", "- name: me", "  user:", "    client-certificate: certs/me.crt", "    client-key: certs/me.key", ""].join("\n"),
    );
    file("a/certs/me.crt", "CERT");
    file("a/certs/me.key", "KEY");
    const b = file(
      "b/config",
      [
        "current-context: one",
        "clusters:",
        "- name: c2",
        "  cluster: {server: 'https://two:6443', certificate-authority: ca.pem}",
        "contexts:",
        "- name: two",
        "  context: {cluster: c2, user: me, namespace: team}",
        "",
      ].join("\n"),
    );
    file("b/ca.pem", "CA");
    vi.stubEnv("KUBECONFIG", [join(dir, "missing"), a, b].join(delimiter));
    const access = loadKubeConfig({});
    expect(access.server).toBe("https://two:6443");
    expect(access.namespace).toBe("team");
    expect(access.ca?.toString()).toBe("CA");
    expect(access.cert?.toString()).toBe("CERT");
    expect(access.key?.toString()).toBe("KEY");
    expect(access.delegate).toBeUndefined();
  });

  it("the first file to define a name wins it", () => {
    const first = file("1", "current-context: x\nclusters:\n- name: c\n  cluster: {server: 'https://first'}\n");
    const second = file(
      "2",
      "current-context: y\nclusters:\n- name: c\n  cluster: {server: 'https://second'}\ncontexts:\n- name: x\n  context: {cluster: c}\n- name: y\n  context: {cluster: c}\n",
    );
    vi.stubEnv("KUBECONFIG", [first, second].join(delimiter));
    expect(loadKubeConfig({}).server).toBe("https://first");
    expect(loadKubeConfig({ kubeContext: "y" }).server).toBe("https://first");
    expect(() => loadKubeConfig({ kubeContext: "z" })).toThrow('Kubernetes cluster unreachable: context "z" does not exist');
  });

  it("--kubeconfig names one file, which must exist", () => {
    const other = file("other", "current-context: x\ncontexts:\n- name: x\n  context: {cluster: c}\nclusters:\n- name: c\n  cluster: {server: 'https://env'}\n");
    vi.stubEnv("KUBECONFIG", other);
    const missing = join(dir, "nope");
    expect(() => loadKubeConfig({ kubeconfig: missing })).toThrow(`Kubernetes cluster unreachable: stat ${missing}: no such file or directory`);
    const only = file("only", "clusters:\n- name: c\n  cluster: {server: 'https://only'}\ncontexts:\n- name: x\n  context: {cluster: c}\n");
    // The context is in KUBECONFIG's file, which --kubeconfig replaces.
    expect(() => loadKubeConfig({ kubeconfig: only })).toThrow("no cluster in the kubeconfig");
    expect(loadKubeConfig({ kubeconfig: only, kubeContext: "x" }).server).toBe("https://only");
  });

  it("with every KUBECONFIG file missing it falls back as client-go does", () => {
    vi.stubEnv("KUBECONFIG", [join(dir, "a"), join(dir, "b")].join(delimiter));
    expect(loadKubeConfig({}).server).toBe("http://localhost:8080");
  });

  it("hands exec users to the client library as one self-contained kubeconfig", () => {
    const users = file("u/config", "users:\n- name: me\n  user:\n    exec: {apiVersion: client.authentication.k8s.io/v1, command: ./bin/token}\n");
    const ctx = file(
      "c/config",
      "current-context: x\ncontexts:\n- name: x\n  context: {cluster: c, user: me}\n- name: other\n  context: {cluster: c}\nclusters:\n- name: c\n  cluster: {server: 'https://c', certificate-authority: ca.pem}\n",
    );
    file("c/ca.pem", "CA");
    vi.stubEnv("KUBECONFIG", [users, ctx].join(delimiter));
    const { delegate } = loadKubeConfig({});
    expect(delegate?.context).toBe("x");
    const doc = parse(delegate!.kubeconfig);
    expect(doc["current-context"]).toBe("x");
    expect(doc.contexts).toEqual([{ name: "x", context: { cluster: "c", user: "me" } }]);
    expect(doc.clusters[0].cluster["certificate-authority"]).toBe(join(dir, "c", "ca.pem"));
    expect(doc.users[0].user.exec.command).toBe(join(dir, "u", "bin", "token"));
  });
});
