// The Values pane's line editor as a pure reducer: the text is a list of
// lines and a cursor; each key press returns the next state. Scrolling follows
// the cursor so the edited line is always on screen.
import type { KeyPress } from "../keymap.js";

export interface EditorState {
  lines: string[];
  row: number;
  col: number;
  /** First visible line. */
  top: number;
}

export function editorFrom(text: string, row = 0, top = 0): EditorState {
  const lines = text.split("\n");
  if (lines.length > 1 && lines[lines.length - 1] === "") lines.pop();
  const r = Math.min(Math.max(0, row), lines.length - 1);
  return { lines, row: r, col: 0, top };
}

/** Text ends with a newline, as values files do. */
export function editorText(state: EditorState): string {
  return `${state.lines.join("\n")}\n`;
}

/** Applies one key press; `height` is the number of visible lines, for scrolling. */
export function editKey(state: EditorState, press: KeyPress, height: number): EditorState {
  const next = applyKey(state, press);
  return follow(next, height);
}

function applyKey(s: EditorState, press: KeyPress): EditorState {
  const line = s.lines[s.row] ?? "";
  const col = Math.min(s.col, line.length);
  switch (press.name) {
    case "left":
      if (col > 0) return { ...s, col: col - 1 };
      return s.row > 0 ? { ...s, row: s.row - 1, col: s.lines[s.row - 1]!.length } : { ...s, col };
    case "right":
      if (col < line.length) return { ...s, col: col + 1 };
      return s.row < s.lines.length - 1 ? { ...s, row: s.row + 1, col: 0 } : { ...s, col };
    case "up":
      return { ...s, row: Math.max(0, s.row - 1) };
    case "down":
      return { ...s, row: Math.min(s.lines.length - 1, s.row + 1) };
    case "home":
      return { ...s, col: 0 };
    case "end":
      return { ...s, col: line.length };
    case "return": {
      // Keeps the indentation of the line split, as an editor for YAML should.
      const indent = /^\s*/.exec(line)![0];
      const lines = [...s.lines];
      lines.splice(s.row, 1, line.slice(0, col), indent + line.slice(col));
      return { ...s, lines, row: s.row + 1, col: indent.length };
    }
    // Terminals send DEL (0x7f) for Backspace and Ink names it "delete", so both erase backwards.
    case "backspace":
    case "delete":
      if (col > 0) return withLine(s, line.slice(0, col - 1) + line.slice(col), col - 1);
      if (s.row === 0) return s;
      return joinLines(s, s.row - 1);
    case undefined:
      if (press.ctrl || press.input === "") return s;
      return withLine(s, line.slice(0, col) + press.input + line.slice(col), col + press.input.length);
    default:
      return s;
  }
}

function withLine(s: EditorState, text: string, col: number): EditorState {
  const lines = [...s.lines];
  lines[s.row] = text;
  return { ...s, lines, col };
}

/** Joins line `at` with the one after it, the cursor at the join. */
function joinLines(s: EditorState, at: number): EditorState {
  const lines = [...s.lines];
  const col = lines[at]!.length;
  lines.splice(at, 2, lines[at]! + lines[at + 1]!);
  return { ...s, lines, row: at, col };
}

/** Scrolls so the cursor row is visible. */
export function follow(s: EditorState, height: number): EditorState {
  const h = Math.max(1, height);
  const maxTop = Math.max(0, s.lines.length - h);
  let top = Math.min(s.top, maxTop);
  if (s.row < top) top = s.row;
  if (s.row >= top + h) top = s.row - h + 1;
  return top === s.top ? s : { ...s, top };
}
