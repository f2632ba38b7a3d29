// The panes of the app, in tab order. Pure data: the keymap derives the 1-4
// bindings from it and the pane bar draws it; components live in ../panes.

export const PANES = [
  { id: "repositories", title: "Repositories" },
  { id: "search", title: "Search" },
  { id: "values", title: "Values" },
  { id: "releases", title: "Releases" },
] as const;

export type PaneId = (typeof PANES)[number]["id"];

export const PANE_IDS: readonly PaneId[] = PANES.map((p) => p.id);

export function paneTitle(id: PaneId): string {
  return PANES.find((p) => p.id === id)!.title;
}

/** The pane `step` places away from `id`, wrapping around (Tab is +1, Shift-Tab -1). */
export function cyclePane(id: PaneId, step: number): PaneId {
  const n = PANE_IDS.length;
  return PANE_IDS[(((PANE_IDS.indexOf(id) + step) % n) + n) % n]!;
}
