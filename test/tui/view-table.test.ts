import { describe, expect, test } from "vitest";
import { age, type Column, clampIndex, columnWidths, filterRows, fitCell, type Row, scrollTop } from "../../src/tui/view/table.js";

const row = (key: string, ...texts: string[]): Row => ({ key, cells: texts.map((text) => ({ text })) });
const span = (widths: number[], gap = 2) => widths.reduce((a, b) => a + b, 0) + gap * (widths.length - 1);

describe("columnWidths", () => {
  test("sizes each column to its widest cell or title when everything fits", () => {
    const cols: Column[] = [{ title: "NAME" }, { title: "AGE", align: "right" }];
    expect(columnWidths(cols, [row("a", "nginx", "5m"), row("b", "a-very-long-name", "2d")], 80)).toEqual([16, 3]);
    expect(columnWidths(cols, [], 80)).toEqual([4, 3]);
  });

  test("caps a column at its max and raises it to its min", () => {
    const cols: Column[] = [{ title: "NAME", max: 10 }, { title: "X", min: 6 }];
    expect(columnWidths(cols, [row("a", "a-very-long-name", "ab")], 80)).toEqual([10, 6]);
  });

  test("counts characters, not UTF-16 units, and treats a missing cell as empty", () => {
    expect(columnWidths([{ title: "X" }], [row("a", "🚀🚀")], 80)).toEqual([2]);
    expect(columnWidths([{ title: "A" }, { title: "B" }], [row("a", "abc")], 80)).toEqual([3, 1]);
  });

  test("a flex column takes all the width left over", () => {
    const cols: Column[] = [{ title: "NAME" }, { title: "DESC", flex: true }];
    const w = columnWidths(cols, [row("a", "web", "hello")], 30);
    expect(w).toEqual([4, 24]);
    expect(span(w)).toBe(30);
  });

  test("several flex columns share the spare width, the first taking the odd column", () => {
    const cols: Column[] = [{ title: "A", flex: true }, { title: "B", flex: true }, { title: "C" }];
    const w = columnWidths(cols, [], 20);
    expect(w).toEqual([8, 7, 1]);
    expect(span(w)).toBe(20);
  });

  test("the gap between columns is configurable", () => {
    const cols: Column[] = [{ title: "NAME" }, { title: "DESC", flex: true }];
    expect(columnWidths(cols, [row("a", "web", "hello")], 30, 0)).toEqual([4, 26]);
  });

  describe("too wide", () => {
    const cols: Column[] = [{ title: "NAME" }, { title: "CHART", flex: true, min: 5 }, { title: "DESCRIPTION" }];
    const rows = [row("a", "my-release", "nginx-ingress-controller-4.10.1", "An ingress controller")];

    test("natural widths when there is room", () => {
      expect(columnWidths(cols, rows, 80)).toEqual([10, 30 + 80 - 65, 21]);
    });

    test("shrinks the flex column first, down to its min", () => {
      const w = columnWidths(cols, rows, 50);
      expect(w).toEqual([10, 15, 21]);
      expect(span(w)).toBe(50);
    });

    test("then the widest other column, down to its title", () => {
      const w = columnWidths(cols, rows, 30);
      expect(w).toEqual([10, 5, 11]);
      expect(span(w)).toBe(30);
    });

    test("never below the floors, even when the total stays too wide", () => {
      expect(columnWidths(cols, rows, 20)).toEqual([4, 5, 11]);
    });
  });
});

describe("fitCell", () => {
  test("pads to the width, on the left or the right", () => {
    expect(fitCell("nginx", 8)).toBe("nginx   ");
    expect(fitCell("nginx", 8, "right")).toBe("   nginx");
    expect(fitCell("nginx", 5)).toBe("nginx");
    expect(fitCell("", 3)).toBe("   ");
  });

  test("cuts with an ellipsis", () => {
    expect(fitCell("nginx-ingress", 6)).toBe("nginx…");
    expect(fitCell("nginx-ingress", 6, "right")).toBe("nginx…");
    expect(fitCell("nginx", 2)).toBe("n…");
  });

  test("no room for an ellipsis at one column or none", () => {
    expect(fitCell("nginx", 1)).toBe("n");
    expect(fitCell("nginx", 0)).toBe("");
  });

  test("cuts and pads by characters", () => {
    expect(fitCell("🚀ab", 2)).toBe("🚀…");
    expect(fitCell("🚀", 3)).toBe("🚀  ");
  });
});

