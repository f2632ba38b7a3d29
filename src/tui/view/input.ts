// A one-line text input as a pure reducer: typing, cursor moves, deletion,
// readline's Ctrl-A/E/U/W. Enter and Esc are the owner's to interpret.
import type { KeyPress } from "../keymap.js";

export interface InputState {
  text: string;
  cursor: number;
}

export function inputFrom(text = ""): InputState {
  return { text, cursor: text.length };
}

/** The next state, or undefined when the key is not an editing key (Enter, Esc, Tab, arrows up/down). */
export function inputKey(s: InputState, p: KeyPress): InputState | undefined {
  const { text, cursor } = s;
  if (p.ctrl) {
    switch (p.input) {
      case "a":
        return { text, cursor: 0 };
      case "e":
        return { text, cursor: text.length };
      case "u":
        return { text: text.slice(cursor), cursor: 0 };
      case "k":
        return { text: text.slice(0, cursor), cursor };
      case "w": {
        // The word before the cursor and the blanks after it; blanks alone go too, as in readline.
        const start = text.slice(0, cursor).replace(/\S*\s*$/, "").length;
        return { text: text.slice(0, start) + text.slice(cursor), cursor: start };
      }
      default:
        return undefined;
    }
  }
  switch (p.name) {
    case "left":
      return { text, cursor: Math.max(0, cursor - 1) };
    case "right":
      return { text, cursor: Math.min(text.length, cursor + 1) };
    case "home":
      return { text, cursor: 0 };
    case "end":
      return { text, cursor: text.length };
    case "backspace":
      return cursor > 0 ? { text: text.slice(0, cursor - 1) + text.slice(cursor), cursor: cursor - 1 } : s;
    case "delete":
      // Terminals send DEL (0x7f) for Backspace and Ink names it "delete": treat both as erasing backwards.
      return cursor > 0 ? { text: text.slice(0, cursor - 1) + text.slice(cursor), cursor: cursor - 1 } : s;
    case undefined:
      break;
    default:
      return undefined;
  }
  if (!p.input) return undefined;
  // Pasted text may arrive as one chunk; keep printable characters only.
  const typed = p.input.replace(/[\x00-\x1f\x7f]/g, "");
  if (!typed) return undefined;
  return { text: text.slice(0, cursor) + typed + text.slice(cursor), cursor: cursor + typed.length };
}
