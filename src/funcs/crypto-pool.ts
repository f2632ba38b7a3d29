// RSA keys generated ahead on a second core. Key generation is most of the
// time of charts that make certificates (genCA, genSelfSignedCert,
// genSignedCert, genPrivateKey "rsa": a 4096-bit key alone can take seconds),
// and templates run on one thread. While such a chart renders, a child
// process writes fresh keys into a private directory; the template functions
// take a ready key when there is one and otherwise make their own, so nothing
// waits on it. A child process, not a worker thread: a thread busy inside
// OpenSSL holds up the exit of the whole process until its key is done,
// while a child is killed at once.
import { type ChildProcess, spawn } from "node:child_process";
import { createPrivateKey, type KeyObject } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, unlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { rsaKit } from "./crypto-rsa.js";

/** Keys kept ready at most; the child waits when the directory holds this many. */
const READY = 4;

const CHILD_SOURCE = `
const kit = (${rsaKit.toString()})(require("node:crypto"));
const { readdirSync, renameSync, writeFileSync } = require("node:fs");
const { join } = require("node:path");
const dir = process.env.CHARTROOM_KEY_DIR;
const sizes = process.env.CHARTROOM_KEY_SIZES.split(",").map(Number);
let n = 0;
function next() {
  let ready;
  try { ready = readdirSync(dir).filter((f) => f.endsWith(".der")).length; } catch { return process.exit(0); }
  if (ready >= ${READY}) return setTimeout(next, 20);
  const bits = sizes[n % sizes.length];
  const der = kit.generate(bits).export({ format: "der", type: "pkcs8" });
  const file = join(dir, n + "-" + bits + ".der");
  try { writeFileSync(file + ".tmp", der); renameSync(file + ".tmp", file); } catch { return process.exit(0); }
  n++;
  setImmediate(next);
}
next();
`;

interface Pool {
  child: ChildProcess;
  dir: string;
}

let pool: Pool | undefined;

/** Starts generating keys of these sizes (round robin) until stopKeyPool(). */
export function startKeyPool(sizes: number[]): void {
  if (pool || sizes.length === 0) return;
  const dir = mkdtempSync(join(tmpdir(), "chartroom-keys-"));
  const child = spawn(process.execPath, ["-e", CHILD_SOURCE], {
    stdio: "ignore",
    env: { ...process.env, CHARTROOM_KEY_DIR: dir, CHARTROOM_KEY_SIZES: sizes.join(",") },
  });
  // An error here only means no pooled keys.
  child.on("error", () => {});
  child.unref();
  pool = { child, dir };
}

export function stopKeyPool(): void {
  const p = pool;
  pool = undefined;
  if (!p) return;
  p.child.kill("SIGKILL");
  rmSync(p.dir, { recursive: true, force: true });
}

/** A ready key of `bits`, or undefined (the caller generates one). */
export function takePooledRsa(bits: number): KeyObject | undefined {
  const p = pool;
  if (!p) return undefined;
  let files: string[];
  try {
    files = readdirSync(p.dir);
  } catch {
    return undefined;
  }
  for (const f of files) {
    if (!f.endsWith(`-${bits}.der`)) continue;
    const claimed = join(p.dir, `${f}.taken`);
    try {
      renameSync(join(p.dir, f), claimed);
      const der = readFileSync(claimed);
      unlinkSync(claimed);
      return createPrivateKey({ key: der, format: "der", type: "pkcs8" });
    } catch {
      // Taken or torn: try the next one, else generate.
    }
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
