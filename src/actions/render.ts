// Rendering against a live cluster. The template engine is synchronous but
// `lookup` needs the API server, so a render runs with a recording lookup
// first; if templates asked for objects, they are fetched asynchronously and
// the chart is rendered again, answering from that cache, until no new
// object is asked for (at most a few rounds, since a lookup's result can
// lead a template to look up something else).
import type { KubeClient } from "../kube/index.js";
import { type RenderRequest, type RenderResult, renderRelease } from "../render/pipeline.js";
import { type GoMap, newMap } from "../template/value.js";
import { toGoValue } from "../storage/gojson.js";

export interface ClusterRender extends Omit<RenderRequest, "engine"> {
  /** Absent for client-only dry runs: lookup then returns empty maps, as helm's does. */
  kube?: KubeClient;
}

const MAX_ROUNDS = 4;

async function fetchLookup(kube: KubeClient, apiVersion: string, kind: string, ns: string, name: string): Promise<GoMap> {
  try {
    if (name === "") {
      const items = await kube.list(apiVersion, kind, ns === "" ? undefined : ns);
      return toGoValue({ apiVersion, kind: `${kind}List`, items }) as GoMap;
    }
    const obj = await kube.get({ apiVersion, kind, namespace: ns === "" ? undefined : ns, name });
    return obj ? (toGoValue(obj) as GoMap) : newMap();
  } catch (err) {
    // helm's lookup returns an empty map when the kind is unknown or the object missing.
    if ((err as Error).name === "UnknownKindError") return newMap();
    throw err;
  }
}

export async function renderForCluster(req: ClusterRender): Promise<RenderResult> {
  const cache = new Map<string, GoMap>();
  for (let round = 0; ; round++) {
    const missing: [string, string, string, string][] = [];
    const result = renderRelease({
      ...req,
      engine: {
        lookup: (apiVersion, kind, ns, name) => {
          const key = JSON.stringify([apiVersion, kind, ns, name]);
          const hit = cache.get(key);
          if (hit) return hit;
          if (req.kube) missing.push([apiVersion, kind, ns, name]);
          return newMap();
        },
      },
    });
    if (missing.length === 0 || !req.kube || round >= MAX_ROUNDS) return result;
    await Promise.all(
      missing.map(async (m) => {
        cache.set(JSON.stringify(m), await fetchLookup(req.kube!, ...m));
      }),
    );
  }
}
