// Applying a strategic merge patch as the API server does: maps merge,
// lists with a patch merge key merge element-wise, primitive lists marked
// `merge` are sets, and the directives `$patch`, `$retainKeys`,
// `$setElementOrder/<list>` and `$deleteFromPrimitiveList/<list>` steer it.
import { badRequest } from "../errors.js";
import type { Schema } from "./meta.js";

const ORDER = "$setElementOrder/";
const DELETE_PRIMITIVE = "$deleteFromPrimitiveList/";

function isMap(v: unknown): v is Record<string, any> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

function stripDirectives(v: any): any {
  if (Array.isArray(v)) return v.filter((x) => !(isMap(x) && "$patch" in x)).map(stripDirectives);
  if (!isMap(v)) return v;
  const out: Record<string, any> = {};
  for (const [k, x] of Object.entries(v)) {
    if (k === "$patch" || k === "$retainKeys" || k.startsWith(ORDER) || k.startsWith(DELETE_PRIMITIVE)) continue;
    if (x === null) continue;
    out[k] = stripDirectives(x);
  }
  return out;
}

/** Returns the patched map; `undefined` means the patch deleted the whole map. */
export function strategicMerge(original: any, patch: any, schema: Schema): any {
  if (!isMap(patch)) throw badRequest("strategic merge patch must be a JSON object");
  const base = isMap(original) ? original : {};
  const directive = patch.$patch;
  if (directive === "delete") return undefined;
  if (directive === "replace") return stripDirectives(patch);
  if (directive !== undefined && directive !== "merge") {
    throw badRequest(`Unknown patch type: ${directive} in map: ${JSON.stringify(patch)}`);
  }
  const out: Record<string, any> = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    if (key === "$patch" || key === "$retainKeys" || key.startsWith(ORDER)) continue;
    if (key.startsWith(DELETE_PRIMITIVE)) {
      const field = key.slice(DELETE_PRIMITIVE.length);
      const drop = new Set((value as unknown[]).map((x) => JSON.stringify(x)));
      if (Array.isArray(out[field])) out[field] = out[field].filter((x: unknown) => !drop.has(JSON.stringify(x)));
      continue;
    }
    if (value === null) {
      delete out[key];
      continue;
    }
    const meta = schema.field(key);
    if (isMap(value)) {
      const merged = strategicMerge(out[key], value, schema.child(key));
      if (merged === undefined) delete out[key];
      else out[key] = merged;
    } else if (Array.isArray(value)) {
      out[key] = meta.merge ? mergeList(out[key], value, meta.keys?.[0], schema.child(key)) : stripDirectives(value);
    } else {
      out[key] = value;
    }
  }
  for (const key of Object.keys(patch)) {
    if (!key.startsWith(ORDER)) continue;
    const field = key.slice(ORDER.length);
    if (Array.isArray(out[field])) out[field] = orderBy(out[field], patch[key], schema.field(field).keys?.[0]);
  }
  if (Array.isArray(patch.$retainKeys)) {
    const keep = new Set<string>(patch.$retainKeys);
    for (const k of Object.keys(out)) if (!keep.has(k)) delete out[k];
  }
  return out;
}

function mergeList(original: unknown, patch: any[], mergeKey: string | undefined, itemSchema: Schema): any[] {
  const base = Array.isArray(original) ? original : [];
  if (patch.some((x) => isMap(x) && x.$patch === "replace")) return stripDirectives(patch);
  if (!patch.some(isMap) && !base.some(isMap)) {
    const seen = new Set(base.map((x) => JSON.stringify(x)));
    const out = [...base];
    for (const x of patch) {
      const id = JSON.stringify(x);
      if (seen.has(id)) continue;
      out.push(x);
      seen.add(id);
    }
    return out;
  }
  if (!mergeKey) return stripDirectives(patch);
  const out = [...base];
  for (const item of patch) {
    if (!isMap(item)) continue;
    const id = item[mergeKey];
    const at = out.findIndex((x) => isMap(x) && x[mergeKey] === id);
    if (item.$patch === "delete") {
      if (at >= 0) out.splice(at, 1);
      continue;
    }
    if (id === undefined) throw badRequest(`map: ${JSON.stringify(item)} does not contain declared merge key: ${mergeKey}`);
    if (at >= 0) out[at] = strategicMerge(out[at], item, itemSchema);
    else out.push(stripDirectives(item));
  }
  return out;
}

/** `$setElementOrder`: listed elements first in the given order, the rest after, as they were. */
function orderBy(list: any[], order: unknown, mergeKey: string | undefined): any[] {
  if (!Array.isArray(order)) return list;
  const id = (x: any) => JSON.stringify(mergeKey && isMap(x) ? x[mergeKey] : x);
  const rank = new Map<string, number>();
  for (const [i, x] of order.entries()) rank.set(id(x), i);
  const ranked = list.filter((x) => rank.has(id(x))).sort((a, b) => rank.get(id(a))! - rank.get(id(b))!);
  return [...ranked, ...list.filter((x) => !rank.has(id(x)))];
}
