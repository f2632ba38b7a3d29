// YAML in and out as helm's sigs.k8s.io/yaml does it: read with parseYaml,
// write through JSON so map keys come out sorted.
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { newMap, type Value } from "../template/value.js";
import { marshalYaml } from "../yaml/emit.js";

function toGo(v: unknown): Value {
  if (v === null || typeof v !== "object") return v as Value;
  if (Array.isArray(v)) return v.map(toGo);
  const m = newMap();
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) m[k] = toGo(x);
  return m;
}

export function toSortedYaml(v: unknown): string {
  return marshalYaml(toGo(JSON.parse(JSON.stringify(v ?? null))));
}

/** Write via a temporary file and rename, so a concurrent reader never sees half a file. */
export function writeFileAtomic(path: string, data: string | Buffer, mode: number): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o755 });
  const tmp = `${path}.${process.pid}.${Date.now()}.tmp`;
  writeFileSync(tmp, data, { mode });
  renameSync(tmp, path);
}

/** Go's time.Time JSON form (RFC3339Nano, trailing zeros of the fraction dropped). */
export function goTime(d: Date = new Date()): string {
  return d.toISOString().replace(/\.?0+Z$/, "Z");
}
