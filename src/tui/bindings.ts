// Every key binding of the terminal UI, by scope. Pane and view bindings send
// a `paneAction` that the owner of the scope handles; the app handles the rest.
import type { KeyBinding, KeySpec, Scope } from "./keymap.js";
import { PANES } from "./view/panes.js";

type Extra = Pick<KeyBinding, "bar" | "mutates">;

function act(scope: Scope, keys: KeySpec[], label: string, description: string, action: string, extra: Extra = {}): KeyBinding {
  return { scope, keys, label, description, command: { type: "paneAction", action }, ...extra };
}

const UP: KeySpec[] = [{ name: "up" }, { input: "k" }];
const DOWN: KeySpec[] = [{ name: "down" }, { input: "j" }];
const ENTER: KeySpec[] = [{ name: "return" }];
const ESC: KeySpec[] = [{ name: "escape" }];

/** Moving through a list or a text: arrows and vi keys, pages, ends. */
function movement(scope: Scope, what: string): KeyBinding[] {
  return [
    act(scope, UP, "↑/k", `Move up ${what}`, "up", { bar: "move" }),
    act(scope, DOWN, "↓/j", `Move down ${what}`, "down", { bar: "move" }),
    act(scope, [{ name: "pageUp" }, { input: "b", ctrl: true }], "PgUp", "A page up", "pageUp"),
    act(scope, [{ name: "pageDown" }, { input: "f", ctrl: true }], "PgDn", "A page down", "pageDown"),
    act(scope, [{ name: "home" }, { input: "g" }], "g/Home", "To the top", "top"),
    act(scope, [{ name: "end" }, { input: "G" }], "G/End", "To the bottom", "bottom"),
  ];
}

/** The actions on a release, offered by the list, the detail and the history alike. */
function releaseActions(scope: Scope): KeyBinding[] {
  return [
    act(scope, [{ input: "u" }], "u", "Upgrade the release (wizard)", "upgrade", { bar: "upgrade", mutates: true }),
    act(scope, [{ input: "r" }], "r", "Roll back (to the previous revision, or the one selected in history)", "rollback", { bar: "rollback", mutates: true }),
    act(scope, [{ input: "x" }, { input: "d", ctrl: true }], "x", "Uninstall the release", "uninstall", { bar: "uninstall", mutates: true }),
    act(scope, [{ input: "t" }], "t", "Run the release's tests", "test", { mutates: true }),
    act(scope, [{ input: "e" }], "e", "Open the release's values in the Values pane", "values"),
  ];
}

function tabs(scope: Scope): KeyBinding[] {
  return [
    act(scope, [{ name: "left" }, { input: "h" }], "←/h", "Previous tab", "prevTab", { bar: "tabs" }),
    act(scope, [{ name: "right" }, { input: "l" }], "→/l", "Next tab", "nextTab", { bar: "tabs" }),
  ];
}

