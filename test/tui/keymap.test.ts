import { describe, expect, test } from "vitest";
import {
  activeScopes,
  helpSections,
  hints,
  KEYMAP,
  type KeyBinding,
  keymapFor,
  type KeyPress,
  keyMatches,
  resolveKey,
  toKeyPress,
} from "../../src/tui/keymap.js";
import { initialState, reduce } from "../../src/tui/state.js";
import { cyclePane, PANE_IDS } from "../../src/tui/view/panes.js";

const key = (input: string, extra: Partial<KeyPress> = {}): KeyPress => ({ input, ctrl: false, shift: false, ...extra });

describe("key matching", () => {
  test("Ink's key object maps to a named key", () => {
    expect(toKeyPress("", { tab: true, shift: true })).toEqual({ input: "", name: "tab", ctrl: false, shift: true });
    expect(toKeyPress("c", { ctrl: true })).toEqual({ input: "c", name: undefined, ctrl: true, shift: false });
    expect(toKeyPress("", { upArrow: true }).name).toBe("up");
  });

  test("modifiers must match exactly", () => {
    expect(keyMatches({ input: "c", ctrl: true }, key("c", { ctrl: true }))).toBe(true);
    expect(keyMatches({ input: "c", ctrl: true }, key("c"))).toBe(false);
    expect(keyMatches({ input: "q" }, key("q", { ctrl: true }))).toBe(false);
    expect(keyMatches({ name: "tab", shift: false }, key("", { name: "tab", shift: true }))).toBe(false);
    expect(keyMatches({ name: "tab", shift: true }, key("", { name: "tab", shift: true }))).toBe(true);
    expect(keyMatches({ name: "escape" }, key("", { name: "escape", shift: true }))).toBe(true);
  });

  test("a printable spec never matches a named key with the same input", () => {
    expect(keyMatches({ input: "" }, key("", { name: "return" }))).toBe(false);
  });
});

describe("resolveKey", () => {
  test("digits focus panes in tab order", () => {
    PANE_IDS.forEach((id, i) => {
      expect(resolveKey(key(String(i + 1)), activeScopes(initialState()))?.command).toEqual({ type: "focusPane", pane: id });
    });
  });

  test("with help open, pane keys are dead and ? closes help", () => {
    const scopes = activeScopes({ pane: "search", overlay: "help" });
    expect(resolveKey(key("2"), scopes)).toBeUndefined();
    expect(resolveKey(key("?"), scopes)?.command).toEqual({ type: "closeHelp" });
    expect(resolveKey(key("", { name: "escape" }), scopes)?.command).toEqual({ type: "closeHelp" });
    expect(resolveKey(key("q"), scopes)?.command).toEqual({ type: "quit" });
  });

  test("a pane binding shadows a global one for the same key", () => {
    const keymap: KeyBinding[] = [
      ...KEYMAP,
      { scope: "search", keys: [{ input: "q" }], label: "q", description: "Type q", command: { type: "paneAction", action: "type" } },
    ];
    expect(resolveKey(key("q"), activeScopes({ pane: "search", overlay: null }), keymap)?.scope).toBe("search");
    expect(resolveKey(key("q"), activeScopes({ pane: "values", overlay: null }), keymap)?.scope).toBe("app");
  });
});

