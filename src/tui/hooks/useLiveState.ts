// State whose latest value is readable at once. Keys typed ahead arrive
// several per render; each must see what the one before it left, not what the
// last render showed.
import { useCallback, useRef, useState } from "react";

export function useLiveState<T>(initial: T | (() => T)): [T, (next: T | ((prev: T) => T)) => void, () => T] {
  const [value, setValue] = useState(initial);
  const ref = useRef(value);
  const set = useCallback((next: T | ((prev: T) => T)) => {
    ref.current = typeof next === "function" ? (next as (prev: T) => T)(ref.current) : next;
    setValue(ref.current);
  }, []);
  const get = useCallback(() => ref.current, []);
  return [value, set, get];
}
