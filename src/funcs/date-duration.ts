// time.ParseDuration and time.Duration.String, on bigint nanoseconds.

/** time's own quoting: non-ASCII and control bytes as \x escapes. */
export function timeQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c >= 0x80 || c < 0x20) {
      for (const b of Buffer.from(ch, "utf8")) out += `\\x${b.toString(16).padStart(2, "0")}`;
    } else out += ch === '"' || ch === "\\" ? `\\${ch}` : ch;
  }
  return out + '"';
}

export class DurationError extends Error {
  override name = "DurationError";
}

const UNITS: Record<string, bigint> = {
  ns: 1n,
  us: 1_000n,
  "\u00b5s": 1_000n,
  "\u03bcs": 1_000n,
  ms: 1_000_000n,
  s: 1_000_000_000n,
  m: 60_000_000_000n,
  h: 3_600_000_000_000n,
};
const MAX = (1n << 63n) - 1n;

/** time.ParseDuration: nanoseconds, or DurationError with Go's message. */
export function parseDuration(orig: string): bigint {
  const invalid = () => new DurationError(`time: invalid duration ${timeQuote(orig)}`);
  let s = orig;
  let neg = false;
  if (s[0] === "-" || s[0] === "+") {
    neg = s[0] === "-";
    s = s.slice(1);
  }
  if (s === "0") return 0n;
  if (s === "") throw invalid();
  let total = 0n;
  while (s !== "") {
    const m = /^([0-9]*)(?:\.([0-9]*))?/.exec(s)!;
    const intPart = m[1]!;
    const fracPart = m[2];
    if (m[0] === "" || (intPart === "" && !fracPart)) throw invalid();
    s = s.slice(m[0].length);
    let end = 0;
    while (end < s.length && s[end] !== "." && !(s[end]! >= "0" && s[end]! <= "9")) end++;
    const unitName = s.slice(0, end);
    s = s.slice(end);
    if (unitName === "") throw new DurationError(`time: missing unit in duration ${timeQuote(orig)}`);
    const unit = UNITS[unitName];
    if (unit === undefined) throw new DurationError(`time: unknown unit ${timeQuote(unitName)} in duration ${timeQuote(orig)}`);
    const v = intPart === "" ? 0n : BigInt(intPart);
    if (v > MAX / unit) throw invalid();
    let part = v * unit;
    if (fracPart) {
      // Go keeps at most the fraction digits that still matter for the unit.
      part += (BigInt(fracPart) * unit) / 10n ** BigInt(fracPart.length);
    }
    total += part;
    if (total > MAX) throw invalid();
  }
  return neg ? -total : total;
}

function fraction(v: bigint, digits: number): string {
  const scale = 10n ** BigInt(digits);
  const whole = v / scale;
  let frac = (v % scale).toString().padStart(digits, "0").replace(/0+$/, "");
  if (frac) frac = "." + frac;
  return whole.toString() + frac;
}

/** time.Duration.String: "1h2m3.5s", "1.5ms", "0s". */
export function formatDuration(d: bigint): string {
  if (d === 0n) return "0s";
  const neg = d < 0n;
  const u = neg ? -d : d;
  let out: string;
  if (u < 1_000_000_000n) {
    if (u < 1_000n) out = `${u}ns`;
    else if (u < 1_000_000n) out = `${fraction(u, 3)}µs`;
    else out = `${fraction(u, 6)}ms`;
  } else {
    const secs = u / 1_000_000_000n;
    out = `${fraction((secs % 60n) * 1_000_000_000n + (u % 1_000_000_000n), 9)}s`;
    const mins = secs / 60n;
    if (mins > 0n) {
      out = `${mins % 60n}m${out}`;
      const hours = mins / 60n;
      if (hours > 0n) out = `${hours}h${out}`;
    }
  }
  return neg ? `-${out}` : out;
}
