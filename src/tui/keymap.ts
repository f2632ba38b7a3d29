// Key bindings are data: the same list routes key presses, draws the status
// bar hints and the `?` help overlay, so a binding cannot exist without being
// documented. Scopes say when a binding is live; see activeScopes. The
// bindings themselves are in bindings.ts.
import { BINDINGS } from "./bindings.js";
import { type PaneId, paneTitle } from "./view/panes.js";

/** Sub-views of a pane have scopes of their own, so their keys and hints replace the pane's. */
export type ViewScope = "releases.detail" | "releases.history" | "releases.diff" | "search.chart";

export type Scope = "app" | "global" | "help" | "confirm" | "wizard" | "progress" | PaneId | ViewScope;

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
  | { type: "openPalette" }
  | { type: "quit" }
  /** Handled by the pane or view that owns the scope (see usePaneKeys), never by the app. */
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
  /** Changes the cluster or the repository list: hidden and dead under --readonly. */
  mutates?: boolean;
}

/** A key press, normalised from Ink's (input, key) pair. */
export interface KeyPress {
  input: string;
  name?: NamedKey;
  ctrl: boolean;
  shift: boolean;
}

export const KEYMAP: readonly KeyBinding[] = BINDINGS;

/** The bindings a session offers: without the mutating ones under --readonly. */
export function keymapFor(readonly: boolean, keymap: readonly KeyBinding[] = KEYMAP): readonly KeyBinding[] {
  return readonly ? keymap.filter((b) => !b.mutates) : keymap;
}

export interface ScopeView {
  pane: PaneId;
  overlay: "help" | null;
  /** The sub-view the pane shows, when not its main list. */
  view?: ViewScope;
  /** A modal that takes every key: a confirmation, the wizard, the progress of an action. */
  modal?: "confirm" | "wizard" | "progress";
}

/** Live scopes, highest precedence first: an overlay or modal takes the keyboard from the panes. */
export function activeScopes(v: ScopeView): Scope[] {
  if (v.modal === "confirm") return ["confirm"];
  if (v.overlay === "help") return ["help", "app"];
  if (v.modal) return [v.modal];
  return [v.view ?? v.pane, "global", "app"];
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
  const all = [...groups].map(([text, labels]) => ({ keys: joinLabels(labels), text }));
  // Help comes first: in a narrow terminal the hints that do not fit are dropped, and ? must never be one.
  return [...all.filter((h) => h.text === "help"), ...all.filter((h) => h.text !== "help")];
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

const VIEW_TITLES: Record<ViewScope, string> = {
  "releases.detail": "Release detail",
  "releases.history": "Release history",
  "releases.diff": "Revision diff",
  "search.chart": "Chart detail",
};

/** The help overlay: one section per scope that has bindings, for the pane (and view) in focus. */
export function helpSections(pane: PaneId, keymap: readonly KeyBinding[] = KEYMAP, view?: ViewScope): HelpSection[] {
  // Only what is live: a sub-view's bindings replace the pane's.
  const titles: [Scope, string][] = [
    view ? [view, VIEW_TITLES[view]] : [pane, `${paneTitle(pane)} pane`],
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
