// managedFields bookkeeping: which manager owns which field. Updates take
// ownership of what they change; server-side apply merges the applied
// configuration, removes fields the manager stopped applying, and reports
// conflicts with other managers unless forced.
import { ApiError } from "./errors.js";
import { type FieldSet, formatPath, fromFieldsV1, leaves, removeAt, toFieldsV1, valueAt } from "./fields.js";
import type { Schema } from "./patch/meta.js";
import { strategicMerge } from "./patch/strategic.js";

export interface ManagedEntry {
  manager: string;
  operation: "Apply" | "Update";
  apiVersion: string;
  time: string;
  fieldsType: "FieldsV1";
  fieldsV1: Record<string, any>;
  subresource?: string;
}

interface Owned {
  entry: ManagedEntry;
  set: FieldSet;
}

function owned(obj: any): Owned[] {
  const list: ManagedEntry[] = obj?.metadata?.managedFields ?? [];
  return list.map((entry) => ({ entry, set: fromFieldsV1(entry.fieldsV1) }));
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function store(obj: any, entries: Owned[]): void {
  const kept = entries.filter((o) => o.set.size > 0);
  const out = kept.map((o) => ({ ...o.entry, fieldsV1: toFieldsV1(o.set) }));
  if (out.length) obj.metadata.managedFields = out;
  else delete obj.metadata.managedFields;
}

export interface Writer {
  manager: string;
  apiVersion: string;
  time: string;
  subresource?: string;
}

function entryFor(entries: Owned[], w: Writer, operation: "Apply" | "Update"): Owned {
  let mine = entries.find(
    (o) => o.entry.manager === w.manager && o.entry.operation === operation && (o.entry.subresource ?? "") === (w.subresource ?? ""),
  );
  if (!mine) {
    const entry: ManagedEntry = { manager: w.manager, operation, apiVersion: w.apiVersion, time: w.time, fieldsType: "FieldsV1", fieldsV1: {} };
    if (w.subresource) entry.subresource = w.subresource;
    mine = { entry, set: new Set() };
    entries.push(mine);
  }
  mine.entry = { ...mine.entry, apiVersion: w.apiVersion, time: w.time };
  return mine;
}

/** Sets `next.metadata.managedFields` after a create, update or patch by `w`. */
export function recordUpdate(prev: any | undefined, next: any, schema: Schema, w: Writer): void {
  const entries = owned(prev);
  const before = prev ? leaves(prev, schema) : new Set<string>();
  const after = leaves(next, schema);
  const changed: string[] = [];
  for (const p of after) if (!before.has(p) || !same(valueAt(prev, p), valueAt(next, p))) changed.push(p);
  const removed = [...before].filter((p) => !after.has(p));
  if (changed.length === 0 && removed.length === 0) {
    store(next, entries);
    return;
  }
  for (const o of entries) {
    for (const p of changed) o.set.delete(p);
    for (const p of removed) o.set.delete(p);
  }
  if (changed.length) {
    const mine = entryFor(entries, w, "Update");
    for (const p of changed) mine.set.add(p);
  }
  store(next, entries);
}

/** Server-side apply of `applied` onto `live` (undefined when creating). */
export function serverSideApply(live: any | undefined, applied: any, schema: Schema, w: Writer, force: boolean): any {
  const entries = owned(live);
  const appliedSet = leaves(applied, schema);
  const conflicts: { manager: string; apiVersion: string; path: string }[] = [];
  if (live) {
    for (const o of entries) {
      if (o.entry.manager === w.manager && o.entry.operation === "Apply") continue;
      for (const p of appliedSet) {
        if (o.set.has(p) && !same(valueAt(live, p), valueAt(applied, p))) {
          conflicts.push({ manager: o.entry.manager, apiVersion: o.entry.apiVersion, path: p });
        }
      }
    }
  }
  if (conflicts.length && !force) throw conflictError(conflicts);
  for (const c of conflicts) for (const o of entries) if (o.entry.manager === c.manager) o.set.delete(c.path);

  const mine = entryFor(entries, w, "Apply");
  const result = structuredClone(live ?? {});
  const ownedElsewhere = new Set<string>();
  for (const o of entries) if (o !== mine) for (const p of o.set) ownedElsewhere.add(p);
  for (const p of mine.set) if (!appliedSet.has(p) && !ownedElsewhere.has(p)) removeAt(result, p);
  mine.set = appliedSet;
  const { metadata: am = {}, ...rest } = applied;
  const merged = strategicMerge(result, rest, schema);
  const meta = { ...(result.metadata ?? {}) };
  for (const [k, v] of Object.entries(am)) {
    if (k === "managedFields" || k === "resourceVersion" || k === "uid") continue;
    if (k === "labels" || k === "annotations") meta[k] = { ...(meta[k] ?? {}), ...(v as object) };
    else if (k === "finalizers") meta[k] = [...new Set([...(meta[k] ?? []), ...(v as string[])])];
    else meta[k] = v;
  }
  merged.metadata = meta;
  merged.apiVersion = applied.apiVersion;
  merged.kind = applied.kind;
  // A field another writer changed without applying stays theirs; the rest of
  // what the update wrote is shared, so only record ownership here.
  store(merged, entries);
  return merged;
}

function conflictError(conflicts: { manager: string; apiVersion: string; path: string }[]): ApiError {
  const causes = conflicts.map((c) => ({
    type: "FieldManagerConflict",
    message: `conflict with "${c.manager}" using ${c.apiVersion}`,
    field: formatPath(c.path),
  }));
  const byManager = new Map<string, string[]>();
  for (const c of conflicts) {
    const k = `"${c.manager}" using ${c.apiVersion}`;
    byManager.set(k, [...(byManager.get(k) ?? []), formatPath(c.path)]);
  }
  let message: string;
  if (conflicts.length === 1) {
    const c = conflicts[0];
    message = `Apply failed with 1 conflict: conflict with "${c.manager}" using ${c.apiVersion}: ${formatPath(c.path)}`;
  } else {
    const parts = [...byManager].map(([who, paths]) => `conflicts with ${who}:\n${paths.map((p) => `- ${p}`).join("\n")}`);
    message = `Apply failed with ${conflicts.length} conflicts: ${parts.join("\n")}`;
  }
  return new ApiError(409, "Conflict", message, { causes });
}
