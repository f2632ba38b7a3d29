import { useEffect, useState } from "react";

/** The time, refreshed every `ms` (ages in lists need no finer grain). */
export function useClock(ms: number): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), ms);
    t.unref?.();
    return () => clearInterval(t);
  }, [ms]);
  return now;
}
