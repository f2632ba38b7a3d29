import { Box, Text } from "ink";
import { useEffect, useState } from "react";
import { useList } from "../hooks/useList.js";
import { usePaneKeys } from "../hooks/useKeymap.js";
import { useColor } from "../hooks/useTheme.js";
import type { KeyBinding } from "../keymap.js";
import { useNav } from "../nav.js";
import type { Operations } from "../operations.js";
import { type ProgressState, progressRows, progressSummary } from "../view/progress.js";
import type { Column, Row } from "../view/table.js";
import { PaneFrame } from "./PaneFrame.js";
import { Table } from "./Table.js";

const COLUMNS: Column[] = [
  { title: "KIND", min: 4, max: 22 },
  { title: "NAME", min: 4, max: 36 },
  { title: "READY", min: 5 },
  { title: "STATUS", min: 6, max: 22 },
  { title: "REASON", flex: true },
];

/** An action as it happens: phase and clock, one row per resource, hooks, warnings, then the outcome. */
export function ProgressView({
  state,
  operations,
  focused,
  width,
  height,
  keymap,
}: {
  state: ProgressState;
  operations: Operations;
  focused: boolean;
  width: number;
  height: number;
  keymap: readonly KeyBinding[];
}) {
  const color = useColor();
  const nav = useNav();
  const [now, setNow] = useState(Date.now());
  const running = !state.result;
  useEffect(() => {
    if (!running) return;
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, [running]);

  const rows: Row[] = progressRows(state).map((r, i) => ({
    key: `${i}:${r.kind}/${r.name}`,
    cells: [{ text: r.kind }, { text: r.name }, { text: r.ready }, { text: r.status, token: r.token }, { text: r.reason, token: "muted" }],
  }));
  const notes = [...state.warnings.map((w) => ({ text: `⚠ ${w}`, token: "status.warn" as const })), ...state.steps.map((s) => ({ text: `· ${s}`, token: "muted" as const }))].slice(-3);
  const tableHeight = Math.max(2, height - 4 - notes.length - (state.releases.length ? 1 : 0));
  const list = useList(rows.length, tableHeight - 1);
  usePaneKeys(
    "progress",
    true,
    {
      ...list.handlers(tableHeight - 1),
      escape: () => {
        if (!operations.running) return operations.dismiss();
        nav.confirm(`Cancel: ${state.title}? The release is marked failed.`, () => operations.cancel());
      },
    },
    keymap,
  );

  const summary = progressSummary(state, now);
  const timeline = state.releases.map((r) => `rev ${r.revision} ${r.status}`).join(" → ");
  return (
    <PaneFrame title={state.title} focused={focused} width={width} height={height}>
      <Text color={color(summary.token)} bold wrap={state.result ? "wrap" : "truncate"}>
        {summary.text}
      </Text>
      {timeline && (
        <Text color={color(state.rollingBack ? "status.warn" : "muted")} wrap="truncate">
          {timeline}
        </Text>
      )}
      <Table columns={COLUMNS} rows={rows} selected={list.selected} top={list.top} width={width - 4} height={tableHeight} active={false} />
      <Box flexDirection="column">
        {notes.map((n, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: notes are positional
          <Text key={i} color={color(n.token)} wrap="truncate">
            {n.text}
          </Text>
        ))}
      </Box>
    </PaneFrame>
  );
}
