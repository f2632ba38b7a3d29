// time.ParseInLocation with Go's layouts and its error messages
// (`parsing time "bad" as "2006-01-02": cannot parse "bad" as "2006"`).
import { timeQuote } from "./date-duration.js";
import { DAY_NAMES, MONTH_NAMES, splitLayout } from "./date-layout.js";
import { GoTime } from "./date-time.js";
import { fixedZone, type Loc, UTC } from "./date-zone.js";

export class TimeParseError extends Error {
  override name = "TimeParseError";
}

/** Seconds since the epoch of a civil time in UTC, for any year (Date.UTC maps 0..99 to 19xx). */
export function civilToUnix(y: number, mo: number, d: number, h: number, mi: number, s: number): number {
  const t = new Date(0);
  t.setUTCFullYear(y, mo - 1, d);
  t.setUTCHours(h, mi, s, 0);
  return t.getTime() / 1000;
}

function daysIn(month: number, year: number): number {
  return new Date(civilToUnix(year, month + 1, 0, 0, 0, 0) * 1000).getUTCDate();
}

/** time.Date: a civil time in loc, resolving the zone's offset at that moment. */
export function goDate(y: number, mo: number, d: number, h: number, mi: number, s: number, ns: number, loc: Loc): GoTime {
  const wall = civilToUnix(y, mo, d, h, mi, s);
  const off1 = loc.at(wall).offset;
  let sec = wall - off1;
  const off2 = loc.at(sec).offset;
  if (off2 !== off1) sec = wall - off2;
  return new GoTime(sec, ns, loc);
}

const BAD = Symbol("bad");
const isDigit = (s: string, i: number) => i < s.length && s[i]! >= "0" && s[i]! <= "9";

function getnum(s: string, fixed: boolean): [number, string] {
  if (!isDigit(s, 0)) throw BAD;
  if (!isDigit(s, 1)) {
    if (fixed) throw BAD;
    return [Number(s[0]), s.slice(1)];
  }
  return [Number(s.slice(0, 2)), s.slice(2)];
}

function getnum3(s: string, fixed: boolean): [number, string] {
  let n = 0;
  let i = 0;
  for (; i < 3 && isDigit(s, i); i++) n = n * 10 + Number(s[i]);
  if (i === 0 || (fixed && i !== 3)) throw BAD;
  return [n, s.slice(i)];
}

function lookup(names: string[], s: string): [number, string] {
  for (let i = 0; i < names.length; i++) {
    const n = names[i]!;
    if (s.length >= n.length && s.slice(0, n.length).toLowerCase() === n.toLowerCase()) return [i, s.slice(n.length)];
  }
  throw BAD;
}

function parseNanos(s: string, n: number): number {
  if (s[0] !== "." && s[0] !== ",") throw BAD;
  const digits = s.slice(1, Math.min(n, 10));
  if (!/^[0-9]+$/.test(digits)) throw BAD;
  return Number(digits.padEnd(9, "0"));
}

/** Length of a zone abbreviation at the start of s (time.parseTimeZone), or 0. */
function zoneNameLength(s: string): number {
  if (s.length < 3) return 0;
  if (s.startsWith("ChST") || s.startsWith("MeST")) return 4;
  if (s.startsWith("GMT")) {
    const m = /^[+-]([0-9]+)/.exec(s.slice(3));
    return m && Number(m[1]) <= 23 ? 3 + m[0].length : 3;
  }
  if (s[0] === "+" || s[0] === "-") {
    const m = /^[+-]([0-9]+)/.exec(s);
    return m && Number(m[1]) <= 23 ? m[0].length : 0;
  }
  let upper = 0;
  while (upper < s.length && s[upper]! >= "A" && s[upper]! <= "Z") upper++;
  if (upper === 5) return s[4] === "T" ? 5 : 0;
  if (upper === 4) return s[3] === "T" || s.startsWith("WITA") ? 4 : 0;
  return upper === 3 ? 3 : 0;
}

/** Matches the literal text of a layout, treating runs of spaces loosely as Go does. */
function skip(value: string, prefix: string): string {
  while (prefix.length > 0) {
    if (prefix[0] === " ") {
      if (value.length > 0 && value[0] !== " ") throw BAD;
      prefix = prefix.replace(/^ +/, "");
      value = value.replace(/^ +/, "");
      continue;
    }
    if (value.length === 0 || value[0] !== prefix[0]) throw BAD;
    prefix = prefix.slice(1);
    value = value.slice(1);
  }
  return value;
}

