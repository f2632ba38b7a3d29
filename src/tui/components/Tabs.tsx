import { Text } from "ink";
import { useColor } from "../hooks/useTheme.js";

/** A line of tab names, the active one emphasised: " status │ notes │ manifest ". */
export function Tabs({ tabs, active }: { tabs: readonly string[]; active: string }) {
  const color = useColor();
  return (
    <Text wrap="truncate">
      {tabs.map((t, i) => (
        <Text key={t}>
          {i > 0 && <Text color={color("border")}> │ </Text>}
          <Text color={color(t === active ? "paneActive" : "paneInactive")} bold={t === active} underline={t === active}>
            {t}
          </Text>
        </Text>
      ))}
    </Text>
  );
}
