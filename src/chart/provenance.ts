// Chart provenance, as helm's pkg/provenance: NAME-VERSION.tgz.prov is a PGP
// clear-signed message (SHA-512) whose text is the chart's Chart.yaml as
// helm marshals it, the YAML end marker "...", then the archive's SHA-256:
//
//   apiVersion: v2
//   name: web
//   version: 1.0.0
//
//   ...
//   files:
//     web-1.0.0.tgz: sha256:HEX
//
// Keys come from GnuPG binary keyrings (`gpg --export` / `gpg
// --export-secret-keys`), ~/.gnupg/pubring.gpg by default, as helm's.
import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import { homedir } from "node:os";
import { basename, extname, join } from "node:path";
import * as openpgp from "openpgp";
import { loadChart } from "./load.js";
import { goPathError } from "./path-error.js";
import { marshalChartfile } from "./package.js";
import { parseYaml } from "../yaml/parse.js";

export class ProvenanceError extends Error {
  override name = "ProvenanceError";
  readonly userFacing = true;
}

export interface Verification {
  /** The signer's user IDs ("Name (comment) <email>"). */
  identities: string[];
  /** The signing key's primary key fingerprint, upper-case hex. */
  fingerprint: string;
  /** "sha256:HEX" of the archive. */
  fileHash: string;
  fileName: string;
}

/** helm's default keyring: $GNUPGHOME/pubring.gpg, else ~/.gnupg/pubring.gpg. */
export function defaultKeyring(env: NodeJS.ProcessEnv = process.env): string {
  return env.GNUPGHOME !== undefined ? join(env.GNUPGHOME, "pubring.gpg") : join(env.HOME || homedir(), ".gnupg", "pubring.gpg");
}

function sha256(data: Buffer): string {
  return createHash("sha256").update(data).digest("hex");
}


async function readKeyring(path: string): Promise<openpgp.Key[]> {
  let data: Buffer;
  try {
    data = readFileSync(path);
  } catch (err) {
    throw new ProvenanceError(goPathError("open", path, err), { cause: err });
  }
  if (data.length === 0) return [];
  try {
    // An exported keyring is binary; an armored one is accepted as well.
    const armored = data.subarray(0, 5).toString("latin1") === "-----";
    return armored ? await openpgp.readKeys({ armoredKeys: data.toString("utf8") }) : await openpgp.readKeys({ binaryKeys: new Uint8Array(data) });
  } catch (err) {
    throw new ProvenanceError(`openpgp: invalid data: ${(err as Error).message} (keyring ${path})`, { cause: err });
  }
}

function identities(key: openpgp.Key): string[] {
  const ids = key.users.map((u) => u.userID?.userID).filter((id): id is string => typeof id === "string");
  return [...new Set(ids)];
}

// What helm's OpenPGP library (golang.org/x/crypto/openpgp) reads: version 4
// keys and signatures made with RSA, DSA or ECDSA. It skips other keys in a
// keyring and refuses other signatures, so a chart signed with, say, an
// Ed25519 key would not verify with helm.
const HELM_ALGORITHMS = new Set<number>([
  openpgp.enums.publicKey.rsaEncryptSign,
  openpgp.enums.publicKey.rsaSign,
  openpgp.enums.publicKey.dsa,
  openpgp.enums.publicKey.ecdsa,
]);

function helmCanUse(key: openpgp.Key): boolean {
  return key.keyPacket.version === 4 && HELM_ALGORITHMS.has(key.keyPacket.algorithm);
}

/** helm's NewFromKeyring: an exact user ID, else the one key whose user ID contains `id`. */
function findKey(ring: openpgp.Key[], id: string): openpgp.Key | undefined {
  let candidate: openpgp.Key | undefined;
  let vague = false;
  for (const key of ring) {
    for (const name of identities(key)) {
      if (name === id) return key;
      if (name.includes(id)) {
        if (candidate) vague = true;
        candidate = key;
      }
    }
  }
  if (vague) throw new ProvenanceError(`more than one key contain the id "${id}"`);
  return candidate;
}

