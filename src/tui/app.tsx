// The root of the terminal UI: header, pane bar, the focused pane (or a modal:
// help, the wizard, an action's progress) and the status bar, sized to the
// terminal. App-level keys, the command palette, confirmations and the
// running action live here; each pane handles its own keys while focused.
import { Box, Text, useApp } from "ink";
import { lazy, Suspense, useCallback, useMemo, useReducer, useRef, useState, useSyncExternalStore } from "react";
import { ConfirmBox } from "./components/ConfirmBox.js";
import { HelpOverlay } from "./components/HelpOverlay.js";
import { Header } from "./components/Header.js";
import { PaneBar } from "./components/PaneBar.js";
import { PaletteLine } from "./components/PaletteLine.js";
import { ProgressView } from "./components/ProgressView.js";
import { StatusBar } from "./components/StatusBar.js";
import type { HelmPaths } from "../repo/paths.js";
import { createEngine } from "./engine/index.js";
import type { Engine } from "./engine/types.js";
import { KeyboardContext, useRootKeyboard, useTyping } from "./hooks/useKeyboard.js";
import { useKeymap } from "./hooks/useKeymap.js";
import { useTerminalSize } from "./hooks/useTerminalSize.js";
import { ThemeContext, useColor } from "./hooks/useTheme.js";
import { activeScopes, helpSections, hints, KEYMAP, type KeyBinding, keymapFor, type Scope, type ViewScope } from "./keymap.js";
import { type FlashLevel, type Nav, NavContext, type Session, type ValuesRequest, type WizardInit } from "./nav.js";
import { Operations, type OperationSpec } from "./operations.js";
import { PANE_COMPONENTS, type PaneRegistry } from "./panes/index.js";
// The wizard (chart and values checks) loads when first opened, not before the first frame.
const Wizard = lazy(() => import("./panes/wizard.js").then((m) => ({ default: m.Wizard })));
import { initialState, reduce, type StateCommand } from "./state.js";
import type { Theme } from "./theme.js";
import { inputFrom, inputKey } from "./view/input.js";
import { layout, MIN_COLUMNS, MIN_ROWS, type SessionInfo, sandboxOffer } from "./view/chrome.js";
import { parsePalette } from "./view/palette.js";
import { PANES, type PaneId } from "./view/panes.js";

export interface AppProps {
  info: SessionInfo;
  theme: Theme;
  /** Builds the engine for a context and namespace (again after `:ctx`). */
  makeEngine?: (s: EngineTarget) => Engine;
  /** Starts the embedded sandbox and its demo repository for `:sandbox`; the app then works on it. */
  openSandbox?: () => Promise<EngineTarget & { context: string }>;
  /** Loads a theme by name for `:theme NAME`; throws a user-facing error for an unknown one. */
  loadTheme?: (name: string) => Theme;
  /** Checks a kube context for `:ctx NAME`: a problem in words, or undefined. */
  checkContext?: (name: string) => string | undefined;
  initialPane?: PaneId;
  /** Injectable so tests can exercise key routing with panes and bindings of their own. */
  panes?: PaneRegistry;
  keymap?: readonly KeyBinding[];
  operations?: Operations;
}

export function App({ theme: initialTheme, loadTheme, ...rest }: AppProps) {
  const [theme, setTheme] = useState(initialTheme);
  return (
    <ThemeContext.Provider value={theme}>
      <Screen {...rest} setTheme={(name) => setTheme(loadTheme ? loadTheme(name) : initialTheme)} />
    </ThemeContext.Provider>
  );
}

interface Flash {
  text: string;
  level: FlashLevel;
  seq: number;
}

