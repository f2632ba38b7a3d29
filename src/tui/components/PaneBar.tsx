import { Box, Text } from "ink";
import { useColor } from "../hooks/useTheme.js";
import { paneTabs } from "../view/chrome.js";
import type { PaneId } from "../view/panes.js";

/** The tabs; the focused one is drawn inverse so it stands out with or without colour. */
export function PaneBar({ active, width }: { active: PaneId; width: number }) {
  const color = useColor();
  return (
    <Box height={1} width={width} gap={1}>
      {paneTabs(active, width).map((tab) => (
        <Text
          key={tab.id}
          wrap="truncate"
          inverse={tab.active}
          bold={tab.active}
          color={color(tab.active ? "paneActive" : "paneInactive")}
        >
          {` ${tab.label} `}
        </Text>
      ))}
    </Box>
  );
}
