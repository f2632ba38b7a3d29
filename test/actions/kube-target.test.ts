import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { readKubeTarget } from "../../src/actions/kube-target.js";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "chartroom-kube-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function kubeconfig(name: string, current: string | undefined, contexts: Record<string, string | undefined>): string {
  const path = join(dir, name);
  const lines = ["apiVersion: v1", "kind: Config"];
  if (current) lines.push(`current-context: ${current}`);
  lines.push("contexts:");
  for (const [ctx, ns] of Object.entries(contexts)) {
    lines.push(`- name: ${ctx}`, "  context:", `    cluster: ${ctx}`, ...(ns ? [`    namespace: ${ns}`] : []));
  }
  writeFileSync(path, `${lines.join("\n")}\n`);
  return path;
}

describe("readKubeTarget", () => {
  test("current context and its namespace from ~/.kube/config", () => {
    mkdirSync(join(dir, ".kube"));
    writeFileSync(join(dir, ".kube", "config"), "current-context: prod\ncontexts:\n- name: prod\n  context: {namespace: web}\n");
    expect(readKubeTarget({}, {}, dir)).toEqual({ context: "prod", namespace: "web", files: [join(dir, ".kube", "config")], problem: undefined });
  });

  test("namespace defaults to default when the context sets none", () => {
    const path = kubeconfig("a", "dev", { dev: undefined });
    expect(readKubeTarget({ kubeconfig: path }, {}, dir)).toMatchObject({ context: "dev", namespace: "default" });
  });

  test("flags win over HELM_* variables, which win over the file", () => {
    const path = kubeconfig("a", "dev", { dev: "d", ops: "o" });
    const env = { KUBECONFIG: path, HELM_KUBECONTEXT: "ops", HELM_NAMESPACE: "envns" };
    expect(readKubeTarget({}, env, dir)).toMatchObject({ context: "ops", namespace: "envns" });
    expect(readKubeTarget({ kubeContext: "dev", namespace: "flagns" }, env, dir)).toMatchObject({ context: "dev", namespace: "flagns" });
    expect(readKubeTarget({}, { KUBECONFIG: path, HELM_KUBECONTEXT: "ops" }, dir)).toMatchObject({ namespace: "o" });
  });

  test("KUBECONFIG lists merge, the first file to set a value wins, missing files are skipped", () => {
    const a = kubeconfig("a", undefined, { dev: "first" });
    const b = kubeconfig("b", "dev", { dev: "second", ops: undefined });
    const env = { KUBECONFIG: [join(dir, "missing"), a, b].join(delimiter) };
    expect(readKubeTarget({}, env, dir)).toEqual({ context: "dev", namespace: "first", files: [a, b], problem: undefined });
  });

  test("problems are reported, not thrown", () => {
    expect(readKubeTarget({}, {}, dir).problem).toBe(`no kubeconfig found (looked in ${join(dir, ".kube", "config")})`);
    expect(readKubeTarget({ kubeconfig: join(dir, "nope") }, {}, dir).problem).toBe(`kubeconfig ${join(dir, "nope")} not found`);
    const path = kubeconfig("a", undefined, { dev: undefined });
    expect(readKubeTarget({ kubeconfig: path }, {}, dir).problem).toBe("the kubeconfig sets no current context");
    expect(readKubeTarget({ kubeconfig: path, kubeContext: "gone" }, {}, dir).problem).toBe('context "gone" is not in the kubeconfig');
    writeFileSync(join(dir, "bad"), "contexts: [\n");
    expect(readKubeTarget({ kubeconfig: join(dir, "bad") }, {}, dir).problem).toMatch(/^cannot read kubeconfig .*bad: /);
  });
});
