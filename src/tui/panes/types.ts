import type { FunctionComponent } from "react";
import type { KeyBinding } from "../keymap.js";
import type { SessionInfo } from "../view/chrome.js";

/** What the app hands every pane. Panes own their keys (usePaneKeys with `focused`) and their data. */
export interface PaneProps {
  info: SessionInfo;
  /** True while the pane has focus and no overlay holds the keyboard. */
  focused: boolean;
  width: number;
  height: number;
  keymap: readonly KeyBinding[];
}

export type PaneComponent = FunctionComponent<PaneProps>;
