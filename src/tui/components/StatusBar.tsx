import { Box, Text } from "ink";
import { useColor } from "../hooks/useTheme.js";
import type { Hint } from "../keymap.js";
import { fitHints, HINT_GAP } from "../view/chrome.js";

export function StatusBar({ hints, width }: { hints: Hint[]; width: number }) {
  const color = useColor();
  return (
    <Box height={1} width={width} gap={HINT_GAP}>
      {fitHints(hints, width).map((h) => (
        <Text key={h.keys + h.text} wrap="truncate">
          <Text color={color("key")} bold>
            {h.keys}
          </Text>
          <Text color={color("muted")}>{` ${h.text}`}</Text>
        </Text>
      ))}
    </Box>
  );
}
