// The Search pane: fuzzy results over every repository as you type, then a
// chart's versions, Chart.yaml, README, default values and schema, from
// where it installs (wizard) or opens its values for editing.
import { Box, Text } from "ink";
import { useEffect, useMemo, useState } from "react";
import { EmptyStateView } from "../components/EmptyStateView.js";
import { InputLine } from "../components/InputLine.js";
import { PaneFrame } from "../components/PaneFrame.js";
import { Table } from "../components/Table.js";
import { Tabs } from "../components/Tabs.js";
import { TextLines } from "../components/TextLines.js";
import { useAsync } from "../hooks/useAsync.js";
import { useTyping } from "../hooks/useKeyboard.js";
import { usePaneKeys } from "../hooks/useKeymap.js";
import { useList, useScroll } from "../hooks/useList.js";
import { useLiveState } from "../hooks/useLiveState.js";
import { useColor } from "../hooks/useTheme.js";
import { useNav } from "../nav.js";
import { emptyState } from "../view/empty.js";
import { inputFrom, inputKey } from "../view/input.js";
import { CHART_TABS, type ChartTab, SEARCH_COLUMNS, searchRows, VERSION_COLUMNS, versionRows } from "../view/repos.js";
import type { PaneProps } from "./types.js";

export function SearchPane({ info, focused, width, height, keymap }: PaneProps) {
  const color = useColor();
  const nav = useNav();
  const [query, setQuery, getQuery] = useLiveState(inputFrom());
  const [open, setOpen] = useState<string | undefined>();
  const typing = useTyping(
    "search",
    (press) => {
      if (press.name === "escape" || press.name === "return" || press.name === "down") return typing.stop();
      const next = inputKey(getQuery(), press);
      if (next) setQuery(next);
    },
    "results follow as you type · Enter/↓ to the results · Esc done",
  );

  // Another pane asked for a search (Enter on a repository, :search QUERY).
  const req = nav.searchRequest;
  useEffect(() => {
    if (!req) return;
    setQuery(inputFrom(req.query));
    setOpen(undefined);
  }, [req, setQuery]);

  const results = useAsync(() => nav.engine.search(query.text), [nav.engine, query.text, nav.generation]);
  const rows = useMemo(() => searchRows(results.data ?? []), [results.data]);
  const tableHeight = Math.max(1, height - 5);
  const list = useList(rows.length, tableHeight - 1);
  const hit = results.data?.[list.selected];

  useEffect(() => nav.setView("search", open ? "search.chart" : undefined), [open, nav.setView]);

  const openChart = (ref: string | undefined) => {
    nav.setView("search", ref ? "search.chart" : undefined);
    setOpen(ref);
  };
  usePaneKeys(
    "search",
    !open,
    {
      ...list.handlers(tableHeight - 1),
      type: () => typing.start(),
      open: () => hit && openChart(hit.ref),
      install: () => hit && nav.startWizard({ kind: "install", namespace: nav.session.namespace, chartRef: hit.ref }),
    },
    keymap,
  );

  if (open) return <ChartView chartRef={open} focused={focused} width={width} height={height} keymap={keymap} onBack={() => openChart(undefined)} />;

  const title = `Search${results.data ? ` · ${results.data.length} chart${results.data.length === 1 ? "" : "s"}` : ""}`;
  return (
    <PaneFrame title={title} focused={focused} width={width} height={height}>
      <InputLine label="/ " input={query} active={typing.active} placeholder="type / to search names, descriptions and keywords (fuzzy)" />
      {results.error ? (
        <Text color={color("status.error")} wrap="wrap">
          {results.error}
        </Text>
      ) : results.data && results.data.length === 0 && !query.text ? (
        <EmptyStateView state={emptyState("search", info)} />
      ) : results.data && results.data.length === 0 ? (
        <Text color={color("muted")}>{`No chart matches "${query.text}".`}</Text>
      ) : (
        <Table columns={SEARCH_COLUMNS} rows={rows} selected={list.selected} top={list.top} width={width - 4} height={tableHeight} active={focused && !typing.active} />
      )}
    </PaneFrame>
  );
}

function ChartView({ chartRef, focused, width, height, keymap, onBack }: { chartRef: string; focused: boolean; width: number; height: number; keymap: PaneProps["keymap"]; onBack(): void }) {
  const color = useColor();
  const nav = useNav();
  const [tab, setTab] = useState<ChartTab>("versions");
  const versions = useAsync(() => nav.engine.versions(chartRef), [chartRef]);
  const vrows = useMemo(() => versionRows(versions.data ?? []), [versions.data]);
  const bodyHeight = Math.max(1, height - 5);
  const vlist = useList(vrows.length, bodyHeight - 1);
  const version = versions.data?.[vlist.selected]?.version;
  // The chart's files need the archive: fetched when a file tab first opens, for the selected version.
  const needInfo = tab !== "versions";
  const info = useAsync(needInfo ? () => nav.engine.chartInfo({ ref: chartRef, version }) : undefined, [chartRef, version, needInfo]);
  const text = tab === "chart" ? info.data?.chartYaml : tab === "readme" ? info.data?.readme : tab === "values" ? info.data?.values : tab === "schema" ? info.data?.schema : undefined;
  const lines = useMemo(() => (text ?? "").replace(/\n$/, "").split("\n").filter((l, _i, all) => all.length > 1 || l !== ""), [text]);
  const scroll = useScroll(lines.length, bodyHeight);
  const step = (by: number) => {
    setTab((t) => CHART_TABS[(CHART_TABS.indexOf(t) + by + CHART_TABS.length) % CHART_TABS.length]!);
    scroll.reset();
  };
  usePaneKeys(
    "search.chart",
    true,
    {
      ...(tab === "versions" ? vlist.handlers(bodyHeight - 1) : scroll.handlers),
      prevTab: () => step(-1),
      nextTab: () => step(1),
      back: onBack,
      install: () => nav.startWizard({ kind: "install", namespace: nav.session.namespace, chartRef, version: version ?? "" }),
      values: () => {
        nav.engine.chartInfo({ ref: chartRef, version }).then(
          (i) => nav.openValues({ kind: "chart", path: i.path, chartRef, version: i.version }),
          (err: Error) => nav.flash(err.message, "error"),
        );
      },
    },
    keymap,
  );

  return (
    <PaneFrame title={`Chart · ${chartRef}${version ? ` ${version}` : ""}`} focused={focused} width={width} height={height}>
      <Tabs tabs={CHART_TABS} active={tab} />
      <Box height={bodyHeight} flexDirection="column">
        {tab === "versions" ? (
          <Table columns={VERSION_COLUMNS} rows={vrows} selected={vlist.selected} top={vlist.top} width={width - 4} height={bodyHeight} active={focused} />
        ) : info.error ? (
          <Text color={color("status.error")} wrap="wrap">
            {info.error}
          </Text>
        ) : !info.data ? (
          <Text color={color("muted")}>{`fetching ${chartRef} ${version ?? ""}…`}</Text>
        ) : (
          <TextLines lines={lines} top={scroll.top} height={bodyHeight} yaml={tab !== "readme"} empty={tab === "schema" ? "This chart has no values.schema.json." : tab === "readme" ? "This chart has no README." : "(empty)"} />
        )}
      </Box>
    </PaneFrame>
  );
}
