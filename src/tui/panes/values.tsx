// The Values pane: a chart's values.yaml, or a release's values, with line
// numbers and highlighting, checked on every change (YAML, then
// values.schema.json) with each problem on its line; edited in place or in
// $EDITOR; `v` shows the effective values and the layer that set each key;
// `i` installs the chart (or upgrades the release) with what is on screen.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Box, Text, useStdin } from "ink";
import { useEffect, useMemo, useRef, useState } from "react";
import { EmptyStateView } from "../components/EmptyStateView.js";
import { PaneFrame } from "../components/PaneFrame.js";
import { ValuesLines } from "../components/ValuesLines.js";
import { useTyping } from "../hooks/useKeyboard.js";
import { usePaneKeys } from "../hooks/useKeymap.js";
import { useColor } from "../hooks/useTheme.js";
import { useNav, type ValuesRequest } from "../nav.js";
import { emptyState } from "../view/empty.js";
import { checkValues } from "../view/values.js";
import { defaultChartPath, readValuesSource, type ValuesSource } from "../view/values-chart.js";
import { type EditorState, editKey, editorFrom, editorText, follow } from "../view/values-edit.js";
import { effectiveValues } from "../view/values-layers.js";
import { parseYamlMap } from "../../yaml/parse.js";
import type { PaneProps } from "./types.js";

/** What the pane edits: a chart's values file, or a release's user-supplied values. */
interface Opened {
  source: ValuesSource;
  /** For `i`: install this chart, or upgrade this release. */
  target: { kind: "chart"; chartRef: string; version?: string } | { kind: "release"; name: string; namespace: string; chartName: string };
}

/** `chartPath` overrides the default (the first demo chart), for tests. */
export function ValuesPane({ info, focused, width, height, keymap, chartPath }: PaneProps & { chartPath?: string }) {
  const color = useColor();
  const nav = useNav();
  // Nothing is read until the pane is first shown: the first frame of the app does not wait on a chart.
  const [opened, setOpened] = useState<{ value?: Opened; error?: string }>({});
  const source = opened.value?.source;
  const [editor, setEditor] = useState<EditorState>(() => editorFrom(""));
  const [effective, setEffective] = useState(false);
  const [message, setMessage] = useState<string | undefined>();
  const { setRawMode } = useStdin();

  // Title line, a status line and the frame's borders take four rows.
  const visible = Math.max(1, height - 4);
  const text = editorText(editor);
  const check = useMemo(() => checkValues(text, source?.schema, source?.defaults), [text, source?.schema, source?.defaults]);

  const show = (next: { value?: Opened; error?: string }) => {
    if (next.value) {
      setOpened(next);
      setEditor(editorFrom(next.value.source.text));
      setEffective(false);
      setMessage(undefined);
    } else setMessage(next.error);
  };

  const shown = useRef(false);
  useEffect(() => {
    if (!focused || shown.current) return;
    shown.current = true;
    if (!latest.current.opened && !nav.valuesRequest) latest.current.show(openChart(chartPath ?? defaultChartPath()));
  }, [focused, chartPath, nav.valuesRequest]);

  // Another pane asked for a chart's or a release's values.
  const req = nav.valuesRequest;
  const latest = useRef({ nav, show, opened: Boolean(opened.value) });
  latest.current = { nav, show, opened: Boolean(opened.value) };
  useEffect(() => {
    if (!req) return;
    let live = true;
    openRequest(req.request, latest.current.nav).then((next) => live && latest.current.show(next));
    return () => {
      live = false;
    };
  }, [req]);

  const editing = useTyping(
    "values",
    (press) => {
      if (press.name === "escape") return editing.stop();
      setEditor((e) => editKey(e, press, visible));
    },
    "editing: Esc to leave",
  );

  const scroll = (by: number) => setEditor((e) => follow({ ...e, row: clamp(e.row + by, 0, e.lines.length - 1) }, visible));
  usePaneKeys(
    "values",
    true,
    {
      up: () => scroll(-1),
      down: () => scroll(1),
      pageUp: () => scroll(-visible),
      pageDown: () => scroll(visible),
      top: () => scroll(-editor.lines.length),
      bottom: () => scroll(editor.lines.length),
      edit: () => {
        if (!source) return;
        setEffective(false);
        editing.start();
      },
      toggleEffective: () => setEffective((v) => !v),
      externalEdit: () => {
        if (!source) return;
        setMessage(externalEdit(text, setRawMode, (edited) => setEditor((e) => follow({ ...editorFrom(edited, e.row, e.top) }, visible))));
      },
      deploy: () => {
        const o = opened.value;
        if (!o) return;
        if (check.issues.length > 0) return setMessage(`fix the ${check.issues.length} problem${check.issues.length > 1 ? "s" : ""} before deploying`);
        if (o.target.kind === "chart") {
          nav.startWizard({ kind: "install", chartRef: o.target.chartRef, version: o.target.version ?? "", values: text, baseValues: o.source.text, step: "release" });
        } else {
          const { name, namespace, chartName } = o.target;
          nav.engine.search(chartName).then((hits) => {
            const same = hits.find((h) => h.chart === chartName);
            nav.startWizard({ kind: "upgrade", name, namespace, chartRef: same?.ref ?? "", version: same?.version ?? "", values: text, baseValues: o.source.text, step: same ? "version" : "chart" });
          });
        }
      },
    },
    keymap,
  );

  if (!source) {
    return (
      <PaneFrame title="Values" focused={focused} width={width} height={height}>
        <EmptyStateView state={emptyState("values", info)} />
        {message && <Text color={color("status.error")}>{message}</Text>}
      </PaneFrame>
    );
  }
  const title = `Values · ${source.chartName} · ${source.path}`;
  const problems = check.issues.length;
  const status = message ?? (problems ? `${problems} problem${problems > 1 ? "s" : ""}` : editing.active ? "editing · valid" : "valid");
  return (
    <PaneFrame title={title} focused={focused} width={width} height={height}>
      {effective ? (
        <EffectiveList source={source} values={check.values} height={visible} width={width - 4} />
      ) : (
        <ValuesLines text={text} issues={check.issues} editor={editor} editing={editing.active} height={visible} width={width - 4} />
      )}
      <Box height={1}>
        <Text color={color(problems || message ? "status.error" : "status.ok")} wrap="truncate">
          {status}
        </Text>
      </Box>
    </PaneFrame>
  );
}

