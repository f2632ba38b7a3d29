import { describe, expect, test } from "vitest";
import { helpSections } from "../../src/tui/keymap.js";
import { helpLines } from "../../src/tui/view/help.js";

describe("helpLines", () => {
  const sections = [
    { title: "Global", rows: [{ keys: "?", description: "help" }, { keys: "q", description: "quit" }] },
    { title: "Releases", rows: [{ keys: "enter", description: "open the release" }, { keys: "ctrl-d", description: "uninstall" }] },
  ];

  test("a title per section, rows with keys padded to the longest plus two, a blank line between", () => {
    expect(helpLines(sections, 80)).toEqual([
      { kind: "title", text: "Global" },
      { kind: "row", keys: "?       ", text: "help" },
      { kind: "row", keys: "q       ", text: "quit" },
      { kind: "row", keys: "", text: "" },
      { kind: "title", text: "Releases" },
      { kind: "row", keys: "enter   ", text: "open the release" },
      { kind: "row", keys: "ctrl-d  ", text: "uninstall" },
    ]);
  });

  test("descriptions are cut to the width left after the keys", () => {
    const lines = helpLines(sections, 12);
    expect(lines.filter((l) => l.kind === "row" && l.keys).map((l) => (l.kind === "row" ? l.keys + l.text : ""))).toEqual([
      "?       help",
      "q       quit",
      "enter   open",
      "ctrl-d  unin",
    ]);
    expect(helpLines(sections, 5).filter((l) => l.kind === "row").map((l) => (l.kind === "row" ? l.text : ""))).toEqual(["", "", "", "", ""]);
  });

  test("the key column is at most 12 wide; longer keys are not cut", () => {
    const long = [{ title: "Values", rows: [{ keys: "ctrl-shift-pageDown", description: "jump" }, { keys: "e", description: "edit" }] }];
    expect(helpLines(long, 40)).toEqual([
      { kind: "title", text: "Values" },
      { kind: "row", keys: "ctrl-shift-pageDown", text: "jump" },
      { kind: "row", keys: "e           ", text: "edit" },
    ]);
  });

  test("nothing in, nothing out; a section with no rows is just its title", () => {
    expect(helpLines([], 80)).toEqual([]);
    expect(helpLines([{ title: "Empty", rows: [] }], 80)).toEqual([{ kind: "title", text: "Empty" }]);
  });

  test("the app's own help: rows with keys up to 10 wide are aligned and fit the width", () => {
    const lines = helpLines(helpSections("releases"), 60);
    const rows = lines.flatMap((l) => (l.kind === "row" && l.keys.trimEnd().length > 0 && l.keys.trimEnd().length <= 10 ? [l] : []));
    expect(rows.length).toBeGreaterThan(5);
    expect(new Set(rows.map((l) => l.keys.length)).size).toBe(1);
    for (const l of rows) expect(l.keys.length + l.text.length).toBeLessThanOrEqual(60);
    expect(lines[0]!.kind).toBe("title");
  });
});
