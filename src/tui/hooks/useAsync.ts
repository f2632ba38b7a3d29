// Loads data for a pane: the last good value stays on screen while a reload
// runs, errors are kept as text, and an optional poll refreshes while active.
import { useCallback, useEffect, useRef, useState } from "react";

export interface AsyncState<T> {
  data?: T;
  error?: string;
  loading: boolean;
  reload(): void;
}

export function useAsync<T>(load: (() => Promise<T>) | undefined, deps: readonly unknown[], opts: { pollMs?: number; active?: boolean } = {}): AsyncState<T> {
  const [state, setState] = useState<{ data?: T; error?: string; loading: boolean }>({ loading: Boolean(load) });
  const seq = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  const mounted = useRef(true);
  useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );

  const reload = useCallback(() => {
    const fn = loadRef.current;
    if (!fn) return;
    const mine = ++seq.current;
    setState((s) => (s.loading ? s : { ...s, loading: true }));
    fn().then(
      (data) => mounted.current && mine === seq.current && setState({ data, loading: false }),
      (err: unknown) => mounted.current && mine === seq.current && setState((s) => ({ data: s.data, error: err instanceof Error ? err.message : String(err), loading: false })),
    );
  }, []);

  const hasLoad = Boolean(load);
  const key = useDepsKey(deps);
  useEffect(() => {
    if (key < 0) return;
    if (hasLoad) reload();
    else setState({ loading: false });
  }, [key, hasLoad, reload]);

  const active = opts.active ?? true;
  useEffect(() => {
    if (!opts.pollMs || !active) return;
    const t = setInterval(reload, opts.pollMs);
    return () => clearInterval(t);
  }, [opts.pollMs, active, reload]);

  return { ...state, reload };
}

/** A number that changes whenever one of `deps` changes (by identity), as React compares effect deps. */
function useDepsKey(deps: readonly unknown[]): number {
  const state = useRef<{ deps: readonly unknown[]; key: number }>({ deps, key: 0 });
  const prev = state.current.deps;
  if (prev.length !== deps.length || deps.some((d, i) => !Object.is(d, prev[i]))) state.current = { deps, key: state.current.key + 1 };
  return state.current.key;
}