function EffectiveList({ source, values, height, width }: { source: ValuesSource; values: unknown; height: number; width: number }) {
  const color = useColor();
  const rows = effectiveValues([...source.layers, { name: source.editLayer ?? "user edit", values: values ?? {} }]);
  const keyWidth = Math.min(Math.max(3, ...rows.map((r) => r.key.length)), Math.floor(width / 2));
  return (
    <Box flexDirection="column" height={height}>
      {rows.slice(0, height).map((r) => (
        <Text key={r.key} wrap="truncate">
          <Text color={color("accent")}>{r.key.padEnd(keyWidth)}</Text>
          <Text color={color("muted")}>{` ${r.layer.padEnd(16)} `}</Text>
          <Text color={color("text")}>{r.value}</Text>
        </Text>
      ))}
    </Box>
  );
}

function openChart(path: string | undefined, chartRef?: string, version?: string): { value?: Opened; error?: string } {
  if (!path) return {};
  try {
    const source = readValuesSource(path);
    return { value: { source, target: { kind: "chart", chartRef: chartRef ?? resolve(path), version } } };
  } catch (err) {
    return { error: (err as Error).message.split("\n")[0] };
  }
}

async function openRequest(r: ValuesRequest, nav: ReturnType<typeof useNav>): Promise<{ value?: Opened; error?: string }> {
  if (r.kind === "chart") return openChart(resolve(r.path), r.chartRef, r.version);
  try {
    const d = await nav.engine.releaseDetail(r.name, r.namespace);
    const defaults = d.chartValues ? parseYamlMap(d.chartValues) : {};
    const source: ValuesSource = {
      path: `release ${r.namespace}/${r.name} rev ${d.row.revision}`,
      chartName: d.row.chart,
      text: d.values,
      schema: d.schema,
      layers: [{ name: "chart default", values: defaults }],
      defaults,
      editLayer: "release values",
    };
    return { value: { source, target: { kind: "release", name: r.name, namespace: r.namespace, chartName: r.chartName } } };
  } catch (err) {
    return { error: (err as Error).message };
  }
}

/** Ink gives up the terminal while the editor runs (the event loop is blocked, so nothing draws over it). */
function externalEdit(text: string, setRawMode: (on: boolean) => void, onEdited: (text: string) => void): string {
  const editor = process.env.VISUAL || process.env.EDITOR || "vi";
  const dir = mkdtempSync(join(tmpdir(), "chartroom-values-"));
  const file = join(dir, "values.yaml");
  try {
    writeFileSync(file, text);
    setRawMode(false);
    const result = spawnSync(`${editor} "${file}"`, { stdio: "inherit", shell: true });
    setRawMode(true);
    // The editor drew over the screen; clear it so the next frame is drawn whole.
    process.stdout.write("\x1b[2J\x1b[H");
    if (result.error || result.status !== 0) return `${editor} exited with ${result.error?.message ?? `status ${result.status}`}; values unchanged`;
    onEdited(readFileSync(file, "utf8"));
    return `reloaded from ${editor}`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.min(Math.max(n, lo), Math.max(lo, hi));
}
