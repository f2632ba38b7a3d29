import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { availableThemes, loadThemeFile, noColor, parseTheme, resolveTheme, ThemeError, tokenNames } from "../../src/tui/theme.js";

const palette = { fg: "#ffffff", dim: "#888", hi: "cyan", ok: "greenBright", bad: "red" };
const tokens = () => ({
  text: "fg",
  muted: "dim",
  accent: "hi",
  border: "dim",
  header: "hi",
  paneActive: "hi",
  paneInactive: "dim",
  selection: "dim",
  selectionText: "fg",
  key: "hi",
  status: { ok: "ok", warn: "hi", error: "bad", info: "fg" },
});

function errorOf(fn: () => unknown): ThemeError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ThemeError);
    return err as ThemeError;
  }
  throw new Error("expected a ThemeError");
}

describe("shipped themes", () => {
  test("dark, light and high-contrast exist and validate, defining every token", () => {
    expect(availableThemes()).toEqual(expect.arrayContaining(["dark", "light", "high-contrast"]));
    for (const name of availableThemes()) {
      const theme = resolveTheme({ flag: name, env: {} });
      expect(theme.name).toBe(name);
      expect(theme.color).toBe(true);
      for (const token of tokenNames()) expect(theme.tokens[token], `${name}: ${token}`).toMatch(/^(#[0-9a-f]{3,6}|[a-zA-Z]+)$/);
    }
  });
});

describe("parseTheme", () => {
  test("resolves tokens through the palette, nested groups flattened", () => {
    const theme = parseTheme({ palette, tokens: tokens() }, "themes/t.json", "t");
    expect(theme.tokens["status.error"]).toBe("red");
    expect(theme.tokens.text).toBe("#ffffff");
    expect(theme.name).toBe("t");
  });

  test.each([
    [{ palette, tokens: { ...tokens(), status: { ...tokens().status, ok: "gren" } } }, 'themes/t.json: tokens.status.ok refers to unknown palette colour "gren"'],
    [{ palette, tokens: { ...tokens(), muted: undefined } }, "themes/t.json: tokens.muted is missing"],
    [{ palette, tokens: { ...tokens(), header: 3 } }, "themes/t.json: tokens.header must be a palette colour name"],
    [{ palette, tokens: { ...tokens(), status: "ok" } }, "themes/t.json: tokens.status must be an object"],
    [{ palette, tokens: { ...tokens(), backgroud: "fg" } }, 'themes/t.json: unknown token "backgroud"'],
    [{ palette: { ...palette, fg: "#12345" }, tokens: tokens() }, 'themes/t.json: palette.fg is "#12345": expected #rgb, #rrggbb'],
    [{ palette: { ...palette, fg: "purple" }, tokens: tokens() }, 'themes/t.json: palette.fg is "purple"'],
    [{ pallete: palette, tokens: tokens() }, 'themes/t.json: unknown key "pallete"'],
    [{ tokens: tokens() }, "themes/t.json: palette must be an object"],
    [[], "themes/t.json: a theme must be a JSON object"],
  ])("rejects %j", (data, message) => {
    expect(errorOf(() => parseTheme(data, "themes/t.json", "t")).message).toContain(message);
  });

  test("errors are user-facing, so the CLI prints them without a stack", () => {
    expect(errorOf(() => parseTheme({}, "x.json", "x")).userFacing).toBe(true);
  });
});

describe("theme files and choice", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "chartroom-themes-"));
    writeFileSync(join(dir, "calm.json"), JSON.stringify({ name: "calm", palette, tokens: tokens() }));
    writeFileSync(join(dir, "loud.json"), JSON.stringify({ name: "loud", palette: { ...palette, fg: "#000" }, tokens: tokens() }));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test("invalid JSON names the file", () => {
    writeFileSync(join(dir, "broken.json"), "{ nope");
    expect(errorOf(() => loadThemeFile(join(dir, "broken.json"))).message).toMatch(/broken\.json: invalid JSON: /);
  });

  test("--theme wins over CHARTROOM_THEME, which wins over the default", () => {
    expect(resolveTheme({ flag: "loud", env: { CHARTROOM_THEME: "calm" }, dir }).name).toBe("loud");
    expect(resolveTheme({ env: { CHARTROOM_THEME: "loud" }, dir }).name).toBe("loud");
    expect(errorOf(() => resolveTheme({ env: {}, dir })).message).toBe('unknown theme "dark" (from default theme)');
  });

  test("an unknown name lists the available themes", () => {
    const err = errorOf(() => resolveTheme({ flag: "neon", env: {}, dir }));
    expect(err.message).toBe('unknown theme "neon" (from --theme)');
    expect(err.hint).toBe("Available themes: calm, loud, or give the path of a theme .json file.");
    expect(errorOf(() => resolveTheme({ env: { CHARTROOM_THEME: "neon" }, dir })).message).toContain("from CHARTROOM_THEME");
    expect(errorOf(() => resolveTheme({ flag: "./neon.json", env: {}, dir })).message).toBe("./neon.json: theme file not found");
  });

  test("a path loads the user's own theme file, errors naming it as given", () => {
    expect(resolveTheme({ flag: join(dir, "loud.json"), env: {}, dir: join(dir, "none") }).tokens.text).toBe("#000");
    writeFileSync(join(dir, "mine.json"), JSON.stringify({ palette, tokens: { ...tokens(), accent: "teal" } }));
    const err = errorOf(() => resolveTheme({ env: { CHARTROOM_THEME: join(dir, "mine.json") } }));
    expect(err.message).toBe(`${join(dir, "mine.json")}: tokens.accent refers to unknown palette colour "teal"`);
  });

  test("NO_COLOR with any non-empty value blanks every token", () => {
    expect(noColor({ NO_COLOR: "" })).toBe(false);
    expect(noColor({ NO_COLOR: "0" })).toBe(true);
    const theme = resolveTheme({ flag: "calm", env: { NO_COLOR: "1" }, dir });
    expect(theme.color).toBe(false);
    expect(Object.values(theme.tokens).every((v) => v === undefined)).toBe(true);
    expect(Object.keys(theme.tokens).sort()).toEqual(tokenNames().sort());
  });
});
