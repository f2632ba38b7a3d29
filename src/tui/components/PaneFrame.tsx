import { Box, Text } from "ink";
import type { ReactNode } from "react";
import { useColor } from "../hooks/useTheme.js";

/** A bordered box with a title line; the border takes the active colour when focused. */
export function PaneFrame({
  title,
  focused,
  width,
  height,
  children,
}: {
  title: string;
  focused: boolean;
  width: number;
  height: number;
  children?: ReactNode;
}) {
  const color = useColor();
  return (
    <Box
      flexDirection="column"
      width={width}
      height={height}
      borderStyle={focused ? "bold" : "round"}
      borderColor={color(focused ? "paneActive" : "border")}
      paddingX={1}
      overflow="hidden"
    >
      <Text bold color={color("text")} wrap="truncate">
        {title}
      </Text>
      {children}
    </Box>
  );
}
