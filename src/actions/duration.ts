// Go's time.ParseDuration, messages included: helm's --timeout flags are Go
// durations ("5m0s", "90s", "1h30m", "300ms"); a bare number is an error, as
// in helm ("missing unit"). Kept free of heavy imports: the CLI checks flags
// with it before loading anything else.

export class DurationError extends Error {
  override name = "DurationError";
  readonly userFacing = true;
}

const UNITS: Record<string, number> = { ns: 1e-6, us: 1e-3, "µs": 1e-3, "μs": 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** Milliseconds in a Go duration string; throws Go's error text for anything else. */
export function goDurationMs(text: string): number {
  let s = text;
  let sign = 1;
  if (s[0] === "-" || s[0] === "+") {
    if (s[0] === "-") sign = -1;
    s = s.slice(1);
  }
  if (s === "0") return 0;
  if (s === "") throw new DurationError(`time: invalid duration ${JSON.stringify(text)}`);
  let total = 0;
  while (s !== "") {
    const m = /^(\d*)(?:\.(\d*))?/.exec(s)!;
    const [whole, int = "", frac] = m;
    if (int === "" && (frac === undefined || frac === "")) throw new DurationError(`time: invalid duration ${JSON.stringify(text)}`);
    s = s.slice(whole.length);
    const unit = /^[^\d.]*/.exec(s)![0];
    if (unit === "") throw new DurationError(`time: missing unit in duration ${JSON.stringify(text)}`);
    const scale = UNITS[unit];
    if (scale === undefined) throw new DurationError(`time: unknown unit ${JSON.stringify(unit)} in duration ${JSON.stringify(text)}`);
    s = s.slice(unit.length);
    total += Number(`${int || "0"}.${frac ?? "0"}`) * scale;
  }
  return sign * total;
}

/** A --timeout value: undefined or "" takes the fallback; a number is seconds (for callers of the SDK). */
export function parseDuration(s: string | number | undefined, fallbackMs = 300_000): number {
  if (s === undefined || s === "") return fallbackMs;
  if (typeof s === "number") return s * 1000;
  return goDurationMs(s);
}
