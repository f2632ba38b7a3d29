// What each pane says while it has nothing to show. Only true statements:
// the pane names what it would list and how the user gets there, and never
// implies it looked at a cluster or a repository it has not read.
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
        lines: ["Add one with `chartroom repo add NAME URL`.", "Its charts then become searchable in the Search pane."],
      };
    case "search":
      return {
        title: "No charts to search",
        lines: ["Search covers the charts of the repositories listed in the Repositories pane."],
      };
    case "values":
      return {
        title: "No chart or release selected",
        lines: ["The values of a chart picked in Search or a release picked in Releases show here."],
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
      lines: [info.problem ?? "No kubeconfig context is selected.", "Use --kubeconfig and --kube-context to choose a cluster."],
    };
  }
  return {
    title: "No releases listed",
    lines: [`Context ${info.context}, namespace ${info.namespace}: this pane has not queried the cluster for releases.`],
  };
}
