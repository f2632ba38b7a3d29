import { Box, Text } from "ink";
import { useColor } from "../hooks/useTheme.js";
import type { Hint } from "../keymap.js";
import type { TokenName } from "../theme.js";
import { fitHints, HINT_GAP } from "../view/chrome.js";

export function StatusBar({ hints, width, notice, noticeToken = "status.warn" }: { hints: Hint[]; width: number; notice?: string; noticeToken?: TokenName }) {
  const color = useColor();
  // The notice comes first and its width is taken from the hints, so it is never the part cut.
  const room = notice ? width - notice.length - HINT_GAP : width;
  return (
    <Box height={1} width={width} gap={HINT_GAP}>
      {notice && (
        <Text color={color(noticeToken)} wrap="truncate">
          {notice}
        </Text>
      )}
      {fitHints(hints, Math.max(0, room)).map((h) => (
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
