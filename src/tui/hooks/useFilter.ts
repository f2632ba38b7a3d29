// A list's `/` filter: typing narrows the list live, Enter keeps the filter,
// Esc clears it. Shared by every pane with a filterable list.
import { type InputState, inputFrom, inputKey } from "../view/input.js";
import { type Typing, useTyping } from "./useKeyboard.js";
import { useLiveState } from "./useLiveState.js";

export function useFilter(owner: string): { filter: InputState; typing: Typing } {
  const [filter, setFilter, getFilter] = useLiveState<InputState>(inputFrom());
  const typing = useTyping(
    owner,
    (press) => {
      if (press.name === "escape") {
        setFilter(inputFrom());
        typing.stop();
      } else if (press.name === "return") typing.stop();
      else {
        const next = inputKey(getFilter(), press);
        if (next) setFilter(next);
      }
    },
    "type to filter · Enter keep · Esc clear",
  );
  return { filter, typing };
}
