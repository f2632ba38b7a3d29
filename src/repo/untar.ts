// `pull --untar`: unpack a downloaded chart through the chart loader's
// archive checks (no absolute paths, no escaping links, size limits).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { loadArchiveFiles, loadFiles } from "../chart/index.js";
import { RepoError } from "./errors.js";

/** Unpack archive into dir/<chart name>; refuses to overwrite an existing directory. */
export function untarChart(archive: string, dir: string): string {
  const files = loadArchiveFiles(readFileSync(archive));
  const name = loadFiles(files).metadata.name;
  const target = join(dir, name);
  if (existsSync(target)) throw new RepoError(`failed to untar: a file or directory with the name ${target} already exists`);
  for (const f of files) {
    const path = join(target, f.name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, f.data, { mode: 0o644 });
  }
  return target;
}
