// One release: status, resources with readiness, notes, manifest, values,
// hooks, and its history as a timeline from which any two revisions diff.
import { Box, Text } from "ink";
import { useEffect, useMemo, useState } from "react";
import { PaneFrame } from "../components/PaneFrame.js";
import { Table } from "../components/Table.js";
import { Tabs } from "../components/Tabs.js";
import { DiffLines, TextLines } from "../components/TextLines.js";
import { useAsync } from "../hooks/useAsync.js";
import { useClock } from "../hooks/useClock.js";
import { usePaneKeys } from "../hooks/useKeymap.js";
import { useList, useScroll } from "../hooks/useList.js";
import { useColor } from "../hooks/useTheme.js";
import type { KeyBinding, ViewScope } from "../keymap.js";
import { useNav } from "../nav.js";
import { diffStat, unifiedDiff } from "../view/diff.js";
import {
  DETAIL_TABS,
  type DetailTab,
  diffPair,
  HISTORY_COLUMNS,
  historyRows,
  RELEASES_POLL_MS,
  RESOURCE_COLUMNS,
  resourceRows,
  statusLines,
  statusToken,
} from "../view/releases.js";
import { releaseActions } from "./release-actions.js";

/** What the detail view and the revision diff are drawn for. */
interface ViewProps {
  name: string;
  namespace: string;
  focused: boolean;
  width: number;
  height: number;
  keymap: readonly KeyBinding[];
  onBack(): void;
}

export function ReleaseDetailView({ name, namespace, initialTab, focused, width, height, keymap, onBack }: ViewProps & { initialTab?: DetailTab }) {
  const color = useColor();
  const nav = useNav();
  const [tab, setTab] = useState<DetailTab>(initialTab ?? "status");
  const [marked, setMarked] = useState<number[]>([]);
  const [diff, setDiff] = useState<[number, number] | undefined>();
  const detail = useAsync(() => nav.engine.releaseDetail(name, namespace), [name, namespace, nav.generation], { pollMs: RELEASES_POLL_MS, active: focused });
  const history = useAsync(() => nav.engine.history(name, namespace), [name, namespace, nav.generation], { pollMs: RELEASES_POLL_MS, active: focused && tab === "history" });
  const now = useClock(15_000);
  const bodyHeight = Math.max(1, height - 5);

  const d = detail.data;
  const text = tab === "notes" ? d?.notes : tab === "manifest" ? d?.manifest : tab === "values" ? d?.values : tab === "hooks" ? d?.hooks : undefined;
  const lines = useMemo(() => (text ? text.replace(/\n$/, "").split("\n") : []), [text]);
  const scroll = useScroll(lines.length, bodyHeight);
  const resRows = useMemo(() => resourceRows(d?.resources ?? []), [d?.resources]);
  const resList = useList(resRows.length, bodyHeight - 1);
  const hist = useMemo(() => historyRows(history.data ?? [], marked, now), [history.data, marked, now]);
  const histList = useList(hist.length, bodyHeight - 1);
  const selectedRev = Number(hist[histList.selected]?.key ?? 0);
  const revisions = useMemo(() => (history.data ?? []).map((r) => r.revision), [history.data]);

  const view: ViewScope = diff ? "releases.diff" : tab === "history" ? "releases.history" : "releases.detail";
  useEffect(() => nav.setView("releases", view), [view, nav.setView]);

  const step = (by: number) => {
    const next = DETAIL_TABS[(DETAIL_TABS.indexOf(tab) + by + DETAIL_TABS.length) % DETAIL_TABS.length]!;
    nav.setView("releases", next === "history" ? "releases.history" : "releases.detail");
    setTab(next);
    scroll.reset();
  };
  const showDiff = (pair: [number, number] | undefined) => {
    nav.setView("releases", pair ? "releases.diff" : "releases.history");
    setDiff(pair);
  };
  const actions = releaseActions(nav, d?.row, () => (tab === "history" && selectedRev && selectedRev !== d?.row.revision ? selectedRev : undefined));
  const movement = tab === "resources" ? resList.handlers(bodyHeight - 1) : tab === "history" ? histList.handlers(bodyHeight - 1) : scroll.handlers;
  usePaneKeys("releases.detail", view === "releases.detail", { ...movement, ...actions, prevTab: () => step(-1), nextTab: () => step(1), back: onBack }, keymap);
  usePaneKeys(
    "releases.history",
    view === "releases.history",
    {
      ...movement,
      ...actions,
      prevTab: () => step(-1),
      nextTab: () => step(1),
      back: onBack,
      mark: () => setMarked((m) => (m.includes(selectedRev) ? m.filter((x) => x !== selectedRev) : [...m, selectedRev].slice(-2))),
      diff: () => {
        const pair = diffPair(marked, selectedRev, revisions);
        if (pair) showDiff(pair);
        else nav.flash("revision 1 has nothing before it: mark two revisions with Space to compare them", "warn");
      },
    },
    keymap,
  );

  if (diff) return <RevisionDiff name={name} namespace={namespace} pair={diff} focused={focused} width={width} height={height} keymap={keymap} onBack={() => showDiff(undefined)} />;

  const title = `Release · ${namespace}/${name}${d ? ` · rev ${d.row.revision}` : ""}`;
  return (
    <PaneFrame title={title} focused={focused} width={width} height={height}>
      <Tabs tabs={DETAIL_TABS} active={tab} />
      <Box height={bodyHeight} flexDirection="column">
        {detail.error && !d ? (
          <Text color={color("status.error")} wrap="wrap">
            {detail.error}
          </Text>
        ) : !d ? (
          <Text color={color("muted")}>loading…</Text>
        ) : tab === "status" ? (
          <Box flexDirection="column">
            {statusLines(d, now).map((l) => (
              <Text key={l.label} wrap="truncate">
                <Text color={color("muted")}>{`${l.label.padEnd(15)}`}</Text>
                <Text color={color(l.token ?? "text")}>{l.value}</Text>
              </Text>
            ))}
          </Box>
        ) : tab === "resources" ? (
          <Table columns={RESOURCE_COLUMNS} rows={resRows} selected={resList.selected} top={resList.top} width={width - 4} height={bodyHeight} active={focused} />
        ) : tab === "history" ? (
          history.error ? (
            <Text color={color("status.error")}>{history.error}</Text>
          ) : (
            <Table columns={HISTORY_COLUMNS} rows={hist} selected={histList.selected} top={histList.top} width={width - 4} height={bodyHeight} active={focused} />
          )
        ) : (
          <TextLines lines={lines} top={scroll.top} height={bodyHeight} yaml={tab !== "notes"} empty={`This release has no ${tab}.`} />
        )}
      </Box>
      <Text color={color(d ? statusToken(d.row.status) : "muted")} wrap="truncate">
        {d ? `${d.row.status} · ${d.row.chart} · ${d.row.description}` : ""}
      </Text>
    </PaneFrame>
  );
}

