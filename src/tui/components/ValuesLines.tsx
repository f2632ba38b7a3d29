import { Box, Text } from "ink";
import type { ReactElement } from "react";
import { useColor } from "../hooks/useTheme.js";
import type { ValuesIssue } from "../view/values.js";
import { valuesRows } from "../view/values.js";
import type { EditorState } from "../view/values-edit.js";

/** The visible window of values.yaml: gutter, highlighted text, each problem under its line. */
export function ValuesLines(props: { text: string; issues: ValuesIssue[]; editor: EditorState; editing: boolean; height: number; width: number }) {
  const { text, issues, editor, editing, height } = props;
  const color = useColor();
  const rows = valuesRows(text, issues, editor.row);
  const gutter = String(rows.length).length;
  const unplaced = issues.filter((i) => i.line === undefined || i.line > rows.length);
  const out: ReactElement[] = [];
  for (const msg of unplaced) out.push(<Text key={`u${msg.message}`} color={color("status.error")} wrap="truncate">{`✖ ${msg.message}`}</Text>);
  for (const row of rows.slice(editor.top)) {
    if (out.length >= height) break;
    const line = editor.lines[row.number - 1] ?? "";
    out.push(
      <Text key={row.number} wrap="truncate">
        <Text color={color(row.cursor ? "paneActive" : "muted")}>{`${String(row.number).padStart(gutter)} ${row.cursor ? "›" : " "} `}</Text>
        {editing && row.cursor ? (
          <EditLine line={line} col={editor.col} />
        ) : (
          row.segments.map((s, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: segments are positional
            <Text key={i} color={color(s.token)}>
              {s.text}
            </Text>
          ))
        )}
      </Text>,
    );
    for (const issue of row.issues) {
      if (out.length >= height) break;
      out.push(
        <Text key={`${row.number}:${issue}`} color={color("status.error")} wrap="truncate">
          {`${" ".repeat(gutter + 3)}✖ ${issue}`}
        </Text>,
      );
    }
  }
  return (
    <Box flexDirection="column" height={height}>
      {out}
    </Box>
  );
}

function EditLine({ line, col }: { line: string; col: number }) {
  const c = Math.min(col, line.length);
  return (
    <Text>
      {line.slice(0, c)}
      <Text inverse>{line[c] ?? " "}</Text>
      {line.slice(c + 1)}
    </Text>
  );
}
