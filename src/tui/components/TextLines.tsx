import { Box, Text } from "ink";
import { useColor } from "../hooks/useTheme.js";
import type { DiffLine } from "../view/diff.js";
import { highlightYamlLine } from "../view/highlight.js";

/** A window of text from line `top`; YAML is highlighted. */
export function TextLines({ lines, top, height, yaml = false, empty }: { lines: readonly string[]; top: number; height: number; yaml?: boolean; empty?: string }) {
  const color = useColor();
  if (lines.length === 0) {
    return (
      <Box height={height}>
        <Text color={color("muted")}>{empty ?? "(empty)"}</Text>
      </Box>
    );
  }
  return (
    <Box flexDirection="column" height={height}>
      {lines.slice(top, top + height).map((l, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: lines are positional
        <Text key={top + i} wrap="truncate">
          {yaml
            ? highlightYamlLine(l).map((s, j) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: segments are positional
                <Text key={j} color={color(s.token)}>
                  {s.text}
                </Text>
              ))
            : l || " "}
        </Text>
      ))}
    </Box>
  );
}

/** A window of a unified diff: additions in the ok colour, removals in the error colour. */
export function DiffLines({ lines, top, height, empty }: { lines: readonly DiffLine[]; top: number; height: number; empty: string }) {
  const color = useColor();
  if (lines.length === 0) {
    return (
      <Box height={height}>
        <Text color={color("muted")}>{empty}</Text>
      </Box>
    );
  }
  const token = (op: DiffLine["op"]) => (op === "+" ? "status.ok" : op === "-" ? "status.error" : op === "@" ? "accent" : "text");
  return (
    <Box flexDirection="column" height={height}>
      {lines.slice(top, top + height).map((l, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: lines are positional
        <Text key={top + i} wrap="truncate" color={color(token(l.op))}>
          {l.op === "@" ? l.text : `${l.op}${l.text}`}
        </Text>
      ))}
    </Box>
  );
}
