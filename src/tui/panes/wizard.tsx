// The install/upgrade wizard: chart -> version -> name and namespace ->
// values (edited with schema checks) -> options -> preview (a server dry run
// as a diff against the live release) -> apply, which hands over to the
// progress view. Esc steps back; the wizard holds the keyboard throughout.
import { Box, Text } from "ink";
import { useEffect, useLayoutEffect, useMemo } from "react";
import { InputLine } from "../components/InputLine.js";
import { PaneFrame } from "../components/PaneFrame.js";
import { Table } from "../components/Table.js";
import { DiffLines } from "../components/TextLines.js";
import { ValuesLines } from "../components/ValuesLines.js";
import { useAsync } from "../hooks/useAsync.js";
import { useTyping } from "../hooks/useKeyboard.js";
import { useLiveState } from "../hooks/useLiveState.js";
import { useColor } from "../hooks/useTheme.js";
import type { GoMap } from "../../template/value.js";
import { parseYamlMap } from "../../yaml/parse.js";
import type { KeyPress } from "../keymap.js";
import { useNav, type WizardInit } from "../nav.js";
import { diffStat, unifiedDiff } from "../view/diff.js";
import { inputFrom, inputKey } from "../view/input.js";
import { SEARCH_COLUMNS, searchRows, VERSION_COLUMNS, versionRows } from "../view/repos.js";
import { clampIndex, scrollTop } from "../view/table.js";
import { checkValues } from "../view/values.js";
import { editKey, editorFrom, editorText, type EditorState } from "../view/values-edit.js";
import {
  defaultName,
  newWizard,
  nextStep,
  parseDurationMs,
  prevStep,
  STEP_TITLES,
  toRequest,
  type WizardState,
  type WizardStep,
  wizardSteps,
} from "../view/wizard.js";

function parseOr(text: string): GoMap | undefined {
  try {
    return parseYamlMap(text);
  } catch {
    return undefined;
  }
}

const HINTS: Record<WizardStep, string> = {
  chart: "type to search · ↑↓ pick · Enter next · Esc close",
  version: "↑↓ pick · Enter next · Esc back",
  release: "Tab switch field · Enter next · Esc back",
  values: "edit · Tab next step · Esc back",
  options: "w wait · a atomic · c create ns · t timeout · Enter next · Esc back",
  preview: "↑↓ scroll · Enter apply · Esc back",
};