function RevisionDiff({ name, namespace, pair, focused, width, height, keymap, onBack }: ViewProps & { pair: [number, number] }) {
  const color = useColor();
  const nav = useNav();
  const [a, b] = pair;
  const manifests = useAsync(() => Promise.all([nav.engine.manifestAt(name, namespace, a), nav.engine.manifestAt(name, namespace, b)]), [name, namespace, a, b]);
  const lines = useMemo(() => (manifests.data ? unifiedDiff(manifests.data[0], manifests.data[1]) : []), [manifests.data]);
  const bodyHeight = Math.max(1, height - 4);
  const scroll = useScroll(lines.length, bodyHeight);
  usePaneKeys("releases.diff", true, { ...scroll.handlers, back: onBack }, keymap);
  const stat = diffStat(lines);
  return (
    <PaneFrame title={`Diff · ${namespace}/${name} · revision ${a} → ${b}`} focused={focused} width={width} height={height}>
      <Text wrap="truncate">
        {manifests.data ? (
          <>
            <Text color={color("status.ok")}>{`+${stat.added}`}</Text>
            <Text color={color("muted")}> </Text>
            <Text color={color("status.error")}>{`-${stat.removed}`}</Text>
            <Text color={color("muted")}>{" lines of manifest"}</Text>
          </>
        ) : (
          <Text color={color("muted")}>loading…</Text>
        )}
      </Text>
      {manifests.error ? (
        <Text color={color("status.error")}>{manifests.error}</Text>
      ) : (
        <DiffLines lines={lines} top={scroll.top} height={bodyHeight} empty={manifests.data ? `Revisions ${a} and ${b} have the same manifest.` : "loading…"} />
      )}
    </PaneFrame>
  );
}
