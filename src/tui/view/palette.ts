// The `:` command palette, as k9s has it: a verb, maybe an argument. Parsing
// and suggestions are pure; the app carries the commands out.
import type { PaneId } from "./panes.js";

export type PaletteCommand =
  | { type: "pane"; pane: PaneId; arg?: string }
  | { type: "namespace"; name: string }
  | { type: "context"; name: string }
  | { type: "theme"; name: string }
  | { type: "install"; chart?: string }
  | { type: "sandbox" }
  | { type: "help" }
  | { type: "quit" };

interface Verb {
  names: string[];
  usage: string;
  description: string;
  arg: "none" | "optional" | "required";
  build(arg: string | undefined): PaletteCommand;
}

export const VERBS: readonly Verb[] = [
  { names: ["releases", "rel", "helm"], usage: "releases", description: "the Releases pane", arg: "none", build: () => ({ type: "pane", pane: "releases" }) },
  { names: ["repos", "repositories", "repo"], usage: "repos", description: "the Repositories pane", arg: "none", build: () => ({ type: "pane", pane: "repositories" }) },
  { names: ["search", "charts"], usage: "search [QUERY]", description: "search charts", arg: "optional", build: (arg) => ({ type: "pane", pane: "search", arg }) },
  { names: ["values"], usage: "values [PATH]", description: "edit a chart's values", arg: "optional", build: (arg) => ({ type: "pane", pane: "values", arg }) },
  { names: ["ns", "namespace"], usage: "ns NAME|all", description: "namespace for installs and the release list", arg: "required", build: (arg) => ({ type: "namespace", name: arg! }) },
  { names: ["ctx", "context"], usage: "ctx NAME", description: "switch kubeconfig context", arg: "required", build: (arg) => ({ type: "context", name: arg! }) },
  { names: ["theme"], usage: "theme NAME", description: "switch colour theme", arg: "required", build: (arg) => ({ type: "theme", name: arg! }) },
  { names: ["install"], usage: "install [CHART]", description: "open the install wizard", arg: "optional", build: (arg) => ({ type: "install", chart: arg }) },
  { names: ["sandbox"], usage: "sandbox", description: "start a local sandbox cluster and the demo repository", arg: "none", build: () => ({ type: "sandbox" }) },
  { names: ["help", "?"], usage: "help", description: "key bindings", arg: "none", build: () => ({ type: "help" }) },
  { names: ["quit", "q", "q!"], usage: "quit", description: "quit chartroom", arg: "none", build: () => ({ type: "quit" }) },
];

export function parsePalette(input: string): PaletteCommand | { error: string } {
  const text = input.trim();
  if (!text) return { error: "type a command: releases, repos, search, values, ns, ctx, theme, install, sandbox, help, quit" };
  const space = text.search(/\s/);
  const word = (space === -1 ? text : text.slice(0, space)).toLowerCase();
  const arg = space === -1 ? undefined : text.slice(space).trim() || undefined;
  const verb = VERBS.find((v) => v.names.includes(word));
  if (!verb) {
    const close = VERBS.filter((v) => v.names.some((n) => n.startsWith(word))).map((v) => v.names[0]);
    return { error: `unknown command ":${word}"${close.length ? ` (did you mean :${close.join(", :")}?)` : ""}` };
  }
  if (verb.arg === "required" && !arg) return { error: `:${word} needs an argument: :${verb.usage}` };
  if (verb.arg === "none" && arg) return { error: `:${word} takes no argument` };
  return verb.build(arg);
}

/** Verbs that complete what is typed so far, for the line under the prompt. */
export function paletteSuggestions(input: string): { usage: string; description: string }[] {
  const word = input.trimStart().split(/\s/)[0]?.toLowerCase() ?? "";
  return VERBS.filter((v) => v.names.some((n) => n.startsWith(word))).map((v) => ({ usage: v.usage, description: v.description }));
}