/** time.ParseInLocation. Throws TimeParseError with Go's message. */
export function parseTime(layout: string, input: string, loc: Loc): GoTime {
  const fail = (valueElem: string, layoutElem: string): never => {
    throw new TimeParseError(
      `parsing time ${timeQuote(input)} as ${timeQuote(layout)}: cannot parse ${timeQuote(valueElem)} as ${timeQuote(layoutElem)}`,
    );
  };
  const { chunks, tail } = splitLayout(layout);
  let value = input;
  let year = 0;
  let month = -1;
  let day = -1;
  let hour = 0;
  let min = 0;
  let sec = 0;
  let nsec = 0;
  let pm = false;
  let am = false;
  let zone: Loc | undefined;
  let zoneOffset: number | undefined;
  let zoneName = "";
  let rangeErr = "";
  for (let ci = 0; ci < chunks.length; ci++) {
    const ch = chunks[ci]!;
    try {
      value = skip(value, ch.prefix);
    } catch {
      fail(value, ch.prefix);
    }
    const hold = value;
    try {
      switch (ch.std!) {
        case "2006":
          if (value.length < 4 || !/^[0-9]{4}/.test(value)) throw BAD;
          year = Number(value.slice(0, 4));
          value = value.slice(4);
          break;
        case "06":
          if (!/^[0-9]{2}/.test(value)) throw BAD;
          year = Number(value.slice(0, 2));
          year += year >= 69 ? 1900 : 2000;
          value = value.slice(2);
          break;
        case "January":
        case "Jan": {
          const names = ch.std === "Jan" ? MONTH_NAMES.map((n) => n.slice(0, 3)) : MONTH_NAMES;
          [month, value] = lookup(names, value);
          month++;
          break;
        }
        case "Monday":
        case "Mon":
          [, value] = lookup(ch.std === "Mon" ? DAY_NAMES.map((n) => n.slice(0, 3)) : DAY_NAMES, value);
          break;
        case "1":
        case "01":
          [month, value] = getnum(value, ch.std === "01");
          if (month <= 0 || month > 12) rangeErr = "month";
          break;
        case "2":
        case "_2":
        case "02":
          if (ch.std === "_2" && value[0] === " ") value = value.slice(1);
          [day, value] = getnum(value, ch.std === "02");
          break;
        case "__2":
        case "002":
          [, value] = getnum3(value, ch.std === "002");
          break;
        case "15":
          [hour, value] = getnum(value, false);
          if (hour >= 24) rangeErr = "hour";
          break;
        case "3":
        case "03":
          [hour, value] = getnum(value, ch.std === "03");
          if (hour > 12) rangeErr = "hour";
          break;
        case "4":
        case "04":
          [min, value] = getnum(value, ch.std === "04");
          if (min >= 60) rangeErr = "minute";
          break;
        case "5":
        case "05": {
          [sec, value] = getnum(value, ch.std === "05");
          if (sec >= 60) rangeErr = "second";
          // A fraction the layout does not mention is still accepted after seconds.
          const next = chunks[ci + 1];
          const fracNext = next && (next.std === "frac0" || next.std === "frac9");
          if (!fracNext && /^[.,][0-9]/.test(value)) {
            const n = /^[.,][0-9]+/.exec(value)![0].length;
            nsec = parseNanos(value, n);
            value = value.slice(n);
          }
          break;
        }
        case "PM":
        case "pm": {
          const p = value.slice(0, 2);
          const up = ch.std === "PM";
          if (p === (up ? "PM" : "pm")) pm = true;
          else if (p === (up ? "AM" : "am")) am = true;
          else throw BAD;
          value = value.slice(2);
          break;
        }
        case "MST": {
          if (value.startsWith("UTC")) {
            zone = UTC;
            value = value.slice(3);
            break;
          }
          const n = zoneNameLength(value);
          if (n === 0) throw BAD;
          zoneName = value.slice(0, n);
          value = value.slice(n);
          break;
        }
        case "frac0": {
          const n = 1 + ch.digits!;
          if (value.length < n) throw BAD;
          nsec = parseNanos(value, n);
          value = value.slice(n);
          break;
        }
        case "frac9": {
          const m = /^[.,][0-9]+/.exec(value);
          if (!m) break;
          nsec = parseNanos(value, m[0].length);
          value = value.slice(m[0].length);
          break;
        }
        default: {
          const std = ch.std!;
          if (std[0] === "Z" && value[0] === "Z") {
            value = value.slice(1);
            zone = UTC;
            break;
          }
          const form = std.slice(1);
          const re =
            form === "07:00" ? /^([+-])([0-9]{2}):([0-9]{2})/ :
            form === "07" ? /^([+-])([0-9]{2})/ :
            form === "07:00:00" ? /^([+-])([0-9]{2}):([0-9]{2}):([0-9]{2})/ :
            form === "070000" ? /^([+-])([0-9]{2})([0-9]{2})([0-9]{2})/ :
            /^([+-])([0-9]{2})([0-9]{2})/;
          const m = re.exec(value);
          if (!m) throw BAD;
          const off = (Number(m[2]) * 60 + Number(m[3] ?? 0)) * 60 + Number(m[4] ?? 0);
          zoneOffset = m[1] === "-" ? -off : off;
          value = value.slice(m[0].length);
        }
      }
    } catch (err) {
      if (err !== BAD) throw err;
      fail(hold, ch.text);
    }
    if (rangeErr) throw new TimeParseError(`parsing time ${timeQuote(input)}: ${rangeErr} out of range`);
  }
  try {
    value = skip(value, tail);
  } catch {
    fail(value, tail);
  }
  if (value.length > 0) throw new TimeParseError(`parsing time ${timeQuote(input)}: extra text: ${timeQuote(value)}`);
  if (pm && hour < 12) hour += 12;
  else if (am && hour === 12) hour = 0;
  if (month < 0) month = 1;
  if (day < 0) day = 1;
  if (day < 1 || day > daysIn(month, year)) throw new TimeParseError(`parsing time ${timeQuote(input)}: day out of range`);
  if (zone) return goDate(year, month, day, hour, min, sec, nsec, zone);
  if (zoneOffset !== undefined) {
    const t = civilToUnix(year, month, day, hour, min, sec) - zoneOffset;
    const z = loc.at(t);
    if (z.offset === zoneOffset && (zoneName === "" || z.abbr === zoneName)) return new GoTime(t, nsec, loc);
    return new GoTime(t, nsec, fixedZone(zoneName, zoneOffset));
  }
  if (zoneName !== "") {
    const wall = civilToUnix(year, month, day, hour, min, sec);
    const z = loc.at(wall);
    if (z.abbr === zoneName) return new GoTime(wall - z.offset, nsec, loc);
    const gmt = /^GMT([+-][0-9]+)$/.exec(zoneName);
    const off = gmt ? Number(gmt[1]) * 3600 : 0;
    return new GoTime(wall, nsec, fixedZone(zoneName, off));
  }
  return goDate(year, month, day, hour, min, sec, nsec, loc);
}
