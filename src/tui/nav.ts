// What a pane may ask of the app: the engine and session, moving to another
// pane or view, a confirmation, the wizard, running an action, a message in
// the status bar. Panes never reach into each other; they go through this.
import { createContext, useContext } from "react";
import type { Engine } from "./engine/types.js";
import type { ViewScope } from "./keymap.js";
import type { OperationSpec } from "./operations.js";
import type { PaneId } from "./view/panes.js";
import type { WizardState } from "./view/wizard.js";

export type FlashLevel = "info" | "ok" | "warn" | "error";

/** What the Values pane is asked to open. */
export type ValuesRequest =
  | { kind: "chart"; path: string; chartRef?: string; version?: string }
  | { kind: "release"; name: string; namespace: string; chartName: string };

export interface Session {
  context?: string;
  /** Where new installs go. */
  namespace: string;
  /** The release list shows every namespace unless `:ns NAME` narrowed it. */
  allNamespaces: boolean;
}

export type WizardInit = Partial<WizardState> & Pick<WizardState, "kind">;

export interface Nav {
  engine: Engine;
  session: Session;
  readonly: boolean;
  /** Bumped when an action finishes: lists reload. */
  generation: number;
  focusPane(pane: PaneId): void;
  setView(pane: PaneId, view?: ViewScope): void;
  flash(text: string, level?: FlashLevel): void;
  confirm(message: string, onYes: () => void): void;
  startWizard(init: WizardInit): void;
  runOperation(spec: OperationSpec): void;
  openValues(request: ValuesRequest): void;
  /** The latest values request, with a sequence number so the same request twice still opens. */
  valuesRequest?: { seq: number; request: ValuesRequest };
  search(query: string): void;
  searchRequest?: { seq: number; query: string };
}

export const NavContext = createContext<Nav | null>(null);

export function useNav(): Nav {
  const nav = useContext(NavContext);
  if (!nav) throw new Error("useNav used outside <NavContext.Provider>");
  return nav;
}
