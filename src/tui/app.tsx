// The root of the terminal UI: header, pane bar, the focused pane (or the help
// overlay) and the status bar, sized to the terminal. App-level keys are
// handled here; each pane handles its own while it has focus.
import { Box, Text, useApp } from "ink";
import { useCallback, useReducer, useRef, useState } from "react";
import { HelpOverlay } from "./components/HelpOverlay.js";
import { Header } from "./components/Header.js";
import { PaneBar } from "./components/PaneBar.js";
import { StatusBar } from "./components/StatusBar.js";
import { CaptureContext } from "./hooks/useCapture.js";
import { useKeymap } from "./hooks/useKeymap.js";
import { useTerminalSize } from "./hooks/useTerminalSize.js";
import { ThemeContext, useColor } from "./hooks/useTheme.js";
import { activeScopes, helpSections, hints, KEYMAP, type KeyBinding, type Scope } from "./keymap.js";
import { PANE_COMPONENTS, type PaneRegistry } from "./panes/index.js";
import { initialState, reduce } from "./state.js";
import type { Theme } from "./theme.js";
import { layout, MIN_COLUMNS, sandboxOffer, MIN_ROWS, type SessionInfo } from "./view/chrome.js";
import { PANES, type PaneId } from "./view/panes.js";

export interface AppProps {
  info: SessionInfo;
  theme: Theme;
  initialPane?: PaneId;
  /** Injectable so tests can exercise key routing with panes and bindings of their own. */
  panes?: PaneRegistry;
  keymap?: readonly KeyBinding[];
}

const APP_SCOPES: readonly Scope[] = ["app", "global", "help"];

export function App({ theme, ...rest }: AppProps) {
  return (
    <ThemeContext.Provider value={theme}>
      <Screen {...rest} />
    </ThemeContext.Provider>
  );
}

function Screen({ info, initialPane, panes = PANE_COMPONENTS, keymap = KEYMAP }: Omit<AppProps, "theme">) {
  const { exit } = useApp();
  const [state, dispatch] = useReducer(reduce, initialPane, initialState);
  const { columns, rows } = useTerminalSize();
  const box = layout(columns, rows);
  const scopes = activeScopes(state);
  // Owners holding the keyboard; a ref so a capture set in an effect is seen by the very next key.
  const captures = useRef(new Set<string>());
  const [captured, setCaptured] = useState(false);
  const capture = useCallback((owner: string, on: boolean) => {
    if (on) captures.current.add(owner);
    else captures.current.delete(owner);
    setCaptured(captures.current.size > 0);
  }, []);
  useKeymap(
    (command) => {
      if (captures.current.size > 0) return;
      if (command.type === "quit") exit();
      else if (command.type !== "paneAction") dispatch(command);
    },
    { scopes, owns: APP_SCOPES, keymap },
  );

  if (box.tooSmall) return <TooSmall columns={columns} rows={rows} width={box.width} />;
  const helpOpen = state.overlay === "help";
  return (
    <CaptureContext.Provider value={capture}>
    <Box flexDirection="column" width={box.width} height={box.height}>
      <Header info={info} width={box.width} />
      <PaneBar active={state.pane} width={box.width} />
      <Box height={box.bodyHeight} width={box.width}>
        {PANES.map(({ id }) => {
          const Pane = panes[id];
          const visible = id === state.pane && !helpOpen;
          return (
            <Box key={id} display={visible ? "flex" : "none"}>
              <Pane info={info} focused={visible} width={box.width} height={box.bodyHeight} keymap={keymap} />
            </Box>
          );
        })}
        {helpOpen && <HelpOverlay sections={helpSections(state.pane, keymap)} width={box.width} height={box.bodyHeight} />}
      </Box>
      <StatusBar hints={captured ? [] : hints(scopes, keymap)} width={box.width} notice={captured ? "editing: Esc to leave" : sandboxOffer(info)} />
    </Box>
    </CaptureContext.Provider>
  );
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
