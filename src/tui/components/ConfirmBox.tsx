import { Box, Text } from "ink";
import { useColor } from "../hooks/useTheme.js";

/** A question that must be answered before anything else happens: y goes ahead, n or Esc does not. */
export function ConfirmBox({ message, width }: { message: string; width: number }) {
  const color = useColor();
  return (
    <Box height={3} width={width} borderStyle="round" borderColor={color("status.warn")} paddingX={1}>
      <Text wrap="truncate">
        <Text color={color("status.warn")} bold>
          {message}
        </Text>
        <Text color={color("key")} bold>
          {"  y"}
        </Text>
        <Text color={color("muted")}> yes </Text>
        <Text color={color("key")} bold>
          n
        </Text>
        <Text color={color("muted")}> no</Text>
      </Text>
    </Box>
  );
}
