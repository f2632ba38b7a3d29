// RSA keys generated ahead on a second core. Key generation is most of the
// time of charts that make certificates (genCA, genSelfSignedCert,
// genSignedCert, genPrivateKey "rsa": a 4096-bit key alone can take seconds),
// and templates run on one thread. While a chart that calls these renders, a
// worker thread fills a few slots of shared memory with fresh keys; the
// template functions take a ready key when there is one and otherwise make
// their own, so nothing ever waits on the worker.
import { createPrivateKey, type KeyObject } from "node:crypto";
import { Worker } from "node:worker_threads";

const SLOTS = 4;
/** A 4096-bit PKCS#8 RSA key is ~2.4 KB. */
const SLOT_BYTES = 4096;
/** Per slot: state (0 empty, 1 full), key bits, DER length. Then one counter the worker waits on. */
const FIELDS = 3;
const WAKE = SLOTS * FIELDS;

// An eval'd CommonJS worker: no file to locate beside a bundle.
const WORKER_SOURCE = `
const { workerData } = require("node:worker_threads");
const { generateKeyPairSync } = require("node:crypto");
const { ctl, data, sizes } = workerData;
const c = new Int32Array(ctl);
const d = new Uint8Array(data);
let next = 0;
for (;;) {
  let slot = -1;
  for (let s = 0; s < ${SLOTS}; s++) if (Atomics.load(c, s * ${FIELDS}) === 0) { slot = s; break; }
  if (slot < 0) { Atomics.wait(c, ${WAKE}, Atomics.load(c, ${WAKE}), 1000); continue; }
  const bits = sizes[next++ % sizes.length];
  const der = generateKeyPairSync("rsa", { modulusLength: bits }).privateKey.export({ format: "der", type: "pkcs8" });
  d.set(der, slot * ${SLOT_BYTES});
  Atomics.store(c, slot * ${FIELDS} + 1, bits);
  Atomics.store(c, slot * ${FIELDS} + 2, der.length);
  Atomics.store(c, slot * ${FIELDS}, 1);
}
`;

interface Pool {
  worker: Worker;
  ctl: Int32Array;
  data: Uint8Array;
}

let pool: Pool | undefined;

/** Starts generating keys of these sizes (round robin) until stopKeyPool(). */
export function startKeyPool(sizes: number[]): void {
  if (pool || sizes.length === 0) return;
  const ctl = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT * (WAKE + 1));
  const data = new SharedArrayBuffer(SLOTS * SLOT_BYTES);
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { ctl, data, sizes } });
  // The process never waits on it, and an error in it only means no pooled keys.
  worker.unref();
  worker.on("error", () => {});
  pool = { worker, ctl: new Int32Array(ctl), data: new Uint8Array(data) };
}

export function stopKeyPool(): void {
  const p = pool;
  pool = undefined;
  if (p) void p.worker.terminate();
}

/** A ready key of `bits`, or undefined (the caller generates one). */
export function takePooledRsa(bits: number): KeyObject | undefined {
  const p = pool;
  if (!p) return undefined;
  for (let s = 0; s < SLOTS; s++) {
    const base = s * FIELDS;
    if (Atomics.load(p.ctl, base) !== 1 || Atomics.load(p.ctl, base + 1) !== bits) continue;
    const len = Atomics.load(p.ctl, base + 2);
    const der = Buffer.from(p.data.subarray(s * SLOT_BYTES, s * SLOT_BYTES + len));
    Atomics.store(p.ctl, base, 0);
    Atomics.add(p.ctl, WAKE, 1);
    Atomics.notify(p.ctl, WAKE);
    return createPrivateKey({ key: der, format: "der", type: "pkcs8" });
  }
  return undefined;
}

const SMALL = /\bgen(?:CA|SelfSignedCert|SignedCert)\b/;
const BIG = /\bgenPrivateKey\s+(?:"rsa"|`rsa`)/;

/** The key sizes worth generating ahead for templates with this text; none when they make no RSA keys. */
export function keySizesFor(sources: Iterable<string>): number[] {
  let big = false;
  let small = false;
  for (const text of sources) {
    big ||= BIG.test(text);
    small ||= SMALL.test(text);
  }
  return big && small ? [2048, 4096] : big ? [4096] : small ? [2048] : [];
}
