// A pane that takes raw typing (the values editor, a prompt) captures the
// keyboard so the app's own bindings (q, 1-4, Tab, ?) do not fire under it.
import { createContext, useContext, useEffect } from "react";

export const CaptureContext = createContext<(owner: string, on: boolean) => void>(() => {});

export function useCapture(owner: string, on: boolean): void {
  const set = useContext(CaptureContext);
  useEffect(() => {
    set(owner, on);
    return () => set(owner, false);
  }, [set, owner, on]);
}
