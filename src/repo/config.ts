// repositories.yaml in helm's format (pkg/repo.File). Written 0600 because
// entries may hold passwords.
import { chmodSync, existsSync, readFileSync } from "node:fs";
import { isMap } from "../template/value.js";
import { parseYaml } from "../yaml/parse.js";
import { RepoError } from "./errors.js";
import { goTime, toSortedYaml, writeFileAtomic } from "./yaml-io.js";

/** One repository, with helm's field names. */
export interface RepoEntry {
  name: string;
  url: string;
  username: string;
  password: string;
  certFile: string;
  keyFile: string;
  caFile: string;
  insecure_skip_tls_verify: boolean;
  pass_credentials_all: boolean;
}

export interface RepoFile {
  apiVersion: string;
  generated: string;
  repositories: RepoEntry[];
}

export function newEntry(name: string, url: string, extra: Partial<RepoEntry> = {}): RepoEntry {
  return {
    name,
    url,
    username: "",
    password: "",
    certFile: "",
    keyFile: "",
    caFile: "",
    insecure_skip_tls_verify: false,
    pass_credentials_all: false,
    ...extra,
  };
}

function str(v: unknown): string {
  return typeof v === "string" ? v : v === null || v === undefined ? "" : String(v);
}

/** helm's repo.LoadFile; a missing file is an empty list (helm reports "no repositories" later). */
export function loadRepoFile(path: string): RepoFile {
  if (!existsSync(path)) return { apiVersion: "", generated: "0001-01-01T00:00:00Z", repositories: [] };
  let doc: unknown;
  try {
    doc = parseYaml(readFileSync(path, "utf8"));
  } catch (err) {
    throw new RepoError(`couldn't load repositories file (${path}): ${(err as Error).message}`, { cause: err });
  }
  const m = isMap(doc) ? (doc as Record<string, unknown>) : {};
  const list = Array.isArray(m.repositories) ? m.repositories : [];
  const repositories = list.filter(isMap).map((r) => {
    const e = r as Record<string, unknown>;
    return newEntry(str(e.name), str(e.url), {
      username: str(e.username),
      password: str(e.password),
      certFile: str(e.certFile),
      keyFile: str(e.keyFile),
      caFile: str(e.caFile),
      insecure_skip_tls_verify: e.insecure_skip_tls_verify === true,
      pass_credentials_all: e.pass_credentials_all === true,
    });
  });
  return { apiVersion: str(m.apiVersion), generated: str(m.generated) || "0001-01-01T00:00:00Z", repositories };
}

export function saveRepoFile(path: string, file: RepoFile): void {
  const out = { ...file, generated: file.generated || goTime() };
  writeFileAtomic(path, toSortedYaml(out), 0o600);
  // A file helm created earlier may be wider; credentials must not be.
  chmodSync(path, 0o600);
}

export function findEntry(file: RepoFile, name: string): RepoEntry | undefined {
  return file.repositories.find((r) => r.name === name);
}

export function sameEntry(a: RepoEntry, b: RepoEntry): boolean {
  return (Object.keys(a) as (keyof RepoEntry)[]).every((k) => a[k] === b[k]);
}

/** The entry as `repo list -o json|yaml` shows it: name and URL only, never credentials. */
export function publicEntry(e: RepoEntry): { name: string; url: string } {
  return { name: e.name, url: e.url };
}
