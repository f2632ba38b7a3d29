// RSA primes found ahead on a second core. Key generation is most of the
// time of charts that make certificates (genCA, genSelfSignedCert,
// genSignedCert, genPrivateKey "rsa"), and templates run on one thread.
// While such a chart renders, a child process writes fresh primes of the
// sizes its keys need into a private directory; a key takes ready primes
// when there are some and finds the rest itself, so nothing waits on the
// child, and even a single key is made on two cores. A child process, not a worker thread: a thread busy inside
// OpenSSL holds up the exit of the whole process until its key is done,
// while a child is killed at once.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, unlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { rsaKit } from "./crypto-rsa.js";

/** Primes kept ready at most; the child waits when the directory holds this many. */
const READY = 8;

const CHILD_SOURCE = `
const kit = (${rsaKit.toString()})(require("node:crypto"));
const { readdirSync, renameSync, writeFileSync } = require("node:fs");
const { join } = require("node:path");
const dir = process.env.CHARTROOM_KEY_DIR;
const sizes = process.env.CHARTROOM_PRIME_SIZES.split(",").map(Number);
let n = 0;
function next() {
  let ready;
  try { ready = readdirSync(dir).filter((f) => f.endsWith(".prime")).length; } catch { return process.exit(0); }
  if (ready >= ${READY}) return setTimeout(next, 20);
  const bits = sizes[n % sizes.length];
  const file = join(dir, n + "-" + bits + ".prime");
  try { writeFileSync(file + ".tmp", kit.prime(bits).toString(16)); renameSync(file + ".tmp", file); } catch { return process.exit(0); }
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

/** Starts finding primes for keys of these sizes (round robin) until stopKeyPool(). */
export function startKeyPool(sizes: number[]): void {
  if (pool || sizes.length === 0) return;
  const dir = mkdtempSync(join(tmpdir(), "chartroom-keys-"));
  const child = spawn(process.execPath, ["-e", CHILD_SOURCE], {
    stdio: "ignore",
    env: { ...process.env, CHARTROOM_KEY_DIR: dir, CHARTROOM_PRIME_SIZES: sizes.map((s) => s / 2).join(",") },
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

/** A ready prime of `bits` bits, or undefined (the caller finds one). */
export function takePooledPrime(bits: number): bigint | undefined {
  const p = pool;
  if (!p) return undefined;
  let files: string[];
  try {
    files = readdirSync(p.dir);
  } catch {
    return undefined;
  }
  for (const f of files) {
    if (!f.endsWith(`-${bits}.prime`)) continue;
    const claimed = join(p.dir, `${f}.taken`);
    try {
      renameSync(join(p.dir, f), claimed);
      const hex = readFileSync(claimed, "utf8");
      unlinkSync(claimed);
      if (/^[0-9a-f]+$/.test(hex)) return BigInt(`0x${hex}`);
    } catch {
      // Taken or torn: try the next one, else find one.
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
