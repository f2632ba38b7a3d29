// Key bindings are data: the same list routes key presses, draws the status
// bar hints and the `?` help overlay, so a binding cannot exist without being
// documented. Scopes say when a binding is live; see activeScopes.
import { PANES, type PaneId, paneTitle } from "./view/panes.js";

export type Scope = "app" | "global" | "help" | PaneId;

export type NamedKey =
  | "tab"
  | "escape"
  | "return"
  | "up"
  | "down"
  | "left"
  | "right"
  | "pageUp"
  | "pageDown"
  | "home"
  | "end"
  | "backspace"
  | "delete";

/** One physical key: a printable `input`, or a `name`d key; modifiers must match exactly. */
export interface KeySpec {
  input?: string;
  name?: NamedKey;
  ctrl?: boolean;
  shift?: boolean;
}

/** What a binding asks the app to do; the app reducer handles all but quit. */
export type Command =
  | { type: "focusPane"; pane: PaneId }
  | { type: "nextPane" }
  | { type: "prevPane" }
  | { type: "openHelp" }
  | { type: "closeHelp" }
  | { type: "quit" }
  /** Handled by the focused pane itself (see usePaneKeys), never by the app. */
  | { type: "paneAction"; action: string };

export interface KeyBinding {
  scope: Scope;
  keys: KeySpec[];
  /** How the key is written in the help overlay and the status bar. */
  label: string;
  description: string;
  command: Command;
  /** Status bar text; bindings sharing it merge into one hint ("1-4 panes"). Absent: help overlay only. */
  bar?: string;
}

/** A key press, normalised from Ink's (input, key) pair. */
export interface KeyPress {
  input: string;
  name?: NamedKey;
  ctrl: boolean;
  shift: boolean;
}

export const KEYMAP: readonly KeyBinding[] = [
  { scope: "app", keys: [{ input: "q" }], label: "q", description: "Quit chartroom", command: { type: "quit" }, bar: "quit" },
  { scope: "app", keys: [{ input: "c", ctrl: true }], label: "Ctrl-C", description: "Quit chartroom", command: { type: "quit" } },
  ...PANES.map(
    (p, i): KeyBinding => ({
      scope: "global",
      keys: [{ input: String(i + 1) }],
      label: String(i + 1),
      description: `Show the ${p.title} pane`,
      command: { type: "focusPane", pane: p.id },
      bar: "panes",
    }),
  ),
  { scope: "global", keys: [{ name: "tab", shift: false }], label: "Tab", description: "Next pane", command: { type: "nextPane" }, bar: "cycle" },
  { scope: "global", keys: [{ name: "tab", shift: true }], label: "S-Tab", description: "Previous pane", command: { type: "prevPane" }, bar: "cycle" },
  { scope: "global", keys: [{ input: "?" }], label: "?", description: "Show these key bindings", command: { type: "openHelp" }, bar: "help" },
  ...valuesBindings(),
  { scope: "help", keys: [{ name: "escape" }], label: "Esc", description: "Close help", command: { type: "closeHelp" }, bar: "close" },
  { scope: "help", keys: [{ input: "?" }], label: "?", description: "Close help", command: { type: "closeHelp" }, bar: "close" },
];

function valuesBindings(): KeyBinding[] {
  const act = (action: string) => ({ type: "paneAction", action }) as const;
  const b = (keys: KeySpec[], label: string, description: string, action: string, bar?: string): KeyBinding => ({
    scope: "values",
    keys,
    label,
    description,
    command: act(action),
    bar,
  });
  return [
    b([{ name: "up" }, { input: "k" }], "↑/k", "Scroll up", "up", "scroll"),
    b([{ name: "down" }, { input: "j" }], "↓/j", "Scroll down", "down", "scroll"),
    b([{ name: "pageUp" }], "PgUp", "Scroll a page up", "pageUp"),
    b([{ name: "pageDown" }], "PgDn", "Scroll a page down", "pageDown"),
    b([{ input: "e" }], "e", "Edit the values in place (Esc leaves the editor)", "edit", "edit"),
    b([{ input: "E" }], "E", "Edit the values in $EDITOR", "externalEdit", "$EDITOR"),
    b([{ input: "v" }], "v", "Toggle the effective values and the layer that set each key", "toggleEffective", "effective"),
    b([{ input: ":" }], ":", "Open another chart (:values PATH)", "prompt", "open"),
  ];
}

