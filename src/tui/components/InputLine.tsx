import { Text } from "ink";
import { useColor } from "../hooks/useTheme.js";
import type { InputState } from "../view/input.js";

/** "label value" with a block cursor when active. */
export function InputLine({ label, input, active, placeholder }: { label: string; input: InputState; active: boolean; placeholder?: string }) {
  const color = useColor();
  const { text, cursor } = input;
  return (
    <Text wrap="truncate">
      <Text color={color(active ? "paneActive" : "muted")} bold={active}>
        {label}
      </Text>
      {active ? (
        <Text color={color("text")}>
          {text.slice(0, cursor)}
          <Text inverse>{text[cursor] ?? " "}</Text>
          {text.slice(cursor + 1)}
        </Text>
      ) : (
        <Text color={color(text ? "text" : "muted")}>{text || placeholder || ""}</Text>
      )}
    </Text>
  );
}