describe("status bar hints and help come from the same data", () => {
  test("bindings with the same bar text merge; digits collapse to a range", () => {
    const bar = hints(activeScopes(initialState()));
    expect(bar.slice(0, 3)).toEqual([
      { keys: "?", text: "help" },
      { keys: "↑/k/↓/j", text: "move" },
      { keys: "/", text: "filter" },
    ]);
    expect(bar.slice(-3)).toEqual([
      { keys: "1-4", text: "panes" },
      { keys: ":", text: "cmd" },
      { keys: "q", text: "quit" },
    ]);
    expect(hints(activeScopes({ pane: "values", overlay: "help" }))).toEqual([
      { keys: "↑/k/↓/j", text: "scroll" },
      { keys: "Esc/?", text: "close" },
      { keys: ":", text: "cmd" },
      { keys: "q", text: "quit" },
    ]);
  });

  test("a modal takes every key: a confirmation answers only y and n", () => {
    const scopes = activeScopes({ pane: "releases", overlay: null, modal: "confirm" });
    expect(scopes).toEqual(["confirm"]);
    expect(resolveKey(key("q"), scopes)).toBeUndefined();
    expect(resolveKey(key("y"), scopes)?.command).toEqual({ type: "paneAction", action: "yes" });
    expect(resolveKey(key("", { name: "escape" }), scopes)?.command).toEqual({ type: "paneAction", action: "no" });
    expect(activeScopes({ pane: "releases", overlay: null, modal: "progress" })).toEqual(["progress"]);
  });

  test("a pane's sub-view replaces the pane's bindings", () => {
    const scopes = activeScopes({ pane: "releases", overlay: null, view: "releases.history" });
    expect(scopes).toEqual(["releases.history", "global", "app"]);
    expect(resolveKey(key(" "), scopes)?.command).toEqual({ type: "paneAction", action: "mark" });
    expect(resolveKey(key("/"), scopes)).toBeUndefined();
  });

  test("read-only hides every binding that changes the cluster or the repository list", () => {
    const ro = keymapFor(true);
    for (const action of ["install", "upgrade", "rollback", "uninstall", "test", "add", "remove", "deploy"]) {
      expect(ro.some((b) => b.command.type === "paneAction" && b.command.action === action)).toBe(false);
    }
    expect(ro.some((b) => b.command.type === "paneAction" && b.command.action === "update")).toBe(true);
    expect(hints(activeScopes({ pane: "releases", overlay: null }), ro).map((h) => h.text)).not.toContain("upgrade");
    expect(hints(activeScopes({ pane: "releases", overlay: null })).map((h) => h.text)).toContain("upgrade");
  });

  test("help lists every binding exactly once across its sections", () => {
    // The Values pane is the only pane with bindings of its own so far.
    const sections = helpSections("values");
    const rows = sections.flatMap((s) => s.rows);
    expect(rows).toHaveLength(KEYMAP.filter((b) => ["values", "global", "app", "help"].includes(b.scope)).length);
    expect(sections.map((s) => s.title)).toEqual(["Values pane", "Panes", "Anywhere", "In this help"]);
    expect(helpSections("releases", KEYMAP, "releases.history").map((s) => s.title)).toEqual(["Release history", "Panes", "Anywhere", "In this help"]);
    expect(rows).toContainEqual({ keys: "Ctrl-C", description: "Quit chartroom" });
  });

  test("a pane's own bindings get a section titled after it", () => {
    const keymap: KeyBinding[] = [
      { scope: "releases", keys: [{ input: "r" }], label: "r", description: "Refresh", command: { type: "paneAction", action: "refresh" } },
    ];
    expect(helpSections("releases", keymap)).toEqual([{ title: "Releases pane", rows: [{ keys: "r", description: "Refresh" }] }]);
    expect(helpSections("values", keymap)).toEqual([]);
  });
});

describe("app state", () => {
  test("Tab and Shift-Tab cycle through the panes and wrap", () => {
    expect(cyclePane("releases", 1)).toBe("repositories");
    expect(cyclePane("repositories", -1)).toBe("releases");
    let s = initialState();
    s = reduce(s, { type: "nextPane" });
    expect(s.pane).toBe("search");
    s = reduce(reduce(s, { type: "prevPane" }), { type: "prevPane" });
    expect(s.pane).toBe("releases");
  });

  test("help opens and closes without moving focus; focusing the same pane is a no-op", () => {
    const s = reduce(initialState("values"), { type: "openHelp" });
    expect(s).toMatchObject({ pane: "values", overlay: "help" });
    expect(reduce(s, { type: "closeHelp" })).toMatchObject({ pane: "values", overlay: null });
    const same = initialState("values");
    expect(reduce(same, { type: "focusPane", pane: "values" })).toBe(same);
  });
});
