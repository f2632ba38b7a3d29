import { describe, expect, test } from "vitest";
import type { ReleaseDetail, ReleaseRow, ResourceRow } from "../../src/tui/engine/types.js";
import {
  DETAIL_TABS,
  diffPair,
  HISTORY_COLUMNS,
  historyRows,
  RELEASE_COLUMNS,
  releaseKey,
  releaseRows,
  resourceRows,
  statusLines,
  statusToken,
} from "../../src/tui/view/releases.js";

const NOW = Date.UTC(2024, 0, 2, 3, 9, 5, 678);
const MIN = 60_000;

function release(over: Partial<ReleaseRow> = {}): ReleaseRow {
  return {
    name: "web",
    namespace: "apps",
    revision: 1,
    status: "deployed",
    chart: "web-1.2.0",
    chartName: "web",
    chartVersion: "1.2.0",
    appVersion: "1.25.3",
    updated: NOW - 5 * MIN,
    description: "Install complete",
    ...over,
  };
}

const texts = (rows: { cells: { text: string }[] }[]) => rows.map((r) => r.cells.map((c) => c.text));

describe("statusToken", () => {
  test.each([
    ["deployed", "status.ok"],
    ["failed", "status.error"],
    ["pending-install", "status.warn"],
    ["pending-upgrade", "status.warn"],
    ["pending-rollback", "status.warn"],
    ["uninstalling", "status.warn"],
    ["superseded", "muted"],
    ["uninstalled", "muted"],
    ["unknown", "text"],
    ["", "text"],
  ])("%s is %s", (status, token) => {
    expect(statusToken(status)).toBe(token);
  });
});

describe("releaseRows", () => {
  test("one row per release, cells in column order with their tokens", () => {
    const rows = releaseRows([release()], NOW);
    expect(rows).toEqual([
      {
        key: "apps/web",
        cells: [
          { text: "web", token: "text" },
          { text: "apps", token: "muted" },
          { text: "1" },
          { text: "deployed", token: "status.ok" },
          { text: "web-1.2.0" },
          { text: "1.25.3", token: "muted" },
          { text: "5m", token: "muted" },
        ],
      },
    ]);
    expect(rows[0]!.cells).toHaveLength(RELEASE_COLUMNS.length);
  });

  test("sorted by namespace, then name, without touching the input", () => {
    const input = [
      release({ name: "web", namespace: "prod" }),
      release({ name: "api", namespace: "prod" }),
      release({ name: "zeta", namespace: "apps" }),
      release({ name: "alpha", namespace: "apps" }),
      release({ name: "cache", namespace: "default" }),
    ];
    const before = input.map(releaseKey);
    expect(releaseRows(input, NOW).map((r) => r.key)).toEqual(["apps/alpha", "apps/zeta", "default/cache", "prod/api", "prod/web"]);
    expect(input.map(releaseKey)).toEqual(before);
  });

  test("status tokens, revision and age per release; never deployed has no age", () => {
    const rows = releaseRows(
      [
        release({ name: "a", status: "failed", revision: 12, updated: NOW - 3 * 3_600_000 }),
        release({ name: "b", status: "pending-upgrade", updated: 0 }),
        release({ name: "c", status: "superseded", updated: NOW - 3 * 86_400_000 }),
      ],
      NOW,
    );
    expect(rows.map((r) => [r.cells[2]!.text, r.cells[3]!.token, r.cells[6]!.text])).toEqual([
      ["12", "status.error", "3h"],
      ["1", "status.warn", "-"],
      ["1", "muted", "3d"],
    ]);
  });

  test("no releases, no rows", () => {
    expect(releaseRows([], NOW)).toEqual([]);
  });
});

describe("resourceRows", () => {
  test("kind, name, readiness and the reason without the object's own name", () => {
    const resources: ResourceRow[] = [
      { kind: "Deployment", name: "web", namespace: "apps", ready: true, reason: "deployment/web 3/3 ready" },
      { kind: "Deployment", name: "api", namespace: "apps", ready: false, reason: "deployment/api 1/3 ready: pod api-x CrashLoopBackOff" },
      { kind: "ClusterRole", name: "web-reader", ready: true, reason: "exists" },
      { kind: "Service", name: "web", namespace: "apps", ready: true, reason: "deployment/web something" },
    ];
    expect(resourceRows(resources)).toEqual([
      {
        key: "Deployment/apps/web",
        cells: [{ text: "Deployment" }, { text: "web" }, { text: "Ready", token: "status.ok" }, { text: "3/3 ready", token: "muted" }],
      },
      {
        key: "Deployment/apps/api",
        cells: [{ text: "Deployment" }, { text: "api" }, { text: "NotReady", token: "status.warn" }, { text: "1/3 ready: pod api-x CrashLoopBackOff", token: "muted" }],
      },
      {
        key: "ClusterRole//web-reader",
        cells: [{ text: "ClusterRole" }, { text: "web-reader" }, { text: "Ready", token: "status.ok" }, { text: "exists", token: "muted" }],
      },
      {
        key: "Service/apps/web",
        cells: [{ text: "Service" }, { text: "web" }, { text: "Ready", token: "status.ok" }, { text: "deployment/web something", token: "muted" }],
      },
    ]);
  });
});

