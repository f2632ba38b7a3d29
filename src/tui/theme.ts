// Themes are data in themes/*.json, in two tiers: a palette of named colours,
// then semantic tokens that refer to palette names. Components only ever ask
// for tokens, so a theme can change every colour without touching code.
import { readdirSync, readFileSync } from "node:fs";
import { basename, join, relative, resolve, sep } from "node:path";
import { PACKAGE_ROOT } from "../package-root.js";

/** The semantic tokens every theme must define; nested groups flatten to `status.ok`. */
export const TOKEN_SCHEMA = {
  text: "plain text",
  muted: "secondary text and descriptions",
  accent: "emphasised values such as the kube context",
  border: "borders of unfocused panes",
  header: "the application title in the header",
  paneActive: "the focused pane's tab and border",
  paneInactive: "tabs of unfocused panes",
  selection: "background of the selected row",
  selectionText: "text of the selected row",
  key: "key names in the status bar and help",
  status: {
    ok: "healthy, deployed, ready",
    warn: "pending, degraded, requested",
    error: "failed, unreachable",
    info: "neutral notices",
  },
} as const;

type Flatten<T, P extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Flatten<T[K], `${P}${K}.`>;
}[keyof T & string];

export type TokenName = Flatten<typeof TOKEN_SCHEMA>;

export interface Theme {
  name: string;
  /** False under NO_COLOR: every token resolves to undefined and components fall back to bold/inverse. */
  color: boolean;
  tokens: Readonly<Record<TokenName, string | undefined>>;
}

export class ThemeError extends Error {
  override name = "ThemeError";
  readonly userFacing = true;
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}

export const DEFAULT_THEME = "dark";
export const THEMES_DIR = join(PACKAGE_ROOT, "themes");

const ANSI_NAMES = new Set(
  ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"].flatMap((c) => [c, `${c}Bright`]).concat(["gray", "grey"]),
);
const HEX = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;
const TOP_LEVEL = new Set(["name", "description", "palette", "tokens"]);

export function tokenNames(): TokenName[] {
  const names: string[] = [];
  const walk = (node: object, prefix: string) => {
    for (const [k, v] of Object.entries(node)) {
      if (typeof v === "string") names.push(prefix + k);
      else walk(v, `${prefix}${k}.`);
    }
  };
  walk(TOKEN_SCHEMA, "");
  return names as TokenName[];
}

export function availableThemes(dir = THEMES_DIR): string[] {
  let files: string[];
  try {
    files = readdirSync(dir);
  } catch {
    return [];
  }
  return files
    .filter((f) => f.endsWith(".json"))
    .map((f) => f.slice(0, -".json".length))
    .sort();
}

export interface ThemeChoice {
  /** The --theme flag; wins over CHARTROOM_THEME. */
  flag?: string;
  env?: NodeJS.ProcessEnv;
  dir?: string;
}

/** Picks the theme named by --theme, CHARTROOM_THEME or the default, loads and validates it. */
export function resolveTheme({ flag, env = process.env, dir = THEMES_DIR }: ThemeChoice = {}): Theme {
  const name = flag || env.CHARTROOM_THEME || DEFAULT_THEME;
  if (name.endsWith(".json") || name.includes("/") || name.includes(sep)) {
    // A user's own theme file, validated like the shipped ones.
    return withNoColor(loadThemeFile(resolve(name), name), env);
  }
  const names = availableThemes(dir);
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name) || !names.includes(name)) {
    const source = flag ? "--theme" : env.CHARTROOM_THEME ? "CHARTROOM_THEME" : "default theme";
    throw new ThemeError(
      `unknown theme "${name}" (from ${source})`,
      `${names.length ? `Available themes: ${names.join(", ")}` : `No themes found in ${dir}`}, or give the path of a theme .json file.`,
    );
  }
  return withNoColor(loadThemeFile(join(dir, `${name}.json`)), env);
}

function withNoColor(theme: Theme, env: NodeJS.ProcessEnv): Theme {
  return noColor(env) ? { ...theme, color: false, tokens: blankTokens() } : theme;
}

/** NO_COLOR (https://no-color.org): any non-empty value turns colour off. */
export function noColor(env: NodeJS.ProcessEnv = process.env): boolean {
  return typeof env.NO_COLOR === "string" && env.NO_COLOR !== "";
}

/** `label` names the file in errors; by default a shipped theme shows as themes/NAME.json. */
export function loadThemeFile(path: string, label = displayPath(path)): Theme {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") throw new ThemeError(`${label}: theme file not found`);
    throw new ThemeError(`${label}: cannot read theme: ${(err as Error).message}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new ThemeError(`${label}: invalid JSON: ${(err as Error).message}`);
  }
  return parseTheme(data, label, basename(path, ".json"));
}

/** Validates theme data; every error names the file and the offending key. */
export function parseTheme(data: unknown, label: string, fallbackName: string): Theme {
  const fail = (msg: string): never => {
    throw new ThemeError(`${label}: ${msg}`);
  };
  if (!isObject(data)) return fail("a theme must be a JSON object with \"palette\" and \"tokens\"");
  for (const key of Object.keys(data)) {
    if (!TOP_LEVEL.has(key)) fail(`unknown key "${key}" (expected ${[...TOP_LEVEL].join(", ")})`);
  }
  if (data.name !== undefined && typeof data.name !== "string") fail("name must be a string");
  const palette = data.palette;
  if (!isObject(palette)) return fail("palette must be an object of colour names to colours");
  for (const [name, value] of Object.entries(palette)) {
    if (typeof value !== "string" || !(HEX.test(value) || ANSI_NAMES.has(value))) {
      fail(`palette.${name} is ${JSON.stringify(value)}: expected #rgb, #rrggbb or an ANSI colour name such as "red" or "blueBright"`);
    }
  }
  if (!isObject(data.tokens)) return fail("tokens must be an object of token names to palette colour names");
  const tokens = {} as Record<TokenName, string>;
  const walk = (schema: object, node: Record<string, unknown>, prefix: string) => {
    for (const key of Object.keys(node)) {
      if (!(key in schema)) fail(`unknown token "${prefix}${key}"`);
    }
    for (const [key, sub] of Object.entries(schema)) {
      const path = prefix + key;
      const value = node[key];
      if (value === undefined) fail(`tokens.${path} is missing`);
      if (typeof sub === "string") {
        if (typeof value !== "string") fail(`tokens.${path} must be a palette colour name`);
        const ref = value as string;
        if (!Object.hasOwn(palette, ref)) fail(`tokens.${path} refers to unknown palette colour "${ref}"`);
        tokens[path as TokenName] = palette[ref] as string;
      } else {
        if (!isObject(value)) fail(`tokens.${path} must be an object`);
        walk(sub, value as Record<string, unknown>, `${path}.`);
      }
    }
  };
  walk(TOKEN_SCHEMA, data.tokens, "");
  return { name: (data.name as string | undefined) ?? fallbackName, color: true, tokens };
}

function blankTokens(): Record<TokenName, undefined> {
  return Object.fromEntries(tokenNames().map((t) => [t, undefined])) as Record<TokenName, undefined>;
}

function displayPath(path: string): string {
  const rel = relative(join(THEMES_DIR, ".."), path);
  return rel.startsWith("..") ? path : rel;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
