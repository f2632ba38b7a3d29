// Which layer set each effective value: the values helm would render with,
// flattened to leaf keys, each naming the lowest-precedence layer that gave it
// its final value (a layer repeating the value below it does not claim it).
import { goJson } from "../../values/schema.js";

export interface ValuesLayer {
  /** Shown beside each key it set: "chart default", "subchart redis", "user edit". */
  name: string;
  /** Where in the merged tree this layer's values land ("redis" for a subchart); empty for the top. */
  at?: readonly string[];
  values: unknown;
}

export interface EffectiveRow {
  key: string;
  value: string;
  layer: string;
}

type Tree = Record<string, unknown>;

function isTree(v: unknown): v is Tree {
  return typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof Uint8Array);
}

/** Layers lowest precedence first; rows sorted by key, as helm prints maps. */
export function effectiveValues(layers: readonly ValuesLayer[]): EffectiveRow[] {
  const leaves = new Map<string, { value: unknown; layer: string }>();
  for (const layer of layers) {
    const prefix = (layer.at ?? []).join(".");
    walk(layer.values, prefix, (key, value) => {
      const prev = leaves.get(key);
      if (value === null) {
        // A null removes the key as helm's coalescing does.
        if (prev) leaves.delete(key);
        for (const k of [...leaves.keys()]) if (k.startsWith(`${key}.`)) leaves.delete(k);
        return;
      }
      if (prev && goJson(prev.value) === goJson(value)) return;
      for (const k of [...leaves.keys()]) if (k.startsWith(`${key}.`) || key.startsWith(`${k}.`)) leaves.delete(k);
      leaves.set(key, { value, layer: layer.name });
    });
  }
  return [...leaves]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, { value, layer }]) => ({ key, value: goJson(value), layer }));
}

function walk(v: unknown, prefix: string, visit: (key: string, value: unknown) => void): void {
  if (isTree(v)) {
    const keys = Object.keys(v);
    if (keys.length === 0 && prefix) visit(prefix, v);
    for (const k of keys) walk(v[k], prefix ? `${prefix}.${k}` : k, visit);
    return;
  }
  if (prefix) visit(prefix, v);
}