/** Live scopes, highest precedence first: an overlay takes the keyboard from the panes. */
export function activeScopes(view: { pane: PaneId; overlay: "help" | null }): Scope[] {
  return view.overlay === "help" ? ["help", "app"] : [view.pane, "global", "app"];
}

/** Maps Ink's key object (structurally, so this module stays free of Ink) to a KeyPress. */
export function toKeyPress(input: string, key: Record<string, unknown>): KeyPress {
  const names: [string, NamedKey][] = [
    ["tab", "tab"],
    ["escape", "escape"],
    ["return", "return"],
    ["upArrow", "up"],
    ["downArrow", "down"],
    ["leftArrow", "left"],
    ["rightArrow", "right"],
    ["pageUp", "pageUp"],
    ["pageDown", "pageDown"],
    ["home", "home"],
    ["end", "end"],
    ["backspace", "backspace"],
    ["delete", "delete"],
  ];
  const name = names.find(([field]) => key[field] === true)?.[1];
  return { input, name, ctrl: key.ctrl === true, shift: key.shift === true };
}

export function keyMatches(spec: KeySpec, press: KeyPress): boolean {
  if (Boolean(spec.ctrl) !== press.ctrl) return false;
  if (spec.name) return press.name === spec.name && (spec.shift === undefined || spec.shift === press.shift);
  return press.name === undefined && press.input === spec.input;
}

/** The binding a key press triggers among the given scopes, searched in order. */
export function resolveKey(press: KeyPress, scopes: readonly Scope[], keymap: readonly KeyBinding[] = KEYMAP): KeyBinding | undefined {
  for (const scope of scopes) {
    const hit = keymap.find((b) => b.scope === scope && b.keys.some((k) => keyMatches(k, press)));
    if (hit) return hit;
  }
  return undefined;
}

export interface Hint {
  keys: string;
  text: string;
}

/** Status bar hints for the live scopes, bindings with the same `bar` text merged. */
export function hints(scopes: readonly Scope[], keymap: readonly KeyBinding[] = KEYMAP): Hint[] {
  const groups = new Map<string, string[]>();
  for (const scope of scopes) {
    for (const b of keymap) {
      if (b.scope !== scope || !b.bar) continue;
      const labels = groups.get(b.bar) ?? [];
      if (!labels.includes(b.label)) labels.push(b.label);
      groups.set(b.bar, labels);
    }
  }
  return [...groups].map(([text, labels]) => ({ keys: joinLabels(labels), text }));
}

function joinLabels(labels: string[]): string {
  const digits = labels.every((l) => /^\d$/.test(l));
  const consecutive = digits && labels.every((l, i) => i === 0 || Number(l) === Number(labels[i - 1]) + 1);
  return consecutive && labels.length > 2 ? `${labels[0]}-${labels[labels.length - 1]}` : labels.join("/");
}

export interface HelpSection {
  title: string;
  rows: { keys: string; description: string }[];
}

/** The help overlay: one section per scope that has bindings, for the pane in focus. */
export function helpSections(pane: PaneId, keymap: readonly KeyBinding[] = KEYMAP): HelpSection[] {
  const titles: [Scope, string][] = [
    [pane, `${paneTitle(pane)} pane`],
    ["global", "Panes"],
    ["app", "Anywhere"],
    ["help", "In this help"],
  ];
  return titles
    .map(([scope, title]) => ({
      title,
      rows: keymap.filter((b) => b.scope === scope).map((b) => ({ keys: b.label, description: b.description })),
    }))
    .filter((s) => s.rows.length > 0);
}