/** The text helm signs for an archive: its Chart.yaml, "...", and its SHA-256. */
export function messageBlock(archivePath: string): string {
  const data = readFileSync(archivePath);
  const chart = loadChart(archivePath);
  return `${marshalChartfile(chart.metadata)}\n...\nfiles:\n  ${basename(archivePath)}: sha256:${sha256(data)}\n`;
}

export interface SignOptions {
  keyring: string;
  /** The key's user ID, or part of it. */
  key: string;
  /** Asked for only when the key is encrypted. */
  passphrase?: (identity: string) => Promise<string>;
}

/** helm's Signatory.ClearSign: the .prov text for an archive. */
export async function signArchive(archivePath: string, o: SignOptions): Promise<string> {
  const ring = await readKeyring(o.keyring);
  const entity = findKey(ring.filter(helmCanUse), o.key);
  if (!entity) {
    const other = findKey(ring.filter((k) => !helmCanUse(k)), o.key);
    if (other) {
      const algo = `${other.getAlgorithmInfo().algorithm} key (OpenPGP version ${other.keyPacket.version})`;
      throw new ProvenanceError(`the key "${identities(other)[0] ?? o.key}" is an ${algo}, which helm cannot read: sign with an RSA, DSA or ECDSA key`);
    }
    throw new ProvenanceError("private key not found");
  }
  if (!entity.isPrivate()) throw new ProvenanceError("provided key is not a private key. Try providing a keyring with secret keys");
  let signingKey = entity as openpgp.PrivateKey;
  if (!signingKey.isDecrypted()) {
    if (!o.passphrase) throw new ProvenanceError("the key is protected by a passphrase: give it with --passphrase-file");
    const passphrase = await o.passphrase(identities(entity)[0] || "Unknown");
    try {
      signingKey = await openpgp.decryptKey({ privateKey: signingKey, passphrase });
    } catch (err) {
      const msg = (err as Error).message;
      // A wrong passphrase in helm's words; anything else as openpgp says it.
      if (/incorrect key passphrase/i.test(msg)) throw new ProvenanceError("openpgp: invalid data: private key checksum failure", { cause: err });
      throw new ProvenanceError(`cannot unlock the key "${identities(entity)[0] ?? o.key}": ${msg}`, { cause: err });
    }
  }
  // The text's last line break belongs to the armour, as in Go's clearsign.
  const text = messageBlock(archivePath).replace(/\n$/, "");
  const message = await openpgp.createCleartextMessage({ text });
  let signed: string;
  try {
    // helm signs with the primary key, whatever signing subkeys there are,
    // and adds no salt notation.
    signed = await openpgp.sign({
      message,
      signingKeys: signingKey,
      signingKeyIDs: signingKey.getKeyID(),
      config: { preferredHashAlgorithm: openpgp.enums.hash.sha512, nonDeterministicSignaturesViaNotation: false },
    });
  } catch (err) {
    throw new ProvenanceError(`cannot sign with the primary key of "${identities(entity)[0] ?? o.key}": ${(err as Error).message}`, { cause: err });
  }
  // As Go writes it: Unix line breaks (the signature covers the text with
  // canonical line breaks either way) and none after the armour.
  return goArmor(signed.replace(/\r\n/g, "\n").replace(/\n+$/, ""));
}

/** The signature block's base64 in lines of 64, as Go's armour writes it (openpgp writes 60). */
function goArmor(signed: string): string {
  const begin = signed.indexOf("-----BEGIN PGP SIGNATURE-----");
  if (begin < 0) return signed;
  const lines = signed.slice(begin).split("\n");
  const blank = lines.indexOf("", 1);
  const end = lines.findIndex((l, i) => i > blank && (l.startsWith("=") || l.startsWith("-----END ")));
  if (blank < 0 || end < 0) return signed;
  const wrapped = lines.slice(blank + 1, end).join("").match(/.{1,64}/g) ?? [];
  return signed.slice(0, begin) + [...lines.slice(0, blank + 1), ...wrapped, ...lines.slice(end)].join("\n");
}

/** The signature block of a clear-signed text (already known to hold one). */
async function readSignature(prov: string): Promise<openpgp.Signature> {
  const armored = prov.slice(prov.indexOf("-----BEGIN PGP SIGNATURE-----"));
  try {
    return await openpgp.readSignature({ armoredSignature: armored });
  } catch (err) {
    throw new ProvenanceError(`openpgp: invalid data: ${(err as Error).message}`, { cause: err });
  }
}

