// Start-up stays lean only if React and Ink load on the TUI path alone: no
// module outside src/tui may import them, and the CLI reaches the TUI only
// through a dynamic import.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { expect, test } from "vitest";

const SRC = resolve(import.meta.dirname, "../../src");

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(e.name) ? [path] : [];
  });
}

const outside = sources(SRC).filter((f) => !relative(SRC, f).startsWith("tui/"));

test("nothing outside src/tui imports React or Ink", () => {
  expect(outside.length).toBeGreaterThan(0);
  const offenders = outside.filter((f) => /from\s+["'](ink|react|react\/[^"']*|ink-[^"']*)["']|import\(\s*["'](ink|react)["']/.test(readFileSync(f, "utf8")));
  expect(offenders.map((f) => relative(SRC, f))).toEqual([]);
});

test("the TUI is reached only through a dynamic import", () => {
  const statics = outside.filter((f) => /(from|import)\s+["'][^"']*\/tui\//.test(readFileSync(f, "utf8")));
  expect(statics.map((f) => relative(SRC, f))).toEqual([]);
  const dynamic = outside.filter((f) => /import\(\s*["'][^"']*\/tui\/index\.js["']\s*\)/.test(readFileSync(f, "utf8")));
  expect(dynamic.length).toBeGreaterThan(0);
  for (const f of dynamic) expect(relative(SRC, f)).toMatch(/^cli\//);
});
