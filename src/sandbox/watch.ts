// Watch streams: chunked JSON events from a resourceVersion (or the current
// state first), bookmarks when asked, 410 Gone for a compacted history, and
// Table rows when kubectl watches with `get -w`.
import type { IncomingMessage, ServerResponse } from "node:http";
import { gone } from "./errors.js";
import { type ResourceType, apiVersionOf, storageKey } from "./kinds.js";
import type { Matcher } from "./selectors.js";
import type { Store, StoreEvent } from "./store.js";
import { type IncludeObject, toTable } from "./tables.js";

export interface WatchRequest {
  rt: ResourceType;
  namespace?: string;
  matchers: Matcher[];
  resourceVersion?: string;
  bookmarks: boolean;
  sendInitialEvents: boolean;
  timeoutSeconds?: number;
  table?: IncludeObject;
}

const BOOKMARK_MS = 5000;

export function serveWatch(store: Store, req: IncomingMessage, res: ServerResponse, w: WatchRequest): void {
  const skey = storageKey(w.rt);
  const version = apiVersionOf(w.rt);
  const matches = (obj: any) =>
    (!w.namespace || obj.metadata.namespace === w.namespace) && w.matchers.every((m) => m(obj));
  res.writeHead(200, { "Content-Type": "application/json", "Transfer-Encoding": "chunked", "Cache-Control": "no-cache, private" });
  res.flushHeaders();
  let headersSent = false;
  const encode = (type: string, obj: any, json?: string): string => {
    if (w.table) {
      const table = toTable(w.rt, [obj], w.table, { resourceVersion: obj.metadata.resourceVersion }, !headersSent);
      headersSent = true;
      return `{"type":"${type}","object":${JSON.stringify(table)}}\n`;
    }
    if (obj.apiVersion !== version) return `{"type":"${type}","object":${JSON.stringify({ ...obj, apiVersion: version })}}\n`;
    return `{"type":"${type}","object":${json ?? JSON.stringify(obj)}}\n`;
  };
  const bookmark = (extra?: Record<string, string>) =>
    `{"type":"BOOKMARK","object":${JSON.stringify({
      kind: w.rt.kind,
      apiVersion: version,
      metadata: { resourceVersion: String(store.rv), ...(extra ? { annotations: extra } : {}) },
    })}}\n`;

  // An update that moves an object into or out of the selection is, to this
  // watcher, the object appearing or disappearing.
  const seenAs = (ev: StoreEvent): string | undefined => {
    const now = matches(ev.object);
    if (ev.type !== "MODIFIED") return now ? ev.type : undefined;
    const before = ev.prev !== undefined && matches(ev.prev);
    if (now) return before ? "MODIFIED" : "ADDED";
    return before ? "DELETED" : undefined;
  };
  let buffer = "";
  const rvParam = w.resourceVersion;
  const fromState = rvParam === undefined || rvParam === "" || rvParam === "0" || w.sendInitialEvents;
  if (fromState) {
    for (const obj of store.list(skey, w.namespace)) if (matches(obj)) buffer += encode("ADDED", obj, store.jsonOf(skey, obj));
    if (w.sendInitialEvents && w.bookmarks) buffer += bookmark({ "k8s.io/initial-events-end": "true" });
  } else {
    const events = store.since(Number(rvParam));
    if (events === undefined) {
      const err = gone(`too old resource version: ${rvParam} (${store.rv})`);
      res.end(`{"type":"ERROR","object":${JSON.stringify(err.toStatus())}}\n`);
      return;
    }
    for (const ev of events) {
      const type = ev.skey === skey ? seenAs(ev) : undefined;
      if (type) buffer += encode(type, ev.object);
    }
  }
  if (buffer) res.write(buffer);

  const onEvent = (ev: StoreEvent) => {
    if (ev.skey !== skey) return;
    const type = seenAs(ev);
    if (type) res.write(encode(type, ev.object, ev.type === "DELETED" ? undefined : store.jsonOf(skey, ev.object)));
  };
  const unsubscribe = store.subscribe(onEvent);
  const timers: NodeJS.Timeout[] = [];
  if (w.bookmarks) timers.push(setInterval(() => res.write(bookmark()), BOOKMARK_MS));
  const finish = () => {
    unsubscribe();
    for (const t of timers) clearTimeout(t);
    if (!res.writableEnded) res.end();
  };
  const timeout = w.timeoutSeconds !== undefined ? w.timeoutSeconds * 1000 : 30 * 60 * 1000;
  timers.push(setTimeout(finish, timeout));
  req.on("close", finish);
  res.on("close", finish);
}
