// App-level state: which pane has focus and whether an overlay holds the
// keyboard. Commands come from the keymap; quitting is the app's job, not state.
import type { Command } from "./keymap.js";
import { cyclePane, type PaneId } from "./view/panes.js";

export interface AppState {
  pane: PaneId;
  overlay: "help" | null;
}

export type StateCommand = Exclude<Command, { type: "quit" } | { type: "paneAction" }>;

export function initialState(pane: PaneId = "repositories"): AppState {
  return { pane, overlay: null };
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
    default: {
      const unhandled: never = command;
      throw new Error(`unhandled command ${JSON.stringify(unhandled)}`);
    }
  }
}
