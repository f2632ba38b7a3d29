// Selection and scrolling of a list: the selection stays in range as the list
// changes, and the window follows it.
import { useState } from "react";
import { clampIndex, scrollTop } from "../view/table.js";

export interface ListNav {
  selected: number;
  top: number;
  move(by: number): void;
  set(index: number): void;
  handlers(page: number): Record<string, () => void>;
}

export function useList(count: number, height: number): ListNav {
  const [pos, setPos] = useState({ selected: 0, top: 0 });
  const selected = clampIndex(pos.selected, count);
  const top = scrollTop(pos.top, selected, height, count);
  const set = (index: number) =>
    setPos((p) => {
      const s = clampIndex(index, count);
      return { selected: s, top: scrollTop(p.top, s, height, count) };
    });
  const move = (by: number) =>
    setPos((p) => {
      const s = clampIndex(clampIndex(p.selected, count) + by, count);
      return { selected: s, top: scrollTop(p.top, s, height, count) };
    });
  return {
    selected,
    top,
    move,
    set,
    handlers: (page) => ({
      up: () => move(-1),
      down: () => move(1),
      pageUp: () => move(-page),
      pageDown: () => move(page),
      top: () => set(0),
      bottom: () => set(count - 1),
    }),
  };
}

/** Scrolling a text of `count` lines in a window of `height`. */
export function useScroll(count: number, height: number) {
  const [top, setTop] = useState(0);
  const max = Math.max(0, count - height);
  const clamped = Math.min(top, max);
  const by = (n: number) => setTop((t) => Math.min(Math.max(0, Math.min(t, max) + n), max));
  return {
    top: clamped,
    reset: () => setTop(0),
    handlers: {
      up: () => by(-1),
      down: () => by(1),
      pageUp: () => by(-height),
      pageDown: () => by(height),
      top: () => setTop(0),
      bottom: () => setTop(max),
    } as Record<string, () => void>,
  };
}
