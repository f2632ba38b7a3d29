// Registry credentials in a docker-style config.json (HELM_REGISTRY_CONFIG),
// the file helm's registry client reads and writes. Written 0600.
import { chmodSync, existsSync, readFileSync } from "node:fs";
import { RepoError } from "./errors.js";
import { writeFileAtomic } from "./yaml-io.js";

interface DockerConfig {
  auths?: Record<string, { auth?: string; username?: string; password?: string; identitytoken?: string }>;
  [k: string]: unknown;
}

function load(path: string): DockerConfig {
  if (!existsSync(path)) return {};
  try {
    return JSON.parse(readFileSync(path, "utf8")) as DockerConfig;
  } catch (err) {
    throw new RepoError(`unable to parse registry config ${path}: ${(err as Error).message}`);
  }
}

function save(path: string, cfg: DockerConfig): void {
  writeFileAtomic(path, `${JSON.stringify(cfg, null, "\t")}\n`, 0o600);
  chmodSync(path, 0o600);
}

export function storeCredentials(path: string, host: string, username: string, password: string): void {
  const cfg = load(path);
  cfg.auths ??= {};
  cfg.auths[host] = { auth: Buffer.from(`${username}:${password}`).toString("base64") };
  save(path, cfg);
}

/** Returns false when there were no credentials for host. */
export function removeCredentials(path: string, host: string): boolean {
  const cfg = load(path);
  if (!cfg.auths?.[host]) return false;
  delete cfg.auths[host];
  save(path, cfg);
  return true;
}

export function credentialsFor(path: string, host: string): { username: string; password: string } | undefined {
  const a = load(path).auths?.[host];
  if (!a) return undefined;
  if (a.username !== undefined || a.password !== undefined) return { username: a.username ?? "", password: a.password ?? "" };
  if (!a.auth) return undefined;
  const plain = Buffer.from(a.auth, "base64").toString("utf8");
  const i = plain.indexOf(":");
  return i < 0 ? undefined : { username: plain.slice(0, i), password: plain.slice(i + 1) };
}
