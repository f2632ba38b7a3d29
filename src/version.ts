// Build metadata. The version is read from package.json at run time so there is
// one source of truth; helm's version layout is followed for `version -o json`.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PACKAGE_ROOT } from "./package-root.js";

export interface BuildInfo {
  version: string;
  gitCommit: string;
  goVersion: string;
}

let info: BuildInfo | undefined;

export function buildInfo(): BuildInfo {
  if (info) return info;
  const pkg = JSON.parse(readFileSync(join(PACKAGE_ROOT, "package.json"), "utf8")) as { version: string };
  const built: BuildInfo = { version: `v${pkg.version}`, gitCommit: "", goVersion: `node${process.versions.node}` };
  info = built;
  return built;
}
