// Field sets for managedFields: an object's leaves as paths of
// structured-merge-diff path elements (`f:spec`, `k:{"name":"web"}`,
// `v:"x"`), and their FieldsV1 tree form. Lists with merge keys are
// associative, primitive merge lists are sets, other lists are atomic.
import type { Schema } from "./patch/meta.js";

export type FieldSet = Set<string>;
const SEP = "\u0000";

/** Metadata fields the server owns; they never appear in managedFields. */
const SERVER_META = new Set([
  "name",
  "namespace",
  "uid",
  "resourceVersion",
  "generation",
  "creationTimestamp",
  "deletionTimestamp",
  "deletionGracePeriodSeconds",
  "managedFields",
  "selfLink",
  "generateName",
]);

function isMap(v: unknown): v is Record<string, any> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

export function itemKey(item: any, keys: string[]): string {
  const id: Record<string, unknown> = {};
  for (const k of keys) if (item[k] !== undefined) id[k] = item[k];
  return `k:${JSON.stringify(id)}`;
}

export function leaves(obj: any, schema: Schema): FieldSet {
  const out: FieldSet = new Set();
  for (const [k, v] of Object.entries(obj ?? {})) {
    if (k === "apiVersion" || k === "kind") continue;
    if (k === "metadata" && isMap(v)) {
      const meta: Record<string, any> = {};
      for (const [mk, mv] of Object.entries(v)) if (!SERVER_META.has(mk)) meta[mk] = mv;
      if (Object.keys(meta).length > 0) walk(meta, schema.child("metadata"), `f:metadata`, out);
      continue;
    }
    walkValue(v, schema, k, `f:${k}`, out);
  }
  return out;
}

function walk(map: Record<string, any>, schema: Schema, prefix: string, out: FieldSet): void {
  const entries = Object.entries(map);
  if (entries.length === 0) {
    out.add(prefix);
    return;
  }
  for (const [k, v] of entries) walkValue(v, schema, k, `${prefix}${SEP}f:${k}`, out);
}

function walkValue(v: any, parent: Schema, key: string, path: string, out: FieldSet): void {
  if (isMap(v)) {
    walk(v, parent.child(key), path, out);
    return;
  }
  if (Array.isArray(v)) {
    const meta = parent.field(key);
    if (meta.keys && v.length > 0 && v.every(isMap)) {
      const child = parent.child(key);
      for (const item of v) {
        const p = `${path}${SEP}${itemKey(item, meta.keys)}`;
        out.add(`${p}${SEP}.`);
        for (const [ik, iv] of Object.entries(item)) walkValue(iv, child, ik, `${p}${SEP}f:${ik}`, out);
      }
      return;
    }
    if (meta.merge && v.length > 0 && !v.some(isMap)) {
      for (const item of v) out.add(`${path}${SEP}v:${JSON.stringify(item)}`);
      return;
    }
  }
  out.add(path);
}

export function toFieldsV1(set: FieldSet): Record<string, any> {
  const root: Record<string, any> = {};
  for (const path of [...set].sort()) {
    let node = root;
    for (const pe of path.split(SEP)) node = node[pe] ??= {};
  }
  return root;
}

export function fromFieldsV1(tree: Record<string, any>, prefix = "", out: FieldSet = new Set()): FieldSet {
  for (const [pe, child] of Object.entries(tree ?? {})) {
    const p = prefix ? `${prefix}${SEP}${pe}` : pe;
    if (isMap(child) && Object.keys(child).length > 0) fromFieldsV1(child, p, out);
    else out.add(p);
  }
  return out;
}

/** Resolves a path to its value; list items are found by key or value. */
export function valueAt(obj: any, path: string): unknown {
  let cur = obj;
  for (const pe of path.split(SEP)) {
    if (cur === undefined || cur === null) return undefined;
    if (pe === ".") return cur;
    if (pe.startsWith("f:")) cur = isMap(cur) ? cur[pe.slice(2)] : undefined;
    else if (pe.startsWith("k:")) cur = Array.isArray(cur) ? cur.find((x) => matchesKey(x, pe)) : undefined;
    else if (pe.startsWith("v:")) return Array.isArray(cur) && cur.some((x) => JSON.stringify(x) === pe.slice(2)) ? pe : undefined;
  }
  return cur;
}

function matchesKey(item: any, pe: string): boolean {
  if (!isMap(item)) return false;
  const id = JSON.parse(pe.slice(2)) as Record<string, unknown>;
  return Object.entries(id).every(([k, v]) => item[k] === v);
}

/** Removes the field at `path` from `obj` in place (a list item for `k:`/`v:` paths). */
export function removeAt(obj: any, path: string): void {
  const pes = path.split(SEP);
  if (pes[pes.length - 1] === ".") pes.pop();
  let cur = obj;
  for (let i = 0; i < pes.length - 1; i++) {
    const pe = pes[i];
    if (pe.startsWith("f:")) cur = isMap(cur) ? cur[pe.slice(2)] : undefined;
    else if (pe.startsWith("k:")) cur = Array.isArray(cur) ? cur.find((x) => matchesKey(x, pe)) : undefined;
    if (cur === undefined || cur === null) return;
  }
  const last = pes[pes.length - 1];
  if (last.startsWith("f:") && isMap(cur)) delete cur[last.slice(2)];
  else if (Array.isArray(cur)) {
    const i = last.startsWith("k:")
      ? cur.findIndex((x) => matchesKey(x, last))
      : cur.findIndex((x) => JSON.stringify(x) === last.slice(2));
    if (i >= 0) cur.splice(i, 1);
  }
}

/** `.spec.containers[name="web"].image`, as conflict messages print paths. */
export function formatPath(path: string): string {
  let out = "";
  for (const pe of path.split(SEP)) {
    if (pe === ".") continue;
    if (pe.startsWith("f:")) out += `.${pe.slice(2)}`;
    else if (pe.startsWith("k:")) {
      const id = JSON.parse(pe.slice(2)) as Record<string, unknown>;
      out += `[${Object.entries(id).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(",")}]`;
    } else out += `[=${pe.slice(2)}]`;
  }
  return out;
}
