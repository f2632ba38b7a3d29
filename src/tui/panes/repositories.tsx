// The Repositories pane: helm's repositories with their chart counts and last
// update; add, update (one or all, in parallel, each row showing its own
// progress), remove, and Enter to search a repository's charts.
import { Box, Text } from "ink";
import { useMemo, useState } from "react";
import { EmptyStateView } from "../components/EmptyStateView.js";
import { InputLine } from "../components/InputLine.js";
import { PaneFrame } from "../components/PaneFrame.js";
import { Table } from "../components/Table.js";
import { useAsync } from "../hooks/useAsync.js";
import { useClock } from "../hooks/useClock.js";
import { useTyping } from "../hooks/useKeyboard.js";
import { useFilter } from "../hooks/useFilter.js";
import { usePaneKeys } from "../hooks/useKeymap.js";
import { useList } from "../hooks/useList.js";
import { useLiveState } from "../hooks/useLiveState.js";
import { useColor } from "../hooks/useTheme.js";
import { useNav } from "../nav.js";
import type { RepoUpdate } from "../engine/types.js";
import { emptyState } from "../view/empty.js";
import { type InputState, inputFrom, inputKey } from "../view/input.js";
import { REPO_COLUMNS, repoRows } from "../view/repos.js";
import { filterRows } from "../view/table.js";
import type { PaneProps } from "./types.js";

export function RepositoriesPane({ info, focused, width, height, keymap }: PaneProps) {
  const color = useColor();
  const nav = useNav();
  const repos = useAsync(() => nav.engine.repositories(), [nav.engine, nav.generation]);
  const [updates, setUpdates] = useState<Map<string, RepoUpdate>>(new Map());
  const [form, setForm, getForm] = useLiveState<{ field: 0 | 1; name: InputState; url: InputState; error?: string; busy?: boolean }>({ field: 0, name: inputFrom(), url: inputFrom() });

  const { filter, typing: filterTyping } = useFilter("repositories.filter");

  const add = useTyping(
    "repositories.add",
    (press) => {
      const form = getForm();
      if (form.busy) return;
      if (press.name === "escape") return add.stop();
      if (press.name === "tab" || press.name === "down" || press.name === "up") return setForm((f) => ({ ...f, field: f.field === 0 ? 1 : 0 }));
      if (press.name === "return") {
        if (form.field === 0) return setForm((f) => ({ ...f, field: 1 }));
        const name = form.name.text.trim();
        const url = form.url.text.trim();
        if (!name || !url) return setForm((f) => ({ ...f, error: "a repository needs a name and a URL" }));
        setForm((f) => ({ ...f, busy: true, error: undefined }));
        nav.engine.addRepository(name, url).then(
          (msg) => {
            add.stop();
            setForm({ field: 0, name: inputFrom(), url: inputFrom() });
            nav.flash(msg, "ok");
            repos.reload();
          },
          (err: Error) => setForm((f) => ({ ...f, busy: false, error: err.message })),
        );
        return;
      }
      const key = form.field === 0 ? "name" : "url";
      const next = inputKey(form[key], press);
      if (next) setForm((f) => ({ ...f, [key]: next, error: undefined }));
    },
    "Tab next field · Enter add · Esc cancel",
  );

  const now = useClock(30_000);
  const all = useMemo(() => repoRows(repos.data ?? [], updates, now), [repos.data, updates, now]);
  const rows = useMemo(() => filterRows(all, filter.text), [all, filter.text]);
  const formRows = add.active ? 5 : 0;
  const tableHeight = Math.max(1, height - 4 - formRows - (filterTyping.active || filter.text ? 1 : 0));
  const list = useList(rows.length, tableHeight - 1);
  const selected = rows[list.selected]?.key;

  const update = (names: string[] | undefined) => {
    nav.engine
      .updateRepositories(names, (u) => setUpdates((m) => new Map(m).set(u.name, u)))
      .then(
        (results) => {
          const failed = results.filter((r) => r.state === "failed");
          nav.flash(
            failed.length ? `${failed.length} of ${results.length} failed to update: ${failed.map((f) => f.name).join(", ")}` : `updated ${results.length} repositor${results.length === 1 ? "y" : "ies"}`,
            failed.length ? "error" : "ok",
          );
          repos.reload();
        },
        (err: Error) => nav.flash(err.message, "error"),
      );
  };

  usePaneKeys(
    "repositories",
    true,
    {
      ...list.handlers(tableHeight - 1),
      filter: () => filterTyping.start(),
      add: () => add.start(),
      update: () => selected && update([selected]),
      updateAll: () => update(undefined),
      remove: () =>
        selected &&
        nav.confirm(`Remove repository ${selected}? (helm's repositories.yaml and its cached index)`, () =>
          nav.engine.removeRepository(selected).then(
            (msg) => {
              nav.flash(msg, "ok");
              repos.reload();
            },
            (err: Error) => nav.flash(err.message, "error"),
          ),
        ),
      open: () => selected && nav.search(`${selected}/`),
    },
    keymap,
  );

  const title = `Repositories${repos.data ? ` · ${repos.data.length}` : ""}${repos.loading ? " · loading…" : ""}`;
  return (
    <PaneFrame title={title} focused={focused} width={width} height={height}>
      {add.active && (
        <Box flexDirection="column" height={formRows}>
          <Text color={color("accent")} bold>
            Add a repository
          </Text>
          <InputLine label="Name: " input={form.name} active={form.field === 0} placeholder="e.g. bitnami" />
          <InputLine label="URL:  " input={form.url} active={form.field === 1} placeholder="https://charts.example.com" />
          <Text color={color(form.error ? "status.error" : "muted")} wrap="wrap">
            {form.busy ? "fetching index.yaml…" : (form.error ?? "")}
          </Text>
        </Box>
      )}
      {(filterTyping.active || filter.text) && <InputLine label="/" input={filter} active={filterTyping.active} />}
      {repos.error && !repos.data ? (
        <Text color={color("status.error")} wrap="wrap">
          {repos.error}
        </Text>
      ) : all.length === 0 && !repos.loading ? (
        <EmptyStateView state={emptyState("repositories", info)} />
      ) : (
        <Table columns={REPO_COLUMNS} rows={rows} selected={list.selected} top={list.top} width={width - 4} height={tableHeight} active={focused} />
      )}
    </PaneFrame>
  );
}
