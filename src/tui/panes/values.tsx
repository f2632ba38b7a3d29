// The Values pane: a chart's values.yaml with line numbers and highlighting,
// checked on every change (YAML, then values.schema.json) with each problem on
// its line; edited in place or in $EDITOR; `v` shows the effective values.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Box, Text, useInput, useStdin } from "ink";
import { useContext, useMemo, useRef, useState } from "react";
import { EmptyStateView } from "../components/EmptyStateView.js";
import { PaneFrame } from "../components/PaneFrame.js";
import { ValuesLines } from "../components/ValuesLines.js";
import { CaptureContext, useCapture } from "../hooks/useCapture.js";
import { usePaneKeys } from "../hooks/useKeymap.js";
import { useColor } from "../hooks/useTheme.js";
import { toKeyPress } from "../keymap.js";
import { emptyState } from "../view/empty.js";
import { checkValues } from "../view/values.js";
import { defaultChartPath, readValuesSource, type ValuesSource } from "../view/values-chart.js";
import { type EditorState, editKey, editorFrom, editorText, follow } from "../view/values-edit.js";
import { effectiveValues } from "../view/values-layers.js";
import type { PaneProps } from "./types.js";

type Mode = "view" | "edit" | "effective" | "prompt";

/** `chartPath` overrides the default (the first demo chart), for tests and `:values PATH`. */
export function ValuesPane({ info, focused, width, height, keymap, chartPath }: PaneProps & { chartPath?: string }) {
  const color = useColor();
  const [opened, setOpened] = useState(() => open(chartPath ?? defaultChartPath()));
  const [editor, setEditor] = useState<EditorState>(() => editorFrom(opened.source?.text ?? ""));
  const [mode, setModeState] = useState<Mode>("view");
  // Keys can arrive faster than renders: a key right after `e` must already reach the editor.
  const modeRef = useRef<Mode>("view");
  const setMode = (m: Mode | ((prev: Mode) => Mode)) => {
    modeRef.current = typeof m === "function" ? m(modeRef.current) : m;
    setModeState(modeRef.current);
  };
  const promptRef = useRef("");
  const [prompt, setPromptState] = useState("");
  const setPrompt = (f: (p: string) => string) => {
    promptRef.current = f(promptRef.current);
    setPromptState(promptRef.current);
  };
  const [message, setMessage] = useState<string | undefined>(opened.error);
  const setCapture = useContext(CaptureContext);
  const { setRawMode } = useStdin();
  useCapture("values", focused && (mode === "edit" || mode === "prompt"));

  // Title line, a status line and the frame's borders take four rows.
  const visible = Math.max(1, height - 4);
  const text = editorText(editor);
  const source = opened.source;
  const check = useMemo(() => checkValues(text, source?.schema), [text, source?.schema]);

  const load = (path: string) => {
    const next = open(path);
    if (next.source) {
      setOpened(next);
      setEditor(editorFrom(next.source.text));
      setMessage(undefined);
    } else setMessage(next.error);
  };
  const scroll = (by: number) => setEditor((e) => follow({ ...e, row: clamp(e.row + by, 0, e.lines.length - 1) }, visible));
  // The key that opened the editor or prompt reaches the raw listener next (it subscribed after usePaneKeys); it is not text.
  const skipKey = useRef(false);
  const startCapture = (m: Mode) => {
    skipKey.current = true;
    setCapture("values", true);
    setMode(m);
  };

  const browsing = () => modeRef.current === "view" || modeRef.current === "effective";
  const guard = (handlers: Record<string, () => void>) =>
    Object.fromEntries(Object.entries(handlers).map(([k, f]) => [k, () => browsing() && f()]));
  usePaneKeys(
    "values",
    focused,
    guard({
      up: () => scroll(-1),
      down: () => scroll(1),
      pageUp: () => scroll(-visible),
      pageDown: () => scroll(visible),
      edit: () => source && startCapture("edit"),
      toggleEffective: () => setMode((m) => (m === "effective" ? "view" : "effective")),
      prompt: () => {
        setPrompt(() => "values ");
        startCapture("prompt");
      },
      externalEdit: () => {
        if (!source) return;
        setMessage(externalEdit(text, setRawMode, (edited) => setEditor((e) => follow({ ...editorFrom(edited, e.row, e.top) }, visible))));
      },
    }),
    keymap,
  );

  useInput(
    (input, key) => {
      const mode = modeRef.current;
      if (mode !== "edit" && mode !== "prompt") return;
      if (skipKey.current) {
        skipKey.current = false;
        return;
      }
      const press = toKeyPress(input, key as unknown as Record<string, unknown>);
      if (press.name === "escape") {
        setCapture("values", false);
        setMode("view");
        return;
      }
      if (mode === "edit") {
        setEditor((e) => editKey(e, press, visible));
        return;
      }
      if (press.name === "return") {
        const prompt = promptRef.current;
        const m = /^values\s+(.+)$/.exec(prompt.trim());
        setCapture("values", false);
        setMode("view");
        if (m) load(resolve(m[1]!.trim()));
        else setMessage(`unknown command ":${prompt.trim()}" (try :values PATH)`);
      } else if (press.name === "backspace" || press.name === "delete") setPrompt((p) => p.slice(0, -1));
      else if (!press.name && !press.ctrl) setPrompt((p) => p + input);
    },
    { isActive: focused },
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
  const status =
    mode === "prompt"
      ? `:${prompt}`
      : (message ?? (problems ? `${problems} problem${problems > 1 ? "s" : ""}` : mode === "edit" ? "editing · valid" : "valid"));
  return (
    <PaneFrame title={title} focused={focused} width={width} height={height}>
      {mode === "effective" ? (
        <EffectiveList source={source} values={check.values} height={visible} width={width - 4} />
      ) : (
        <ValuesLines text={text} issues={check.issues} editor={editor} editing={mode === "edit"} height={visible} width={width - 4} />
      )}
      <Box height={1}>
        <Text color={color(problems ? "status.error" : "status.ok")} wrap="truncate">
          {status}
        </Text>
      </Box>
    </PaneFrame>
  );
}

function EffectiveList({ source, values, height, width }: { source: ValuesSource; values: unknown; height: number; width: number }) {
  const color = useColor();
  const rows = effectiveValues([...source.layers, { name: "user edit", values: values ?? {} }]);
  const keyWidth = Math.min(Math.max(3, ...rows.map((r) => r.key.length)), Math.floor(width / 2));
  return (
    <Box flexDirection="column" height={height}>
      {rows.slice(0, height).map((r) => (
        <Text key={r.key} wrap="truncate">
          <Text color={color("accent")}>{r.key.padEnd(keyWidth)}</Text>
          <Text color={color("muted")}>{` ${r.layer.padEnd(14)} `}</Text>
          <Text color={color("text")}>{r.value}</Text>
        </Text>
      ))}
    </Box>
  );
}

function open(path: string | undefined): { source?: ValuesSource; error?: string } {
  if (!path) return {};
  try {
    return { source: readValuesSource(path) };
  } catch (err) {
    return { error: (err as Error).message.split("\n")[0] };
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
