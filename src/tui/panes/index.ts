// Pane id -> component. The app mounts every pane and hides all but the
// focused one, so a pane keeps its state (a search query, a scroll position)
// across switches. The Values pane (chart loader, YAML, schema checks) loads
// after the first frame.
import { lazy } from "react";
import type { PaneId } from "../view/panes.js";
import { ReleasesPane } from "./releases.js";
import { RepositoriesPane } from "./repositories.js";
import { SearchPane } from "./search.js";
import type { PaneComponent } from "./types.js";

export type PaneRegistry = Readonly<Record<PaneId, PaneComponent>>;

export const PANE_COMPONENTS: PaneRegistry = {
  repositories: RepositoriesPane,
  search: SearchPane,
  values: lazy(() => import("./values.js").then((m) => ({ default: m.ValuesPane }))),
  releases: ReleasesPane,
};
