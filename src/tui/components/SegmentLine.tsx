import { Text } from "ink";
import { useColor } from "../hooks/useTheme.js";
import type { Segment } from "../view/chrome.js";

/** One line of themed segments, as produced by the chrome view models. */
export function SegmentLine({ segments }: { segments: Segment[] }) {
  const color = useColor();
  return (
    <Text wrap="truncate">
      {segments.map((s, i) => (
        // Segments are positional and never reorder, so the index is a stable key.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <Text key={i} color={color(s.token)} bold={s.bold}>
          {s.text}
        </Text>
      ))}
    </Text>
  );
}