function Screen({
  info: initialInfo,
  initialPane,
  panes = PANE_COMPONENTS,
  keymap: fullKeymap = KEYMAP,
  makeEngine,
  openSandbox,
  checkContext,
  operations: ops,
  setTheme,
}: Omit<AppProps, "theme" | "loadTheme"> & { setTheme(name: string): void }) {
  const { exit } = useApp();
  const [state, dispatchState] = useReducer(reduce, initialPane, initialState);
  // What has focus, kept current as each key changes it: keys resolve against this, not the last render.
  const live = useRef({ state, confirm: false, wizard: false });
  live.current.state = state;
  const operations = useRef(ops ?? new Operations()).current;
  const dispatch = useCallback((cmd: StateCommand) => {
    live.current.state = reduce(live.current.state, cmd);
    dispatchState(cmd);
  }, []);
  const liveScopes = useCallback(() => {
    const l = live.current;
    const modal = l.confirm ? "confirm" : operations.snapshot() ? "progress" : l.wizard ? "wizard" : undefined;
    return activeScopes({ pane: l.state.pane, overlay: l.state.overlay, view: l.state.views[l.state.pane], modal });
  }, [operations]);
  const { keyboard, captured, hint } = useRootKeyboard(liveScopes);
  const { columns, rows } = useTerminalSize();
  const keymap = useMemo(() => keymapFor(initialInfo.readonly, fullKeymap), [initialInfo.readonly, fullKeymap]);

  const [session, setSession] = useState<Session>({ context: initialInfo.context, namespace: initialInfo.namespace, allNamespaces: true });
  // Set once `:sandbox` has started one: the cluster and repositories the app then works on.
  const [sandbox, setSandbox] = useState<(EngineTarget & { context: string }) | "starting" | undefined>();
  const onSandbox = typeof sandbox === "object";
  const info: SessionInfo = {
    ...initialInfo,
    context: session.context,
    namespace: session.namespace,
    ...(onSandbox ? { sandbox: "running" as const, problem: undefined } : {}),
  };
  const engine = useMemo(
    () =>
      (makeEngine ?? defaultEngine)({
        context: session.context,
        namespace: session.namespace,
        ...(typeof sandbox === "object" ? { kubeconfig: sandbox.kubeconfig, paths: sandbox.paths } : {}),
      }),
    [makeEngine, session.context, session.namespace, sandbox],
  );

  const progress = useSyncExternalStore(operations.subscribe, operations.snapshot);
  const [wizard, setWizardState] = useState<{ seq: number; init: WizardInit } | null>(null);
  const [confirm, setConfirmState] = useState<{ message: string; onYes: () => void } | null>(null);
  live.current.confirm = confirm !== null;
  live.current.wizard = wizard !== null;
  const setWizard = useCallback((w: { seq: number; init: WizardInit } | null) => {
    live.current.wizard = w !== null;
    setWizardState(w);
  }, []);
  const setConfirm = useCallback((c: { message: string; onYes: () => void } | null) => {
    live.current.confirm = c !== null;
    setConfirmState(c);
  }, []);
  const [flash, setFlash] = useState<Flash | null>(null);
  const flashTimer = useRef<NodeJS.Timeout | undefined>(undefined);
  const [valuesRequest, setValuesRequest] = useState<Nav["valuesRequest"]>();
  const [searchRequest, setSearchRequest] = useState<Nav["searchRequest"]>();
  const seq = useRef(0);

  const showFlash = useCallback((text: string, level: FlashLevel = "info") => {
    clearTimeout(flashTimer.current);
    setFlash({ text, level, seq: ++seq.current });
    flashTimer.current = setTimeout(() => setFlash(null), level === "error" ? 10_000 : 5_000);
    flashTimer.current.unref?.();
  }, []);

  const runOperation = useCallback(
    (spec: OperationSpec) => {
      if (operations.running) return showFlash("another action is still running", "warn");
      setWizard(null);
      void operations.start(spec);
    },
    [operations, showFlash, setWizard],
  );

  const modal: "confirm" | "wizard" | "progress" | undefined = confirm ? "confirm" : progress ? "progress" : wizard ? "wizard" : undefined;
  const view = state.views[state.pane];
  const scopes = activeScopes({ pane: state.pane, overlay: state.overlay, view, modal });

  // Stable functions, one object per change of what panes read: a pane effect that
  // depends on nav.setView must not run again on every render of the app.
  const actions = useMemo(
    () => ({
      focusPane: (pane: PaneId) => dispatch({ type: "focusPane", pane }),
      setView: (pane: PaneId, v?: ViewScope) => dispatch({ type: "setView", pane, view: v }),
      flash: showFlash,
      confirm: (message: string, onYes: () => void) => setConfirm({ message, onYes }),
      startWizard: (init: WizardInit) => {
        if (initialInfo.readonly) return showFlash("read-only session: installs and upgrades are off", "warn");
        setWizard({ seq: ++seq.current, init });
      },
      runOperation,
      openValues: (request: ValuesRequest) => {
        setValuesRequest({ seq: ++seq.current, request });
        dispatch({ type: "focusPane", pane: "values" });
      },
      search: (query: string) => {
        setSearchRequest({ seq: ++seq.current, query });
        dispatch({ type: "focusPane", pane: "search" });
      },
    }),
    [dispatch, showFlash, setConfirm, setWizard, runOperation, initialInfo.readonly],
  );
  const generation = operations.generation;
  const nav: Nav = useMemo(
    () => ({ ...actions, engine, session, readonly: initialInfo.readonly, generation, valuesRequest, searchRequest }),
    [actions, engine, session, initialInfo.readonly, generation, valuesRequest, searchRequest],
  );

  const palette = useTyping(
    "palette",
    (press) => {
      const text = live.current.state.palette ?? "";
      if (press.name === "escape") {
        palette.stop();
        dispatch({ type: "closePalette" });
      } else if (press.name === "return") {
        palette.stop();
        dispatch({ type: "closePalette" });
        runPalette(text);
      } else {
        const next = inputKey(inputFrom(text), press);
        if (next) dispatch({ type: "paletteText", text: next.text });
      }
    },
    "Enter run · Esc cancel",
    keyboard,
  );

  function runPalette(text: string) {
    const cmd = parsePalette(text);
    if ("error" in cmd) return showFlash(cmd.error, "error");
    switch (cmd.type) {
      case "pane":
        if (cmd.pane === "values" && cmd.arg) return nav.openValues({ kind: "chart", path: cmd.arg });
        if (cmd.pane === "search" && cmd.arg) return nav.search(cmd.arg);
        return dispatch({ type: "focusPane", pane: cmd.pane });
      case "namespace":
        if (cmd.name === "all" || cmd.name === "-A") return setSession((s) => ({ ...s, allNamespaces: true }));
        if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(cmd.name)) return showFlash(`"${cmd.name}" is not a valid namespace name`, "error");
        setSession((s) => ({ ...s, namespace: cmd.name, allNamespaces: false }));
        return showFlash(`namespace ${cmd.name}: new installs go there, the release list shows only it (:ns all to list every namespace)`, "ok");
      case "context": {
        const problem = checkContext?.(cmd.name);
        if (problem) return showFlash(problem, "error");
        setSession((s) => ({ ...s, context: cmd.name }));
        return showFlash(`context ${cmd.name}`, "ok");
      }
      case "sandbox":
        if (info.sandbox === "running") return showFlash("already on the sandbox", "info");
        if (!openSandbox) return showFlash("the sandbox cannot start from here: run chartroom --sandbox", "warn");
        if (sandbox === "starting") return;
        setSandbox("starting");
        showFlash("starting the sandbox and the demo repository…", "info");
        openSandbox().then(
          (t) => {
            setSandbox(t);
            setSession((s) => ({ ...s, context: t.context, namespace: t.namespace ?? "default" }));
            showFlash("on the sandbox: a local cluster and the demo repository, gone when you quit", "ok");
          },
          (err: Error) => {
            setSandbox(undefined);
            showFlash(`the sandbox did not start: ${err.message}`, "error");
          },
        );
        return;
      case "theme":
        try {
          setTheme(cmd.name);
          return showFlash(`theme ${cmd.name}`, "ok");
        } catch (err) {
          return showFlash((err as Error).message, "error");
        }
      case "install":
        return nav.startWizard({ kind: "install", namespace: session.namespace, chartRef: cmd.chart ?? "" });
      case "help":
        return dispatch({ type: "openHelp" });
      case "quit":
        return exit();
      default: {
        const never: never = cmd;
        return never;
      }
    }
  }

  useKeymap(
    (command, binding) => {
      if (command.type === "quit") {
        if (operations.running) return showFlash("an action is running: Esc in its view cancels it first", "warn");
        exit();
      } else if (command.type === "openPalette") {
        dispatch({ type: "openPalette" });
        palette.start();
      } else if (command.type === "paneAction") {
        if (binding.scope === "confirm" && confirm) {
          setConfirm(null);
          if (command.action === "yes") confirm.onYes();
        }
      } else dispatch(command);
    },
    { owns: APP_SCOPES, keymap, keyboard },
  );

  const box = layout(columns, rows);
  if (box.tooSmall) return <TooSmall columns={columns} rows={rows} width={box.width} />;
  const helpOpen = state.overlay === "help";
  const confirmRows = confirm ? 3 : 0;
  const bodyHeight = Math.max(0, box.bodyHeight - confirmRows);
  const showPanes = !helpOpen && !progress && !wizard;
  const barHints = captured ? [] : hints(scopes, keymap);
  const notice = flash?.text ?? (captured ? (hint ?? "typing: Esc to leave") : sandboxOffer(info));
  const noticeToken = flash ? FLASH_TOKENS[flash.level] : captured ? "status.info" : "status.warn";

  return (
    <KeyboardContext.Provider value={keyboard}>
      <NavContext.Provider value={nav}>
        <Box flexDirection="column" width={box.width} height={box.height}>
          <Header info={info} width={box.width} />
          <PaneBar active={state.pane} width={box.width} />
          <Box height={bodyHeight} width={box.width}>
            {PANES.map(({ id }) => {
              const Pane = panes[id];
              const visible = id === state.pane && showPanes;
              return (
                <Box key={id} display={visible ? "flex" : "none"}>
                  <Suspense fallback={<Loading />}>
                    <Pane info={info} focused={visible && !confirm} width={box.width} height={bodyHeight} keymap={keymap} />
                  </Suspense>
                </Box>
              );
            })}
            {helpOpen && <HelpOverlay sections={helpSections(state.pane, keymap, view)} width={box.width} height={bodyHeight} keymap={keymap} />}
            {!helpOpen && progress && <ProgressView state={progress} operations={operations} focused={modal === "progress"} width={box.width} height={bodyHeight} keymap={keymap} />}
            {!helpOpen && !progress && wizard && (
              <Suspense fallback={<Loading />}>
                <Wizard key={wizard.seq} init={wizard.init} focused={modal === "wizard"} width={box.width} height={bodyHeight} onClose={() => setWizard(null)} />
              </Suspense>
            )}
          </Box>
          {confirm && <ConfirmBox message={confirm.message} width={box.width} />}
          {state.palette !== null ? (
            <PaletteLine text={state.palette} width={box.width} />
          ) : (
            <StatusBar hints={barHints} width={box.width} notice={notice} noticeToken={noticeToken} />
          )}
        </Box>
      </NavContext.Provider>
    </KeyboardContext.Provider>
  );
}

