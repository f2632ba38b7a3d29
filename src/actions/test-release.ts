// `test RELEASE`: run the release's test hooks and record their last runs.
import type { Release } from "../storage/index.js";
import { type ActionConfig, ActionError } from "./config.js";
import { runHooks } from "./hooks.js";
import { parseDuration } from "./lifecycle.js";
import { parseObjects } from "./objects.js";
import { getRelease } from "./query.js";

export interface TestOptions {
  name: string;
  timeout?: string;
  /** --filter name=X / !name=X */
  filters?: string[];
  logs?: boolean;
}

export interface TestResult {
  release: Release;
  logs: { pod: string; text: string }[];
}

export async function testRelease(cfg: ActionConfig, o: TestOptions): Promise<TestResult> {
  const rel = await getRelease(cfg, o.name);
  if (rel.info.status !== "deployed") throw new ActionError(`unable to get release: release "${o.name}" is not deployed`);
  const include = (o.filters ?? []).filter((f) => f.startsWith("name=")).map((f) => f.slice(5));
  const exclude = (o.filters ?? []).filter((f) => f.startsWith("!name=")).map((f) => f.slice(6));
  const hooks = (rel.hooks ?? []).filter((h) => h.events?.includes("test") && (include.length === 0 || include.includes(h.name ?? "")) && !exclude.includes(h.name ?? ""));
  let failure: unknown;
  try {
    await runHooks(cfg, hooks, "test", rel.namespace, parseDuration(o.timeout));
  } catch (err) {
    failure = err;
  }
  await cfg.storage().update(rel);
  const logs: { pod: string; text: string }[] = [];
  if (o.logs) {
    for (const h of hooks) {
      for (const obj of parseObjects(h.manifest ?? "")) {
        if (obj.kind !== "Pod") continue;
        const ns = obj.metadata.namespace ?? rel.namespace;
        const text = await cfg.kube.transport
          .request<string>("GET", `/api/v1/namespaces/${ns}/pods/${obj.metadata.name}/log`, { accept: "text/plain" })
          .catch(() => "");
        logs.push({ pod: obj.metadata.name, text: typeof text === "string" ? text : JSON.stringify(text) });
      }
    }
  }
  if (failure) throw failure;
  return { release: rel, logs };
}
