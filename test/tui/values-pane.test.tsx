import { cleanup } from "ink-testing-library";
import { afterEach, describe, expect, test } from "vitest";
import { App, type AppProps } from "../../src/tui/app.js";
import { PANE_COMPONENTS } from "../../src/tui/panes/index.js";
import type { PaneProps } from "../../src/tui/panes/types.js";
import { ValuesPane } from "../../src/tui/panes/values.js";
import { resolveTheme } from "../../src/tui/theme.js";
import { staticEngine } from "../helpers/engine.js";
import { press, renderApp, waitForFrame } from "../helpers/ui.js";

const info: AppProps["info"] = { context: "kind-dev", namespace: "apps", sandbox: "off", readonly: false };
const HelloValues = (p: PaneProps) => <ValuesPane {...p} chartPath="demo/charts/hello-web" />;
const app = () => (
  <App info={info} theme={resolveTheme({ flag: "dark", env: {} })} initialPane="values" panes={{ ...PANE_COMPONENTS, values: HelloValues }} makeEngine={() => staticEngine()} />
);

afterEach(() => cleanup());

describe("Values pane", () => {
  test("shows values.yaml with line numbers, valid, and its keys in the status bar", async () => {
    const r = await renderApp(app());
    const frame = await waitForFrame(r, (f) => f.includes("replicaCount: 2"));
    expect(frame).toContain("Values · hello-web");
    expect(frame).toMatch(/ 1 › # Number of web server pods/);
    expect(frame).toMatch(/ 2 {3}replicaCount: 2/);
    expect(frame).toContain("valid");
    expect(frame.split("\n").at(-1)).toContain("e edit");
  });

  test("scrolls with the cursor", async () => {
    const r = await renderApp(app(), { rows: 12 });
    await waitForFrame(r, (f) => f.includes("replicaCount"));
    for (let i = 0; i < 10; i++) await press(r.stdin, "j");
    const frame = await waitForFrame(r, (f) => f.includes("11 › "));
    expect(frame).not.toContain("replicaCount");
  });

  test("an edit that breaks the schema shows helm's message at the key; fixing it clears it", async () => {
    const r = await renderApp(app());
    await waitForFrame(r, (f) => f.includes("replicaCount: 2"));
    await press(r.stdin, "j");
    await press(r.stdin, "e");
    await waitForFrame(r, (f) => f.includes("editing"));
    await press(r.stdin, "End");
    await press(r.stdin, "Backspace");
    // q would quit the app were the editor not holding the keyboard.
    await press(r.stdin, "q");
    let frame = await waitForFrame(r, (f) => f.includes("replicaCount: Invalid type. Expected: integer, given: string"));
    expect(frame).toContain("replicaCount: q");
    expect(frame).toContain("1 problem");
    await press(r.stdin, "Backspace");
    await press(r.stdin, "3");
    frame = await waitForFrame(r, (f) => f.includes("replicaCount: 3") && !f.includes("Invalid type"));
    await press(r.stdin, "Escape");
    frame = await waitForFrame(r, (f) => f.includes("valid") && !f.includes("editing"));
    expect(frame).toContain("e edit");
  });

  test("a YAML error is shown at its line", async () => {
    const r = await renderApp(app());
    await waitForFrame(r, (f) => f.includes("replicaCount: 2"));
    await press(r.stdin, "j");
    await press(r.stdin, "e");
    await press(r.stdin, "End");
    await press(r.stdin, ": x");
    const frame = await waitForFrame(r, (f) => f.includes("yaml: line 2: mapping values are not"));
    // The message sits right under the offending line.
    const lines = frame.split("\n");
    const at = lines.findIndex((l) => l.includes("2 › replicaCount: 2: x"));
    expect(lines[at + 1]).toContain("✖ error converting YAML to JSON");
  });

  test("v shows each effective value with the layer that set it", async () => {
    const r = await renderApp(app());
    await waitForFrame(r, (f) => f.includes("replicaCount: 2"));
    await press(r.stdin, "j");
    await press(r.stdin, "e");
    await press(r.stdin, "End");
    await press(r.stdin, "Backspace");
    await press(r.stdin, "5");
    await press(r.stdin, "Escape");
    await press(r.stdin, "v");
    const frame = await waitForFrame(r, (f) => f.includes("user edit"));
    expect(frame).toMatch(/replicaCount\s+user edit\s+5/);
    expect(frame).toMatch(/service\.port\s+chart default\s+80/);
  });
});

describe("Values pane, other sources", () => {
  test("E edits in $EDITOR and reloads the result", async () => {
    const saved = process.env.EDITOR;
    process.env.EDITOR = "sed -i -e 's/^replicaCount: 2$/replicaCount: 11/'";
    delete process.env.VISUAL;
    try {
      const r = await renderApp(app());
      await waitForFrame(r, (f) => f.includes("replicaCount: 2"));
      await press(r.stdin, "E");
      const frame = await waitForFrame(r, (f) => f.includes("replicaCount: 11"));
      expect(frame).toContain("replicaCount: Must be less than or equal to 10");
    } finally {
      if (saved === undefined) delete process.env.EDITOR;
      else process.env.EDITOR = saved;
    }
  });

  test(":values PATH opens another chart; a bad path is reported", async () => {
    const r = await renderApp(app());
    await waitForFrame(r, (f) => f.includes("replicaCount: 2"));
    await press(r.stdin, ":");
    await press(r.stdin, "values demo/charts/redis-lite");
    await waitForFrame(r, (f) => f.includes(":values demo/charts/redis-lite"));
    await press(r.stdin, "Enter");
    let frame = await waitForFrame(r, (f) => f.includes("Values · redis-lite"));
    expect(frame).toContain("image: redis-lite:7.2");
    await press(r.stdin, ":");
    await press(r.stdin, "values demo/charts/nope");
    await press(r.stdin, "Enter");
    frame = await waitForFrame(r, (f) => f.includes("nope"));
    expect(frame).toContain("Values · redis-lite");
  });
});