const APP_SCOPES: readonly Scope[] = ["app", "global", "help", "confirm"];

/** Where the engine works: a kubeconfig context and namespace, and (on the sandbox) its kubeconfig and repository files. */
export interface EngineTarget {
  context?: string;
  namespace: string;
  kubeconfig?: string;
  paths?: Partial<HelmPaths>;
}

/** The current kubeconfig's cluster, for apps built without an explicit engine. */
function defaultEngine(s: EngineTarget): Engine {
  return createEngine({ kubeconfig: s.kubeconfig, kubeContext: s.context, namespace: s.namespace, context: s.context, paths: s.paths });
}

const FLASH_TOKENS = { info: "status.info", ok: "status.ok", warn: "status.warn", error: "status.error" } as const;

function Loading() {
  const color = useColor();
  return <Text color={color("muted")}>loading…</Text>;
}

function TooSmall({ columns, rows, width }: { columns: number; rows: number; width: number }) {
  const color = useColor();
  return (
    <Box flexDirection="column" width={width}>
      <Text color={color("status.warn")} wrap="wrap">
        {`Terminal too small: ${columns}x${rows}. Chartroom needs at least ${MIN_COLUMNS}x${MIN_ROWS}.`}
      </Text>
      <Text color={color("muted")} wrap="wrap">
        Enlarge the window, or press q to quit.
      </Text>
    </Box>
  );
}