export const BINDINGS: readonly KeyBinding[] = [
  { scope: "app", keys: [{ input: ":" }], label: ":", description: "Command palette: :releases :repos :search :ns :ctx :theme :install", command: { type: "openPalette" }, bar: "cmd" },
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
  { scope: "global", keys: [{ name: "tab", shift: false }], label: "Tab", description: "Next pane", command: { type: "nextPane" } },
  { scope: "global", keys: [{ name: "tab", shift: true }], label: "S-Tab", description: "Previous pane", command: { type: "prevPane" } },
  { scope: "global", keys: [{ input: "?" }], label: "?", description: "Show these key bindings", command: { type: "openHelp" }, bar: "help" },

  // Repositories
  ...movement("repositories", "the repositories"),
  act("repositories", [{ input: "/" }], "/", "Filter the list", "filter", { bar: "filter" }),
  act("repositories", ENTER, "Enter", "Search the charts of the selected repository", "open", { bar: "charts" }),
  act("repositories", [{ input: "a" }], "a", "Add a repository", "add", { bar: "add", mutates: true }),
  act("repositories", [{ input: "u" }], "u", "Update the selected repository's index", "update", { bar: "update" }),
  act("repositories", [{ input: "U" }], "U", "Update every repository, in parallel", "updateAll", { bar: "update all" }),
  act("repositories", [{ input: "x" }, { input: "d", ctrl: true }], "x", "Remove the selected repository", "remove", { bar: "remove", mutates: true }),

  // Search
  act("search", [{ input: "/" }], "/", "Type a search (results follow as you type)", "type", { bar: "search" }),
  ...movement("search", "the results"),
  act("search", ENTER, "Enter", "Open the chart: versions, Chart.yaml, README, values, schema", "open", { bar: "open" }),
  act("search", [{ input: "i" }], "i", "Install the selected chart (wizard)", "install", { bar: "install", mutates: true }),
  ...tabs("search.chart"),
  ...movement("search.chart", "(versions, or the text)"),
  act("search.chart", [{ input: "i" }], "i", "Install the chart at the selected version (wizard)", "install", { bar: "install", mutates: true }),
  act("search.chart", [{ input: "v" }], "v", "Edit the chart's values in the Values pane", "values", { bar: "values" }),
  act("search.chart", ESC, "Esc", "Back to the results", "back", { bar: "back" }),

  // Values
  ...movement("values", "a line"),
  act("values", [{ input: "e" }], "e", "Edit the values in place (Esc leaves the editor)", "edit", { bar: "edit" }),
  act("values", [{ input: "E" }], "E", "Edit the values in $EDITOR", "externalEdit", { bar: "$EDITOR" }),
  act("values", [{ input: "v" }], "v", "Toggle the effective values and the layer that set each key", "toggleEffective", { bar: "effective" }),
  act("values", [{ input: "i" }], "i", "Install the chart with these values, or upgrade the release with them (wizard)", "deploy", { bar: "deploy", mutates: true }),

  // Releases
  ...movement("releases", "the releases"),
  act("releases", [{ input: "/" }], "/", "Filter the list", "filter", { bar: "filter" }),
  act("releases", ENTER, "Enter", "Details: status, resources, notes, manifest, values, hooks, history", "open", { bar: "details" }),
  act("releases", [{ input: "H" }], "H", "History of the selected release", "history"),
  act("releases", [{ input: "i" }], "i", "Install a chart (wizard)", "install", { mutates: true }),
  ...releaseActions("releases"),
  act("releases", [{ input: "R" }], "R", "Reload now (the list also refreshes every few seconds)", "reload"),

  ...tabs("releases.detail"),
  ...movement("releases.detail", "(the text)"),
  ...releaseActions("releases.detail"),
  act("releases.detail", ESC, "Esc", "Back to the list", "back", { bar: "back" }),

  ...tabs("releases.history"),
  ...movement("releases.history", "the revisions"),
  act("releases.history", [{ input: " " }], "Space", "Mark a revision for a diff (mark two, or diff the selected against its predecessor)", "mark", { bar: "mark" }),
  act("releases.history", [{ input: "d" }, { name: "return" }], "d/Enter", "Diff the marked revisions", "diff", { bar: "diff" }),
  ...releaseActions("releases.history"),
  act("releases.history", ESC, "Esc", "Back to the list", "back", { bar: "back" }),

  ...movement("releases.diff", "(the diff)"),
  act("releases.diff", ESC, "Esc", "Back to the history", "back", { bar: "back" }),

  // Modals
  act("confirm", [{ input: "y" }, { input: "Y" }], "y", "Yes, go ahead", "yes", { bar: "yes" }),
  act("confirm", [{ input: "n" }, { input: "N" }, { name: "escape" }], "n/Esc", "No", "no", { bar: "no" }),

  ...movement("progress", "(the resources)"),
  act("progress", ESC, "Esc", "Cancel the running action (asks first); close once it is over", "escape", { bar: "cancel/close" }),
  act("progress", [{ input: "c", ctrl: true }], "Ctrl-C", "Cancel the running action (asks first)", "escape"),

  act("help", UP, "↑/k", "Scroll up", "up", { bar: "scroll" }),
  act("help", DOWN, "↓/j", "Scroll down", "down", { bar: "scroll" }),
  act("help", [{ name: "pageUp" }], "PgUp", "A page up", "pageUp"),
  act("help", [{ name: "pageDown" }], "PgDn", "A page down", "pageDown"),
  { scope: "help", keys: [{ name: "escape" }], label: "Esc", description: "Close help", command: { type: "closeHelp" }, bar: "close" },
  { scope: "help", keys: [{ input: "?" }], label: "?", description: "Close help", command: { type: "closeHelp" }, bar: "close" },
];