describe("statusLines", () => {
  const detail = (row: ReleaseRow, resources: ResourceRow[]): ReleaseDetail => ({
    row,
    notes: "",
    manifest: "",
    values: "",
    computedValues: "",
    hooks: "",
    resources,
    chartValues: "",
  });
  const ready: ResourceRow = { kind: "Service", name: "web", namespace: "apps", ready: true, reason: "ok" };
  const notReady: ResourceRow = { kind: "Deployment", name: "web", namespace: "apps", ready: false, reason: "0/1 ready" };

  test("helm status's header, with the deploy time in UTC and its age", () => {
    expect(statusLines(detail(release({ revision: 3 }), [ready, notReady]), NOW)).toEqual([
      { label: "NAME", value: "web" },
      { label: "NAMESPACE", value: "apps" },
      { label: "STATUS", value: "deployed", token: "status.ok" },
      { label: "REVISION", value: "3" },
      { label: "CHART", value: "web-1.2.0" },
      { label: "APP VERSION", value: "1.25.3" },
      { label: "LAST DEPLOYED", value: "2024-01-02 03:04:05 UTC (5m ago)" },
      { label: "DESCRIPTION", value: "Install complete" },
      { label: "RESOURCES", value: "1/2 ready", token: "status.warn" },
    ]);
  });

  test("dashes for what is missing; all (or no) resources ready is ok", () => {
    const lines = statusLines(detail(release({ appVersion: "", updated: 0, description: "", status: "failed" }), []), NOW);
    const byLabel = Object.fromEntries(lines.map((l) => [l.label, l]));
    expect(byLabel["STATUS"]).toEqual({ label: "STATUS", value: "failed", token: "status.error" });
    expect(byLabel["APP VERSION"]!.value).toBe("-");
    expect(byLabel["LAST DEPLOYED"]!.value).toBe("-");
    expect(byLabel["DESCRIPTION"]!.value).toBe("-");
    expect(byLabel["RESOURCES"]).toEqual({ label: "RESOURCES", value: "0/0 ready", token: "status.ok" });
    expect(statusLines(detail(release(), [ready, ready]), NOW).at(-1)).toEqual({ label: "RESOURCES", value: "2/2 ready", token: "status.ok" });
  });
});

describe("historyRows", () => {
  const revisions = [
    release({ revision: 2, status: "superseded", description: "Upgrade complete", updated: NOW - 2 * 86_400_000 }),
    release({ revision: 4, status: "deployed", description: "Rollback to 2", chart: "web-1.2.0", updated: NOW - 30_000 }),
    release({ revision: 1, status: "superseded", description: "Install complete", chart: "web-1.1.0", appVersion: "1.24.0", updated: NOW - 3 * 86_400_000 }),
    release({ revision: 3, status: "failed", description: "Upgrade failed", chart: "web-1.3.0", updated: NOW - 10 * MIN }),
  ];

  test("newest first, with a timeline down the first column", () => {
    const rows = historyRows(revisions, [], NOW);
    expect(rows.map((r) => r.key)).toEqual(["4", "3", "2", "1"]);
    expect(texts(rows)).toEqual([
      ["┌", "4", "deployed", "web-1.2.0", "1.25.3", "30s", "Rollback to 2"],
      ["│", "3", "failed", "web-1.3.0", "1.25.3", "10m", "Upgrade failed"],
      ["│", "2", "superseded", "web-1.2.0", "1.25.3", "2d", "Upgrade complete"],
      ["└", "1", "superseded", "web-1.1.0", "1.24.0", "3d", "Install complete"],
    ]);
    expect(rows.map((r) => [r.cells[0]!.token, r.cells[2]!.token])).toEqual([
      ["muted", "status.ok"],
      ["muted", "status.error"],
      ["muted", "muted"],
      ["muted", "muted"],
    ]);
    expect(rows[0]!.cells).toHaveLength(HISTORY_COLUMNS.length);
  });

  test("revisions marked for a diff carry an accented diamond, wherever they are", () => {
    const rows = historyRows(revisions, [4, 1], NOW);
    expect(rows.map((r) => r.cells[0])).toEqual([
      { text: "◆", token: "accent" },
      { text: "│", token: "muted" },
      { text: "│", token: "muted" },
      { text: "◆", token: "accent" },
    ]);
  });

  test("a single revision ends the timeline", () => {
    expect(historyRows([release()], [], NOW).map((r) => r.cells[0]!.text)).toEqual(["└"]);
  });
});

describe("diffPair", () => {
  test("the two marked revisions, older first", () => {
    expect(diffPair([4, 2], 3, [1, 2, 3, 4])).toEqual([2, 4]);
    expect(diffPair([1, 3], 4, [1, 2, 3, 4])).toEqual([1, 3]);
  });

  test("otherwise the selected revision against the one before it", () => {
    expect(diffPair([], 4, [4, 3, 2, 1])).toEqual([3, 4]);
    expect(diffPair([2], 3, [1, 2, 3])).toEqual([2, 3]);
    // History trimmed by --history-max: the nearest older one that is kept.
    expect(diffPair([], 7, [3, 5, 7])).toEqual([5, 7]);
  });

  test("nothing to compare the first revision with", () => {
    expect(diffPair([], 1, [1, 2, 3])).toBeUndefined();
    expect(diffPair([], 5, [5])).toBeUndefined();
  });
});

describe("DETAIL_TABS", () => {
  test("the tabs of a release, in order", () => {
    expect(DETAIL_TABS).toEqual(["status", "resources", "notes", "manifest", "values", "hooks", "history"]);
  });
});