/** Checks a .prov text against an archive's bytes with the keys of a keyring. */
export async function verifyProvenance(archive: Buffer, prov: string, fileName: string, keyringPath: string): Promise<Verification> {
  let message: openpgp.CleartextMessage;
  try {
    message = await openpgp.readCleartextMessage({ cleartextMessage: prov });
  } catch (err) {
    throw new ProvenanceError("failed to decode signature: signature block not found", { cause: err });
  }
  let ring: openpgp.Key[];
  try {
    ring = await readKeyring(keyringPath);
  } catch (err) {
    throw new ProvenanceError(`failed to load keyring: ${(err as Error).message}`, { cause: err });
  }
  const [sig] = (await readSignature(prov)).packets;
  if (sig?.publicKeyAlgorithm != null && !HELM_ALGORITHMS.has(sig.publicKeyAlgorithm)) throw new ProvenanceError(`openpgp: unsupported feature: public key algorithm ${sig.publicKeyAlgorithm}`);
  const signerIds = message.getSigningKeyIDs();
  let signer: openpgp.Key | undefined;
  for (const key of ring) {
    if (signerIds.some((id) => key.getKeys(id).length > 0)) {
      signer = key;
      break;
    }
  }
  if (!signer) throw new ProvenanceError("openpgp: signature made by unknown entity");
  // Keys are judged as they were when they signed: a chart signed before its
  // key expired still verifies, as it does with helm.
  const date = sig?.created ?? undefined;
  const result = await openpgp.verify({ message, verificationKeys: signer, date, config: { minRSABits: 1024 } });
  for (const s of result.signatures) {
    try {
      await s.verified;
    } catch (err) {
      throw new ProvenanceError(`openpgp: invalid signature: ${(err as Error).message.replace(/^Signed digest did not match$/, "hash tag doesn't match")}`, { cause: err });
    }
  }
  const text = message.getText();
  const parts = text.split("\n...\n");
  if (parts.length < 2) throw new ProvenanceError("message block must have at least two parts");
  let files: Record<string, unknown> = {};
  try {
    const sums = parseYaml(parts[1] as string) as { files?: Record<string, unknown> } | null;
    files = sums?.files ?? {};
  } catch (err) {
    throw new ProvenanceError((err as Error).message, { cause: err });
  }
  const sum = `sha256:${sha256(archive)}`;
  if (!Object.hasOwn(files, fileName)) throw new ProvenanceError(`provenance does not contain a SHA for a file named "${fileName}"`);
  if (files[fileName] !== sum) throw new ProvenanceError(`sha256 sum does not match for ${fileName}: "${String(files[fileName])}" != "${sum}"`);
  return { identities: identities(signer), fingerprint: signer.getFingerprint().toUpperCase(), fileHash: sum, fileName };
}

/** helm's downloader.VerifyChart: an archive on disk and the .prov beside it. */
export async function verifyChart(path: string, keyring: string): Promise<Verification> {
  let isDir: boolean;
  try {
    isDir = statSync(path).isDirectory();
  } catch (err) {
    throw new ProvenanceError(goPathError("stat", path, err), { cause: err });
  }
  if (isDir) throw new ProvenanceError("unpacked charts cannot be verified");
  if (extname(path).toLowerCase() !== ".tgz") throw new ProvenanceError("chart must be a tgz file");
  const provPath = `${path}.prov`;
  let prov: string;
  try {
    prov = readFileSync(provPath, "utf8");
  } catch (err) {
    throw new ProvenanceError(`could not load provenance file ${provPath}: ${goPathError("stat", provPath, err)}`, { cause: err });
  }
  return verifyProvenance(readFileSync(path), prov, basename(path), keyring);
}

/** What helm prints for a verified chart. */
export function verificationText(v: Verification): string {
  return `${v.identities.map((id) => `Signed by: ${id}\n`).join("")}Using Key With Fingerprint: ${v.fingerprint}\nChart Hash Verified: ${v.fileHash}\n`;
}
