import { Text } from "ink";
import { cleanup } from "ink-testing-library";
import { useState } from "react";
import { afterEach, describe, expect, test } from "vitest";
import { App, type AppProps } from "../../src/tui/app.js";
import { usePaneKeys } from "../../src/tui/hooks/useKeymap.js";
import { KEYMAP, type KeyBinding } from "../../src/tui/keymap.js";
import { PANE_COMPONENTS } from "../../src/tui/panes/index.js";
import type { PaneProps } from "../../src/tui/panes/types.js";
import { resolveTheme } from "../../src/tui/theme.js";
import { staticEngine } from "../helpers/engine.js";
import { press, renderApp, sleep, waitForFrame } from "../helpers/ui.js";

const ESC = "\x1b";
const info: AppProps["info"] = { context: "kind-dev", namespace: "apps", sandbox: "off", readonly: false };
const engine = staticEngine({}, "apps");
const app = (over: Partial<AppProps> = {}) => <App info={info} theme={resolveTheme({ flag: "dark", env: {} })} makeEngine={() => engine} {...over} />;

afterEach(() => cleanup());

describe("the frame", () => {
  test("shows header, the four panes, the first pane's empty state and key hints at 80x24", async () => {
    const r = await renderApp(app());
    const frame = await waitForFrame(r, (f) => f.includes("No repositories yet"));
    const lines = frame.split("\n");
    expect(lines[0]).toBe("chartroom  ctx kind-dev  ns apps");
    expect(lines[1]).toContain("1 Repositories   2 Search   3 Values   4 Releases");
    expect(frame).toContain("Press a to add one (or `chartroom repo add NAME URL`).");
    // The pane's own keys first, then as many app keys as fit in 80 columns.
    expect(lines.at(-1)).toBe("? help  ↑/k/↓/j move  / filter  Enter charts  a add  u update  U update all");
    expect(lines).toHaveLength(23);
    expect(Math.max(...lines.map((l) => l.length))).toBe(80);
  });

  test("re-lays out on resize", async () => {
    const r = await renderApp(app());
    await waitForFrame(r, (f) => f.split("\n")[2]!.length === 80);
    r.resize(50, 12);
    const frame = await waitForFrame(r, (f) => f.split("\n").length === 11);
    expect(Math.max(...frame.split("\n").map((l) => l.length))).toBe(50);
    expect(frame).toContain("1 Repo");
    r.resize(30, 8);
    await waitForFrame(r, (f) => f.includes("Terminal too small: 30x8"));
    r.resize(80, 24);
    await waitForFrame(r, (f) => f.includes("4 Releases"));
  });
});

describe("pane switching", () => {
  test("digits focus panes, each showing its own empty state", async () => {
    const r = await renderApp(app());
    await waitForFrame(r, (f) => f.includes("No repositories yet"));
    // The Values pane opens the first demo chart.
    const expected = ["No repositories yet", "No charts to search", "Values · batch-job", "No releases"];
    for (const [i, title] of [...expected.entries()].reverse()) {
      await press(r.stdin, String(i + 1));
      const frame = await waitForFrame(r, (f) => f.includes(title));
      for (const other of expected.filter((t) => t !== title)) expect(frame).not.toContain(other);
    }
  });

  test("Tab and Shift-Tab cycle with wrap-around", async () => {
    const r = await renderApp(app());
    await waitForFrame(r, (f) => f.includes("No repositories yet"));
    await press(r.stdin, "Tab");
    await waitForFrame(r, (f) => f.includes("No charts to search"));
    await press(r.stdin, "Shift-Tab");
    await press(r.stdin, "Shift-Tab");
    await waitForFrame(r, (f) => f.includes("No releases"));
    await press(r.stdin, "Tab");
    await waitForFrame(r, (f) => f.includes("No repositories yet"));
  });
});

