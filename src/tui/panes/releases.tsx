import { EmptyStateView } from "../components/EmptyStateView.js";
import { PaneFrame } from "../components/PaneFrame.js";
import { emptyState } from "../view/empty.js";
import type { PaneProps } from "./types.js";

export function ReleasesPane({ info, focused, width, height }: PaneProps) {
  return (
    <PaneFrame title="Releases" focused={focused} width={width} height={height}>
      <EmptyStateView state={emptyState("releases", info)} />
    </PaneFrame>
  );
}
