// Durable state: an append-only journal of JSON lines, each written and
// fdatasync'd before the request is answered, compacted now and then by
// writing a fresh journal beside it and renaming it into place. A torn last
// line (a crash mid-write) is dropped and cut off on the next start.
import { closeSync, existsSync, fdatasyncSync, fsyncSync, ftruncateSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from "node:fs";
import { join } from "node:path";
import type { Durability, Store } from "./store.js";

const FILE = "objects.log";

type Record_ = { p: string; o: any } | { d: string; n: string; m: string; rv: number };

export class Journal implements Durability {
  private fd: number;
  private records = 0;
  private readonly path: string;

  constructor(private readonly dir: string) {
    mkdirSync(dir, { recursive: true });
    this.path = join(dir, FILE);
    this.fd = -1;
  }

  /** Loads the journal into `store` and opens it for appending. */
  load(store: Store): void {
    let good = 0;
    if (existsSync(this.path)) {
      const buf = readFileSync(this.path);
      let start = 0;
      for (let i = 0; i < buf.length; i++) {
        if (buf[i] !== 0x0a) continue;
        const line = buf.subarray(start, i).toString("utf8");
        start = i + 1;
        let rec: Record_;
        try {
          rec = JSON.parse(line);
        } catch {
          break;
        }
        if ("p" in rec) store.load(rec.p, rec.o);
        else store.unload(rec.d, rec.n, rec.m, rec.rv);
        this.records++;
        good = start;
      }
    }
    this.fd = openSync(this.path, "a+");
    ftruncateSync(this.fd, good);
  }

  private append(rec: Record_): void {
    const line = `${JSON.stringify(rec)}\n`;
    writeSync(this.fd, line);
    fdatasyncSync(this.fd);
    this.records++;
  }

  put(skey: string, obj: any): void {
    this.append({ p: skey, o: obj });
  }

  remove(skey: string, ns: string, name: string, rv: number): void {
    this.append({ d: skey, n: ns, m: name, rv });
  }

  needsCompaction(live: number): boolean {
    return this.records > 2 * live + 1000;
  }

  /** Rewrites the journal as one record per live object, atomically. */
  compact(store: Store): void {
    const tmp = `${this.path}.tmp`;
    const fd = openSync(tmp, "w");
    let n = 0;
    let chunk = "";
    for (const skey of store.storageKeys()) {
      for (const obj of store.list(skey)) {
        chunk += `${JSON.stringify({ p: skey, o: obj })}\n`;
        n++;
        if (chunk.length > 1 << 20) {
          writeSync(fd, chunk);
          chunk = "";
        }
      }
    }
    // The counter must survive even when the newest object was deleted.
    chunk += `${JSON.stringify({ d: "", n: "", m: "", rv: store.rv })}\n`;
    writeSync(fd, chunk);
    fsyncSync(fd);
    closeSync(fd);
    renameSync(tmp, this.path);
    const dirFd = openSync(this.dir, "r");
    fsyncSync(dirFd);
    closeSync(dirFd);
    closeSync(this.fd);
    this.fd = openSync(this.path, "a");
    this.records = n + 1;
  }

  close(): void {
    if (this.fd >= 0) closeSync(this.fd);
    this.fd = -1;
  }
}
