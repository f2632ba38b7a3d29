import { Box, Text } from "ink";
import { useColor } from "../hooks/useTheme.js";
import { paletteSuggestions } from "../view/palette.js";

/** The `:` prompt in place of the status bar, with the commands that match what is typed. */
export function PaletteLine({ text, width }: { text: string; width: number }) {
  const color = useColor();
  const matches = paletteSuggestions(text)
    .map((s) => s.usage)
    .join("  ");
  return (
    <Box height={1} width={width}>
      <Text wrap="truncate">
        <Text color={color("paneActive")} bold>
          :
        </Text>
        <Text color={color("text")}>{text}</Text>
        <Text inverse> </Text>
        <Text color={color("muted")}>{`   ${matches}`}</Text>
      </Text>
    </Box>
  );
}
