// The Releases pane: every release of every namespace (or of `:ns NAME`),
// status in colour, a live filter, refreshed every few seconds; Enter opens
// the detail view, and the release actions work from here as well.
import { Text } from "ink";
import { useEffect, useMemo, useState } from "react";
import { EmptyStateView } from "../components/EmptyStateView.js";
import { InputLine } from "../components/InputLine.js";
import { PaneFrame } from "../components/PaneFrame.js";
import { Table } from "../components/Table.js";
import { useAsync } from "../hooks/useAsync.js";
import { useClock } from "../hooks/useClock.js";
import { useFilter } from "../hooks/useFilter.js";
import { usePaneKeys } from "../hooks/useKeymap.js";
import { useList } from "../hooks/useList.js";
import { useColor } from "../hooks/useTheme.js";
import { useNav } from "../nav.js";
import { emptyState } from "../view/empty.js";
import { RELEASE_COLUMNS, RELEASES_POLL_MS, releaseKey, releaseRows } from "../view/releases.js";
import { filterRows } from "../view/table.js";
import { ReleaseDetailView } from "./release-detail.js";
import { releaseActions } from "./release-actions.js";
import type { PaneProps } from "./types.js";

export function ReleasesPane({ info, focused, width, height, keymap }: PaneProps) {
  const color = useColor();
  const nav = useNav();
  const { allNamespaces, namespace } = nav.session;
  const releases = useAsync(() => nav.engine.listReleases(), [nav.engine, nav.generation], { pollMs: RELEASES_POLL_MS, active: focused });
  const { filter, typing } = useFilter("releases.filter");
  const [open, setOpen] = useState<{ key: string; tab?: "history" } | undefined>();

  const now = useClock(15_000);
  const scoped = useMemo(() => (releases.data ?? []).filter((r) => allNamespaces || r.namespace === namespace), [releases.data, allNamespaces, namespace]);
  const byKey = useMemo(() => new Map(scoped.map((r) => [releaseKey(r), r])), [scoped]);
  const all = useMemo(() => releaseRows(scoped, now), [scoped, now]);
  const rows = useMemo(() => filterRows(all, filter.text), [all, filter.text]);
  const showFilter = typing.active || filter.text !== "";
  const tableHeight = Math.max(1, height - 3 - (showFilter ? 1 : 0));
  const list = useList(rows.length, tableHeight - 1);
  const selected = byKey.get(rows[list.selected]?.key ?? "");

  useEffect(() => {
    if (!open) nav.setView("releases", undefined);
  }, [open, nav.setView]);
  const openDetail = (tab?: "history") => {
    if (!selected) return;
    nav.setView("releases", tab === "history" ? "releases.history" : "releases.detail");
    setOpen({ key: releaseKey(selected), tab });
  };

  usePaneKeys(
    "releases",
    !open,
    {
      ...list.handlers(tableHeight - 1),
      filter: () => typing.start(),
      open: () => openDetail(),
      history: () => openDetail("history"),
      reload: () => releases.reload(),
      install: () => nav.startWizard({ kind: "install", namespace: nav.session.namespace }),
      ...releaseActions(nav, selected),
    },
    keymap,
  );

  if (open) {
    const [ns, ...rest] = open.key.split("/");
    return (
      <ReleaseDetailView
        name={rest.join("/")}
        namespace={ns!}
        initialTab={open.tab}
        focused={focused}
        width={width}
        height={height}
        keymap={keymap}
        onBack={() => {
          nav.setView("releases", undefined);
          setOpen(undefined);
          releases.reload();
        }}
      />
    );
  }

  const scope = allNamespaces ? "all namespaces" : `namespace ${namespace}`;
  const count = releases.data ? ` · ${rows.length}${filter.text ? ` of ${all.length}` : ""}` : "";
  const title = `Releases · ${scope}${count}${releases.loading && !releases.data ? " · loading…" : ""}`;
  return (
    <PaneFrame title={title} focused={focused} width={width} height={height}>
      {showFilter && <InputLine label="/" input={filter} active={typing.active} />}
      {releases.error && !releases.data ? (
        <Text color={color("status.error")} wrap="wrap">
          {`Cannot list releases: ${releases.error}${info.sandbox === "running" ? "" : "\nNo cluster? Try chartroom --sandbox."}`}
        </Text>
      ) : all.length === 0 && releases.data ? (
        <EmptyStateView state={emptyState("releases", info)} />
      ) : (
        <Table columns={RELEASE_COLUMNS} rows={rows} selected={list.selected} top={list.top} width={width - 4} height={tableHeight} active={focused} />
      )}
    </PaneFrame>
  );
}
