import { Box, Text } from "ink";
import { useColor } from "../hooks/useTheme.js";
import type { EmptyState } from "../view/empty.js";

export function EmptyStateView({ state }: { state: EmptyState }) {
  const color = useColor();
  return (
    <Box flexDirection="column" marginTop={1}>
      <Text color={color("status.info")} bold>
        {state.title}
      </Text>
      {state.lines.map((line) => (
        <Text key={line} color={color("muted")}>
          {line}
        </Text>
      ))}
    </Box>
  );
}
