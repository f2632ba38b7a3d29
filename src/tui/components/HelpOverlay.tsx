import { Box, Text } from "ink";
import { useScroll } from "../hooks/useList.js";
import { usePaneKeys } from "../hooks/useKeymap.js";
import { useColor } from "../hooks/useTheme.js";
import type { HelpSection, KeyBinding } from "../keymap.js";
import { helpLines } from "../view/help.js";

/** The `?` overlay: every live binding from the keymap, grouped by scope, in columns when wide, scrolled with ↑/↓. */
export function HelpOverlay({ sections, width, height, keymap }: { sections: HelpSection[]; width: number; height: number; keymap: readonly KeyBinding[] }) {
  const color = useColor();
  // Borders and the title take three rows.
  const rows = Math.max(1, height - 3);
  const inner = width - 4;
  const columns = inner >= 140 ? 2 : 1;
  const colWidth = Math.floor((inner - (columns - 1) * 2) / columns);
  const lines = helpLines(sections, colWidth);
  const perPage = rows * columns;
  const scroll = useScroll(Math.ceil(lines.length / columns), rows);
  usePaneKeys("help", true, scroll.handlers, keymap);
  const start = scroll.top * columns;
  const page = lines.slice(start, start + perPage);
  const cols = Array.from({ length: columns }, (_, c) => page.slice(c * rows, (c + 1) * rows));
  const more = lines.length > perPage;
  return (
    <Box flexDirection="column" width={width} height={height} borderStyle="double" borderColor={color("paneActive")} paddingX={1}>
      <Text bold color={color("header")} wrap="truncate">
        {`Keys${more ? `  (↑/↓ scroll · ${Math.min(lines.length, start + perPage)} of ${lines.length} lines)` : ""}`}
      </Text>
      <Box flexDirection="row" gap={2} height={rows}>
        {cols.map((col, c) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: columns are positional
          <Box key={c} flexDirection="column" width={colWidth}>
            {col.map((l, i) =>
              l.kind === "title" ? (
                // biome-ignore lint/suspicious/noArrayIndexKey: lines are positional
                <Text key={i} bold color={color("accent")} wrap="truncate">
                  {l.text}
                </Text>
              ) : (
                // biome-ignore lint/suspicious/noArrayIndexKey: lines are positional
                <Text key={i} wrap="truncate">
                  <Text color={color("key")} bold>
                    {l.keys}
                  </Text>
                  <Text color={color("text")}>{l.text}</Text>
                </Text>
              ),
            )}
          </Box>
        ))}
      </Box>
    </Box>
  );
}