export function Wizard({ init, focused, width, height, onClose }: { init: WizardInit; focused: boolean; width: number; height: number; onClose(): void }) {
  const color = useColor();
  const nav = useNav();
  // Live state: keys typed ahead arrive several per render, each building on the one before.
  const [s, setS, getS] = useLiveState<WizardState>(() => newWizard({ namespace: nav.session.namespace, ...init }));
  const [pick, setPick, getPick] = useLiveState(0);
  const [field, setField, getField] = useLiveState<"name" | "namespace">("name");
  const [chartInput, setChartInput, getChartInput] = useLiveState(() => inputFrom(s.chartRef));
  const [editor, setEditor, getEditor] = useLiveState<EditorState>(() => editorFrom(s.values));
  const [previewTop, setPreviewTop] = useLiveState(0);
  const [editingTimeout, setEditingTimeout, getEditingTimeout] = useLiveState(false);
  const bodyHeight = Math.max(3, height - 5);

  const hits = useAsync(s.step === "chart" ? () => nav.engine.search(chartInput.text) : undefined, [s.step, chartInput.text]);
  const versions = useAsync(s.step === "version" || s.step === "values" ? () => nav.engine.versions(s.chartRef) : undefined, [s.chartRef, s.step === "version"]);
  // The chart itself (defaults and schema) once chart and version are chosen.
  const needChart = s.step === "release" || s.step === "values" || s.step === "options" || s.step === "preview";
  const chart = useAsync(needChart ? () => nav.engine.chartInfo({ ref: s.chartRef, version: s.version || undefined }) : undefined, [s.chartRef, s.version, needChart]);
  const preview = useAsync(s.step === "preview" ? () => nav.engine.preview(toRequest({ ...s, values: editorText(editor) })) : undefined, [s.step]);

  // An install starts from the chart's own values.yaml; an upgrade from the release's values.
  useEffect(() => {
    if (s.kind !== "install" || !chart.data || s.baseValues) return;
    setS((x) => ({ ...x, baseValues: chart.data!.values, values: chart.data!.values }));
    setEditor(editorFrom(chart.data.values));
  }, [chart.data, s.kind, s.baseValues, setS, setEditor]);

  const text = editorText(editor);
  // An upgrade edits the release's own values: the schema judges them laid over the chart's defaults.
  const defaults = useMemo(() => (s.kind === "upgrade" && chart.data ? parseOr(chart.data.values) : undefined), [s.kind, chart.data]);
  const check = useMemo(() => checkValues(text, chart.data?.schema, defaults), [text, chart.data?.schema, defaults]);
  const diff = useMemo(() => (preview.data ? unifiedDiff(preview.data.previous, preview.data.manifest) : []), [preview.data]);

  const go = (next: WizardState) => {
    setS(next);
    setPick(0);
    setPreviewTop(0);
  };
  const back = () => {
    const prev = prevStep(getS());
    if (prev) go(prev);
    else {
      typing.stop();
      onClose();
    }
  };
  const forward = (patch: Partial<WizardState> = {}) => {
    const next = nextStep({ ...getS(), ...patch });
    if (next.step === "release" && !next.name) next.name = defaultName(next.chartRef);
    go(next);
  };
  const apply = () => {
    const req = toRequest({ ...getS(), values: editorText(getEditor()) });
    typing.stop();
    onClose();
    const where = `${req.name} in ${req.namespace}`;
    nav.runOperation({
      title: `${req.kind} ${where} · ${req.chart.ref}${req.chart.version ? ` ${req.chart.version}` : ""}`,
      timeoutMs: req.wait || req.atomic ? parseDurationMs(req.timeout) : undefined,
      run: async (run) => {
        const r = await nav.engine.deploy(req, run);
        return `${req.kind === "install" ? "installed" : "upgraded"} ${r.name}: revision ${r.revision} ${r.status}`;
      },
    });
  };

  const list = (count: number, press: KeyPress, pageRows: number): boolean => {
    if (press.name === "up") setPick((p) => clampIndex(p - 1, count));
    else if (press.name === "down") setPick((p) => clampIndex(p + 1, count));
    else if (press.name === "pageUp") setPick((p) => clampIndex(p - pageRows, count));
    else if (press.name === "pageDown") setPick((p) => clampIndex(p + pageRows, count));
    else return false;
    return true;
  };

  const onKey = (press: KeyPress) => {
    const s = getS();
    if (press.ctrl && press.input === "c") {
      typing.stop();
      return onClose();
    }
    if (press.name === "escape" && !getEditingTimeout()) return back();
    switch (s.step) {
      case "chart": {
        const found = hits.data ?? [];
        if (list(found.length, press, bodyHeight - 3)) return;
        if (press.name === "return") {
          const chosen = found[clampIndex(getPick(), found.length)];
          // A path, URL or oci:// reference is taken as typed; a search picks the highlighted chart.
          const typed = getChartInput().text.trim();
          const ref = /^(\.|\/|~|https?:|oci:)/.test(typed) || !chosen ? typed : chosen.ref;
          return forward({ chartRef: ref, version: "" });
        }
        const next = inputKey(getChartInput(), press);
        if (next) {
          setChartInput(next);
          setPick(0);
        }
        return;
      }
      case "version": {
        const vs = versions.data ?? [];
        if (list(vs.length, press, bodyHeight - 2)) return;
        if (press.name === "return") return forward({ version: vs[clampIndex(getPick(), vs.length)]?.version ?? "" });
        return;
      }
      case "release": {
        if (press.name === "tab" || press.name === "up" || press.name === "down") return setField((f) => (f === "name" ? "namespace" : "name"));
        if (press.name === "return") return forward();
        const key = getField();
        const next = inputKey(inputFrom(s[key]), press);
        if (next) setS((x) => ({ ...x, [key]: next.text, error: undefined }));
        return;
      }
      case "values":
        if (press.name === "tab") {
          const edited = editorText(getEditor());
          const issues = checkValues(edited, chart.data?.schema, defaults).issues;
          if (issues.length > 0) return setS((x) => ({ ...x, error: `fix the ${issues.length} problem${issues.length > 1 ? "s" : ""} first: ${issues[0]!.message}` }));
          return forward({ values: edited });
        }
        setEditor((e) => editKey(e, press, bodyHeight - 1));
        if (s.error) setS((x) => ({ ...x, error: undefined }));
        return;
      case "options":
        if (getEditingTimeout()) {
          if (press.name === "return" || press.name === "escape") return setEditingTimeout(false);
          const next = inputKey(inputFrom(s.timeout), press);
          if (next) setS((x) => ({ ...x, timeout: next.text, error: undefined }));
          return;
        }
        if (press.input === "w") return setS((x) => ({ ...x, wait: !x.wait }));
        if (press.input === "a") return setS((x) => ({ ...x, atomic: !x.atomic }));
        if (press.input === "c") return setS((x) => ({ ...x, createNamespace: !x.createNamespace }));
        if (press.input === "t") return setEditingTimeout(true);
        if (press.name === "return") return forward();
        return;
      case "preview":
        if (press.name === "up") return setPreviewTop((t) => Math.max(0, t - 1));
        if (press.name === "down") return setPreviewTop((t) => Math.min(Math.max(0, diff.length - (bodyHeight - 2)), t + 1));
        if (press.name === "pageDown") return setPreviewTop((t) => Math.min(Math.max(0, diff.length - (bodyHeight - 2)), t + bodyHeight - 2));
        if (press.name === "pageUp") return setPreviewTop((t) => Math.max(0, t - (bodyHeight - 2)));
        if (press.name === "return" && preview.data) return apply();
        return;
      default: {
        const never: never = s.step;
        return never;
      }
    }
  };
  const typing = useTyping("wizard", onKey, HINTS[s.step]);
  // A layout effect runs before the next key can arrive: nothing typed right after opening is lost.
  useLayoutEffect(() => {
    if (focused) typing.start();
  }, [focused, typing.start]);

  const steps = wizardSteps(s.kind);
  const title = s.kind === "install" ? "Install a chart" : `Upgrade ${s.name} in ${s.namespace}`;
  return (
    <PaneFrame title={title} focused={focused} width={width} height={height}>
      <Text wrap="truncate">
        {steps.map((st, i) => (
          <Text key={st} color={color(st === s.step ? "paneActive" : i < steps.indexOf(s.step) ? "status.ok" : "muted")} bold={st === s.step}>
            {`${i > 0 ? " › " : ""}${i + 1} ${STEP_TITLES[st]}`}
          </Text>
        ))}
      </Text>
      <Box height={bodyHeight} flexDirection="column">
        {s.step === "chart" && (
          <>
            <InputLine label="Chart: " input={chartInput} active placeholder="search the repositories, or type a path, URL or oci:// reference" />
            {hits.data && hits.data.length > 0 ? (
              <Table columns={SEARCH_COLUMNS} rows={searchRows(hits.data)} selected={clampIndex(pick, hits.data.length)} top={scrollTop(0, clampIndex(pick, hits.data.length), bodyHeight - 2, hits.data.length)} width={width - 4} height={bodyHeight - 1} />
            ) : (
              <Text color={color("muted")}>{hits.error ?? (chartInput.text ? "no chart in the repositories matches; Enter takes what you typed" : "")}</Text>
            )}
          </>
        )}
        {s.step === "version" &&
          (versions.data && versions.data.length > 0 ? (
            <Table columns={VERSION_COLUMNS} rows={versionRows(versions.data)} selected={clampIndex(pick, versions.data.length)} top={scrollTop(0, clampIndex(pick, versions.data.length), bodyHeight - 1, versions.data.length)} width={width - 4} height={bodyHeight} />
          ) : (
            <Text color={color("muted")}>{versions.loading ? "loading versions…" : `${s.chartRef} is not in a repository index: its own version is used. Enter to go on.`}</Text>
          ))}
        {s.step === "release" && (
          <>
            <Text color={color("muted")}>{`Chart ${s.chartRef}${s.version ? ` ${s.version}` : ""}`}</Text>
            <InputLine label="Release name: " input={inputFrom(s.name)} active={field === "name"} />
            <InputLine label="Namespace:    " input={inputFrom(s.namespace)} active={field === "namespace"} />
          </>
        )}
        {s.step === "values" &&
          (chart.error ? (
            <Text color={color("status.error")} wrap="wrap">
              {chart.error}
            </Text>
          ) : (
            <>
              <Text color={color(check.issues.length ? "status.error" : "status.ok")} wrap="truncate">
                {check.issues.length ? `${check.issues.length} problem${check.issues.length > 1 ? "s" : ""}` : `valid${chart.data?.schema ? " against values.schema.json" : ""}`}
              </Text>
              <ValuesLines text={text} issues={check.issues} editor={editor} editing height={bodyHeight - 1} width={width - 4} />
            </>
          ))}
        {s.step === "options" && (
          <>
            <Text>{`[${s.wait ? "x" : " "}] w  wait until resources are ready`}</Text>
            <Text>{`[${s.atomic ? "x" : " "}] a  atomic: on failure ${s.kind === "install" ? "uninstall" : "roll back"} (implies wait)`}</Text>
            <Text>{`[${s.createNamespace ? "x" : " "}] c  create the namespace if missing`}</Text>
            <InputLine label="    t  timeout: " input={inputFrom(s.timeout)} active={editingTimeout} />
          </>
        )}
        {s.step === "preview" &&
          (preview.error ? (
            <Text color={color("status.error")} wrap="wrap">
              {`The server dry run failed: ${preview.error}`}
            </Text>
          ) : !preview.data ? (
            <Text color={color("muted")}>rendering and dry-running on the server…</Text>
          ) : (
            <>
              <Text wrap="truncate">
                <Text color={color("status.ok")}>{`+${diffStat(diff).added}`}</Text>
                <Text> </Text>
                <Text color={color("status.error")}>{`-${diffStat(diff).removed}`}</Text>
                <Text color={color("muted")}>{s.kind === "install" ? " lines: the whole manifest is new" : ` lines against revision of the live release`}</Text>
              </Text>
              <DiffLines lines={diff} top={previewTop} height={bodyHeight - 1} empty="No change to the manifest: Enter applies anyway (a new revision)." />
            </>
          ))}
      </Box>
      <Text color={color(s.error ? "status.error" : "muted")} wrap="truncate">
        {s.error ?? `${s.kind} ${s.name || "…"} · ${s.chartRef || "no chart yet"}${s.version ? ` ${s.version}` : ""} · ns ${s.namespace}`}
      </Text>
    </PaneFrame>
  );
}
