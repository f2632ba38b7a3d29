// The installed package's root directory (where package.json, themes/ and
// demo/ live), found from this module's location, so the same code works from
// src/ (tests), dist/ and the bundled terminal UI (dist/tui-bundle/).
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

function findRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    const pkg = join(dir, "package.json");
    if (existsSync(pkg)) {
      try {
        if ((JSON.parse(readFileSync(pkg, "utf8")) as { name?: string }).name === "chartroom") return dir;
      } catch {
        // Not ours; keep looking up.
      }
    }
    if (dirname(dir) === dir) return start;
  }
}

export const PACKAGE_ROOT = findRoot(dirname(fileURLToPath(import.meta.url)));
