// What each pane says while it has nothing to show. Only true statements:
// the pane names what it would list and how the user gets there.
import type { SessionInfo } from "./chrome.js";
import type { PaneId } from "./panes.js";

export interface EmptyState {
  title: string;
  lines: string[];
}

export function emptyState(pane: PaneId, info: SessionInfo): EmptyState {
  switch (pane) {
    case "repositories":
      return {
        title: "No repositories yet",
        lines: [info.readonly ? "Add one with `chartroom repo add NAME URL`." : "Press a to add one (or `chartroom repo add NAME URL`).", "Its charts then become searchable in the Search pane."],
      };
    case "search":
      return {
        title: "No charts to search",
        lines: ["Search covers the charts of the repositories listed in the Repositories pane."],
      };
    case "values":
      return {
        title: "No chart or release selected",
        lines: ["The values of a chart picked in Search (v) or a release picked in Releases (e) show here."],
      };
    case "releases":
      return releasesEmpty(info);
    default: {
      const unknown: never = pane;
      throw new Error(`no empty state for pane ${String(unknown)}`);
    }
  }
}

function releasesEmpty(info: SessionInfo): EmptyState {
  if (info.problem || !info.context) {
    return {
      title: "No cluster to list releases from",
      lines: [info.problem ?? "No kubeconfig context is selected.", "Use --kubeconfig and --kube-context to choose a cluster, or try chartroom --sandbox."],
    };
  }
  return {
    title: "No releases",
    lines: [`Context ${info.context} has no release${info.readonly ? "" : ". Install one: i here, or i on a chart in Search"}.`],
  };
}
