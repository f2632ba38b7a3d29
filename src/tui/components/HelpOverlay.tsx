import { Box, Text } from "ink";
import { useColor } from "../hooks/useTheme.js";
import type { HelpSection } from "../keymap.js";

/** The `?` overlay: every live binding from the keymap, grouped by scope. */
export function HelpOverlay({ sections, width, height }: { sections: HelpSection[]; width: number; height: number }) {
  const color = useColor();
  const keyWidth = Math.max(...sections.flatMap((s) => s.rows.map((r) => r.keys.length))) + 2;
  return (
    <Box
      flexDirection="column"
      width={width}
      height={height}
      borderStyle="double"
      borderColor={color("paneActive")}
      paddingX={1}
      overflow="hidden"
    >
      <Text bold color={color("header")}>
        Keys
      </Text>
      {sections.map((section) => (
        <Box key={section.title} flexDirection="column" marginTop={1}>
          <Text bold color={color("accent")}>
            {section.title}
          </Text>
          {section.rows.map((row) => (
            <Text key={row.keys + row.description} wrap="truncate">
              <Text color={color("key")} bold>
                {row.keys.padEnd(keyWidth)}
              </Text>
              <Text color={color("text")}>{row.description}</Text>
            </Text>
          ))}
        </Box>
      ))}
    </Box>
  );
}
