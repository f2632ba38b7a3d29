import { Box, Text } from "ink";
import { useColor, useTheme } from "../hooks/useTheme.js";
import { type Column, columnWidths, fitCell, type Row } from "../view/table.js";

const GAP = 2;

/** A header line and the rows from `top` that fit in `height` (header included), the selected one highlighted. */
export function Table({
  columns,
  rows,
  selected,
  top,
  width,
  height,
  active = true,
}: {
  columns: readonly Column[];
  rows: readonly Row[];
  selected: number;
  top: number;
  width: number;
  height: number;
  active?: boolean;
}) {
  const color = useColor();
  const theme = useTheme();
  const widths = columnWidths(columns, rows, width, GAP);
  const line = (cells: { text: string }[]) => cells.map((c, i) => fitCell(c.text, widths[i]!, columns[i]!.align)).join(" ".repeat(GAP));
  const visible = rows.slice(top, top + Math.max(0, height - 1));
  return (
    <Box flexDirection="column" height={height} width={width}>
      <Text bold color={color("muted")} wrap="truncate">
        {line(columns.map((c) => ({ text: c.title })))}
      </Text>
      {visible.map((r, j) => {
        const isSelected = active && top + j === selected;
        if (isSelected) {
          return (
            <Text key={r.key} wrap="truncate" color={color("selectionText")} backgroundColor={color("selection")} inverse={!theme.color} bold>
              {line(r.cells)}
            </Text>
          );
        }
        return (
          <Text key={r.key} wrap="truncate">
            {r.cells.map((c, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional
              <Text key={i} color={color(c.token ?? "text")}>
                {fitCell(c.text, widths[i]!, columns[i]!.align) + (i < r.cells.length - 1 ? " ".repeat(GAP) : "")}
              </Text>
            ))}
          </Text>
        );
      })}
    </Box>
  );
}