describe("help overlay", () => {
  test("? opens the bindings from the keymap; Esc and ? close it", async () => {
    const r = await renderApp(app({ initialPane: "releases" }));
    await waitForFrame(r, (f) => f.includes("No releases"));
    await press(r.stdin, "?");
    const frame = await waitForFrame(r, (f) => f.includes("Releases pane"));
    expect(frame).not.toContain("No releases");
    expect(frame.split("\n").at(-1)).toBe("↑/k/↓/j scroll  Esc/? close  : cmd  q quit");
    // Every binding of the pane and the app is there, a page or two down.
    let seen = frame;
    for (let i = 0; i < 3; i++) {
      await press(r.stdin, "PageDown");
      await sleep(20);
      seen += r.frame();
    }
    for (const b of KEYMAP.filter((b) => ["releases", "global", "app", "help"].includes(b.scope))) expect(seen).toContain(b.description.slice(0, 60));
    await press(r.stdin, "2");
    expect(r.frame()).toContain("Keys");
    await press(r.stdin, "Escape");
    await waitForFrame(r, (f) => f.includes("No releases") && !f.includes("Releases pane"));
    await press(r.stdin, "?");
    await waitForFrame(r, (f) => f.includes("Releases pane"));
    await press(r.stdin, "?");
    await waitForFrame(r, (f) => !f.includes("Releases pane"));
  });
});

describe("quitting", () => {
  test.each(["q", "Ctrl-C"])("%s unmounts the app", async (key) => {
    const r = await renderApp(app());
    await waitForFrame(r, (f) => f.includes("No repositories yet"));
    await press(r.stdin, key);
    await sleep(20);
    const frames = r.frames.length;
    // After exit Ink stops rendering and reading: later input changes nothing.
    await press(r.stdin, "2");
    await sleep(20);
    expect(r.frames.length).toBe(frames);
    expect(r.frame()).not.toContain("No charts to search");
  });
});

describe("colour", () => {
  test("the theme colours the output", async () => {
    const r = await renderApp(app(), { color: true });
    await waitForFrame(r, (f) => f.includes("No repositories yet"));
    // dark.json: header is sky #61afef.
    expect(r.lastFrame()).toContain(`${ESC}[38;2;97;175;239m`);
  });

  test("NO_COLOR drops every colour but keeps the active tab visible", async () => {
    const theme = resolveTheme({ flag: "dark", env: { NO_COLOR: "1" } });
    const r = await renderApp(app({ theme }), { color: true });
    await waitForFrame(r, (f) => f.includes("No repositories yet"));
    const raw = r.lastFrame()!;
    expect(raw).not.toMatch(/\x1b\[(3|4|9|10)[0-9](;[0-9]+)*m/);
    expect(raw).toMatch(/\x1b\[7m(\x1b\[1m)? 1 Repositories /);
  });
});

const routingKeymap: KeyBinding[] = [
  ...KEYMAP,
  { scope: "search", keys: [{ input: "x" }], label: "x", description: "Count", command: { type: "paneAction", action: "count" }, bar: "count" },
  { scope: "search", keys: [{ input: "1" }], label: "1", description: "Count too", command: { type: "paneAction", action: "count" } },
];

/** A search pane that counts its own key presses, to watch where keys go. */
function CountingPane({ focused }: PaneProps) {
  const [n, setN] = useState(0);
  usePaneKeys("search", focused, { count: () => setN((c) => c + 1) }, routingKeymap);
  return <Text>{`presses: ${n}`}</Text>;
}

describe("key routing", () => {
  test("only the focused pane receives its keys; its bindings shadow global ones; state survives a switch", async () => {
    const r = await renderApp(app({ keymap: routingKeymap, panes: { ...PANE_COMPONENTS, search: CountingPane } }));
    await waitForFrame(r, (f) => f.includes("No repositories yet"));
    await press(r.stdin, "x");
    await press(r.stdin, "2");
    await waitForFrame(r, (f) => f.includes("presses: 0"));
    await press(r.stdin, "x");
    await press(r.stdin, "1");
    const frame = await waitForFrame(r, (f) => f.includes("presses: 2"));
    expect(frame).not.toContain("No repositories yet");
    expect(frame).toContain("x count");
    await press(r.stdin, "?");
    await press(r.stdin, "x");
    await press(r.stdin, "Escape");
    await press(r.stdin, "Tab");
    await press(r.stdin, "Shift-Tab");
    await waitForFrame(r, (f) => f.includes("presses: 2"));
  });
});