describe("scrollTop", () => {
  test("no scrolling when everything fits or there is no room", () => {
    expect(scrollTop(5, 3, 10, 8)).toBe(0);
    expect(scrollTop(5, 3, 10, 10)).toBe(0);
    expect(scrollTop(5, 3, 0, 20)).toBe(0);
  });

  test("keeps the window while the selection is inside it", () => {
    expect(scrollTop(5, 5, 5, 20)).toBe(5);
    expect(scrollTop(5, 7, 5, 20)).toBe(5);
    expect(scrollTop(5, 9, 5, 20)).toBe(5);
  });

  test("moves just enough to show a selection above or below", () => {
    expect(scrollTop(5, 2, 5, 20)).toBe(2);
    expect(scrollTop(5, 10, 5, 20)).toBe(6);
    expect(scrollTop(5, 12, 5, 20)).toBe(8);
    expect(scrollTop(0, 19, 5, 20)).toBe(15);
  });

  test("pulls the window back when the list shrank under it", () => {
    expect(scrollTop(18, 10, 5, 12)).toBe(7);
  });

  test("never negative", () => {
    expect(scrollTop(-3, 0, 5, 20)).toBe(0);
  });
});

describe("clampIndex", () => {
  test("keeps an index inside the list", () => {
    expect(clampIndex(5, 0)).toBe(0);
    expect(clampIndex(-1, 3)).toBe(0);
    expect(clampIndex(1, 3)).toBe(1);
    expect(clampIndex(3, 3)).toBe(2);
    expect(clampIndex(99, 3)).toBe(2);
  });
});

describe("filterRows", () => {
  const rows = [row("apps/web", "web", "apps", "deployed"), row("kube-system/Ingress", "ingress-nginx", "kube-system", "failed"), row("apps/db", "db", "apps", "pending-install")];

  test("an empty or blank filter keeps every row, as a copy", () => {
    const all = filterRows(rows, "");
    expect(all).toEqual(rows);
    expect(all).not.toBe(rows);
    expect(filterRows(rows, "   ").map((r) => r.key)).toEqual(["apps/web", "kube-system/Ingress", "apps/db"]);
  });

  test("matches a substring of any cell, ignoring case and surrounding blanks", () => {
    expect(filterRows(rows, "NGINX").map((r) => r.key)).toEqual(["kube-system/Ingress"]);
    expect(filterRows(rows, " apps ").map((r) => r.key)).toEqual(["apps/web", "apps/db"]);
    expect(filterRows(rows, "pend").map((r) => r.key)).toEqual(["apps/db"]);
    expect(filterRows(rows, "e").map((r) => r.key)).toEqual(["apps/web", "kube-system/Ingress", "apps/db"]);
  });

  test("matches cells, not keys", () => {
    expect(filterRows(rows, "apps/")).toEqual([]);
    expect(filterRows(rows, "zzz")).toEqual([]);
  });
});

describe("age", () => {
  test.each([
    [0, "0s"],
    [999, "0s"],
    [42_000, "42s"],
    [119_999, "119s"],
    [120_000, "2m"],
    [5 * 60_000 + 59_000, "5m"],
    [119 * 60_000 + 59_999, "119m"],
    [2 * 3_600_000, "2h"],
    [47 * 3_600_000 + 3_599_999, "47h"],
    [48 * 3_600_000, "2d"],
    [30 * 86_400_000 + 1, "30d"],
  ])("%i ms is %s", (ms, label) => {
    expect(age(ms)).toBe(label);
  });

  test("a negative or unknown age is a dash", () => {
    expect(age(-1)).toBe("-");
    expect(age(Number.NaN)).toBe("-");
    expect(age(Number.POSITIVE_INFINITY)).toBe("-");
  });
});
