// Sprig's date functions (date.go) on time.Time values (GoTime).
import { type FuncDef, FuncError, type FuncMap, GoInt, type Value } from "../template/value.js";
import { DurationError, formatDuration, parseDuration } from "./date-duration.js";
import { parseTime, TimeParseError } from "./date-parse.js";
import { GoTime } from "./date-time.js";
import { loadLocation, localZone, UTC } from "./date-zone.js";

const ANY = "interface {}";
const S = "string";
const TIME = "time.Time";
const def = (params: string[], fn: FuncDef["fn"]): FuncDef => ({ params, fn });

/** Sprig's type switch: time.Time, or int/int64/int32 Unix seconds; anything else is now. */
function asTime(v: Value, allowInt32 = true): GoTime {
  if (v instanceof GoTime) return v;
  if (v instanceof GoInt && (v.kind === "int" || v.kind === "int64" || (allowInt32 && v.kind === "int32")))
    return GoTime.unix(Number(v.v));
  return GoTime.now();
}

function dateInZone(layout: string, date: Value, zone: string): string {
  const loc = loadLocation(zone) ?? UTC;
  return asTime(date).in(loc).format(layout);
}

function dateModify(spec: string, t: GoTime): GoTime {
  try {
    return t.add(parseDuration(spec));
  } catch (err) {
    if (err instanceof DurationError) return t;
    throw err;
  }
}

function mustDateModify(spec: string, t: GoTime): GoTime {
  try {
    return t.add(parseDuration(spec));
  } catch (err) {
    if (err instanceof DurationError) throw new FuncError(err.message);
    throw err;
  }
}

function since(t: GoTime): bigint {
  return GoTime.now().unixNano() - t.unixNano();
}

/** time.Duration.Round(time.Second): halves away from zero. */
function roundToSecond(d: bigint): bigint {
  const s = 1_000_000_000n;
  const r = d % s;
  if (d < 0n) return -roundToSecond(-d);
  return r + r < s ? d - r : d + s - r;
}

function ago(v: Value): string {
  const t = v instanceof GoTime ? v : v instanceof GoInt && (v.kind === "int" || v.kind === "int64") ? GoTime.unix(Number(v.v)) : GoTime.now();
  return formatDuration(roundToSecond(since(t)));
}

function duration(v: Value): string {
  let n = 0n;
  if (typeof v === "string") {
    n = /^[+-]?[0-9]+$/.test(v) ? BigInt(v) : 0n;
    if (n > (1n << 63n) - 1n || n < -(1n << 63n)) n = 0n;
  } else if (v instanceof GoInt && v.kind === "int64") n = v.v;
  return formatDuration(BigInt.asIntN(64, n * 1_000_000_000n));
}

const HOUR = 3_600_000_000_000n;
const ROUND_UNITS: [bigint, string][] = [
  [HOUR * 24n * 365n, "y"],
  [HOUR * 24n * 30n, "mo"],
  [HOUR * 24n, "d"],
  [HOUR, "h"],
  [60_000_000_000n, "m"],
  [1_000_000_000n, "s"],
];

function durationRound(v: Value): string {
  let d = 0n;
  if (typeof v === "string") {
    try {
      d = parseDuration(v);
    } catch (err) {
      if (!(err instanceof DurationError)) throw err;
    }
  } else if (v instanceof GoInt && v.kind === "int64") d = v.v;
  else if (v instanceof GoTime) d = since(v);
  const u = d < 0n ? -d : d;
  for (const [unit, name] of ROUND_UNITS) if (u > unit) return `${u / unit}${name}`;
  return "0s";
}

function toDate(layout: string, s: string): GoTime {
  try {
    return parseTime(layout, s, localZone());
  } catch (err) {
    if (err instanceof TimeParseError) return GoTime.zero();
    throw err;
  }
}

function mustToDate(layout: string, s: string): GoTime {
  try {
    return parseTime(layout, s, localZone());
  } catch (err) {
    if (err instanceof TimeParseError) throw new FuncError(err.message);
    throw err;
  }
}

export const dateFuncs: FuncMap = {
  now: def([], () => GoTime.now()),
  date: def([S, ANY], (layout: string, d: Value) => dateInZone(layout, d, "Local")),
  dateInZone: def([S, ANY, S], dateInZone),
  date_in_zone: def([S, ANY, S], dateInZone),
  htmlDate: def([ANY], (d: Value) => dateInZone("2006-01-02", d, "Local")),
  htmlDateInZone: def([ANY, S], (d: Value, zone: string) => dateInZone("2006-01-02", d, zone)),
  dateModify: def([S, TIME], dateModify),
  date_modify: def([S, TIME], dateModify),
  mustDateModify: def([S, TIME], mustDateModify),
  must_date_modify: def([S, TIME], mustDateModify),
  ago: def([ANY], ago),
  duration: def([ANY], duration),
  durationRound: def([ANY], durationRound),
  toDate: def([S, S], toDate),
  mustToDate: def([S, S], mustToDate),
  unixEpoch: def([TIME], (t: GoTime) => String(t.sec)),
};
