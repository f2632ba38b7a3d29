import { describe, expect, test } from "vitest";
import {
  fitHints,
  fitSegments,
  headerSegments,
  layout,
  paneTabs,
  type SessionInfo,
  tabsWidth,
} from "../../src/tui/view/chrome.js";
import { emptyState } from "../../src/tui/view/empty.js";
import { PANE_IDS } from "../../src/tui/view/panes.js";

const info = (over: Partial<SessionInfo> = {}): SessionInfo => ({
  context: "kind-dev",
  namespace: "apps",
  sandbox: "off",
  readonly: false,
  ...over,
});
const text = (segs: { text: string }[]) => segs.map((s) => s.text).join("");

describe("layout", () => {
  test("leaves the last row free and gives the panes what the chrome does not use", () => {
    expect(layout(80, 24)).toEqual({ width: 80, height: 23, bodyHeight: 20, tooSmall: false });
    expect(layout(39, 24).tooSmall).toBe(true);
    expect(layout(80, 9).tooSmall).toBe(true);
  });
});

describe("header", () => {
  test("names the context and namespace", () => {
    expect(text(headerSegments(info(), 80))).toBe("chartroom  ctx kind-dev  ns apps");
  });

  test("says when there is no context, and why", () => {
    const segs = headerSegments(info({ context: undefined, problem: "no kubeconfig found" }), 80);
    expect(text(segs)).toBe("chartroom  ctx (none)  ns apps  no kubeconfig found");
    expect(segs.find((s) => s.text === "(none)")?.token).toBe("status.warn");
  });

  test("marks a running sandbox and read-only mode", () => {
    expect(text(headerSegments(info({ readonly: true, sandbox: "running" }), 200))).toBe(
      "chartroom  ctx kind-dev  ns apps  sandbox  read-only",
    );
  });

  test("never exceeds the width, cutting with an ellipsis", () => {
    for (const width of [10, 25, 40, 80]) {
      const line = text(headerSegments(info({ context: "a-very-long-context-name-from-a-cloud-provider", readonly: true }), width));
      expect(line.length).toBeLessThanOrEqual(width);
    }
    expect(text(fitSegments([{ text: "abcdef", token: "text" }], 4))).toBe("abc…");
  });
});

describe("pane bar", () => {
  test("full titles at 80 columns, the active tab marked", () => {
    const tabs = paneTabs("values", 80);
    expect(tabs.map((t) => t.label)).toEqual(["1 Repositories", "2 Search", "3 Values", "4 Releases"]);
    expect(tabs.filter((t) => t.active).map((t) => t.id)).toEqual(["values"]);
  });

  test("shortens in narrow terminals and always fits", () => {
    expect(paneTabs("search", 40).map((t) => t.label)).toEqual(["1 Repo", "2 Sear", "3 Valu", "4 Rele"]);
    expect(paneTabs("search", 20).map((t) => t.label)).toEqual(["1", "2", "3", "4"]);
    for (let w = 15; w <= 80; w++) expect(tabsWidth(paneTabs("search", w))).toBeLessThanOrEqual(w);
  });
});

describe("status bar", () => {
  const all = [
    { keys: "1-4", text: "panes" },
    { keys: "Tab/S-Tab", text: "cycle" },
    { keys: "q", text: "quit" },
  ];
  test("keeps every hint that fits and skips the ones that do not", () => {
    expect(fitHints(all, 80)).toEqual(all);
    expect(fitHints(all, 18)).toEqual([all[0], all[2]]);
    expect(fitHints(all, 3)).toEqual([]);
  });
});

describe("empty states", () => {
  test("every pane has one", () => {
    for (const id of PANE_IDS) expect(emptyState(id, info()).title).not.toBe("");
  });

  test("repositories tell how to add one", () => {
    expect(emptyState("repositories", info()).lines.join(" ")).toContain("chartroom repo add NAME URL");
  });

  test("releases say what to do next, and never offer what read-only hides", () => {
    expect(emptyState("releases", info()).lines[0]).toBe("Context kind-dev has no release. Install one: i here, or i on a chart in Search.");
    expect(emptyState("releases", info({ readonly: true })).lines[0]).toBe("Context kind-dev has no release.");
    expect(emptyState("releases", info({ context: undefined, problem: "no kubeconfig found" })).lines[0]).toBe("no kubeconfig found");
  });
});
