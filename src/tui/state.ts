// App-level state: which pane has focus, its sub-view, and whether the help
// overlay or the command palette holds the keyboard. Quitting and modals
// (confirmations, the wizard, progress) are the app component's job.
import type { Command, ViewScope } from "./keymap.js";
import { cyclePane, type PaneId } from "./view/panes.js";

export interface AppState {
  pane: PaneId;
  overlay: "help" | null;
  /** The command palette's text while it is open. */
  palette: string | null;
  /** Each pane's current sub-view, when it shows one. */
  views: Partial<Record<PaneId, ViewScope>>;
}

export type StateCommand =
  | Exclude<Command, { type: "quit" } | { type: "paneAction" }>
  | { type: "setView"; pane: PaneId; view?: ViewScope }
  | { type: "paletteText"; text: string }
  | { type: "closePalette" };

export function initialState(pane: PaneId = "repositories"): AppState {
  return { pane, overlay: null, palette: null, views: {} };
}

export function reduce(state: AppState, command: StateCommand): AppState {
  switch (command.type) {
    case "focusPane":
      return state.pane === command.pane ? state : { ...state, pane: command.pane };
    case "nextPane":
      return { ...state, pane: cyclePane(state.pane, 1) };
    case "prevPane":
      return { ...state, pane: cyclePane(state.pane, -1) };
    case "openHelp":
      return { ...state, overlay: "help" };
    case "closeHelp":
      return { ...state, overlay: null };
    case "openPalette":
      return { ...state, palette: "" };
    case "paletteText":
      return { ...state, palette: command.text };
    case "closePalette":
      return { ...state, palette: null };
    case "setView":
      return state.views[command.pane] === command.view ? state : { ...state, views: { ...state.views, [command.pane]: command.view } };
    default: {
      const unhandled: never = command;
      throw new Error(`unhandled command ${JSON.stringify(unhandled)}`);
    }
  }
}
