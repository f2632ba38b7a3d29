// Pane id -> component. The app mounts every pane and hides all but the
// focused one, so a pane keeps its state (a search query, a scroll position)
// across switches.
import type { PaneId } from "../view/panes.js";
import { ReleasesPane } from "./releases.js";
import { RepositoriesPane } from "./repositories.js";
import { SearchPane } from "./search.js";
import type { PaneComponent } from "./types.js";
import { ValuesPane } from "./values.js";

export type PaneRegistry = Readonly<Record<PaneId, PaneComponent>>;

export const PANE_COMPONENTS: PaneRegistry = {
  repositories: RepositoriesPane,
  search: SearchPane,
  values: ValuesPane,
  releases: ReleasesPane,
};
