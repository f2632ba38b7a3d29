// Go reference-time layouts ("2006-01-02T15:04:05Z07:00"): splitting a layout
// into its elements, then formatting a time with them.
import type { Civil } from "./date-time.js";

export type Std =
  | "January" | "Jan" | "1" | "01" | "Monday" | "Mon" | "2" | "_2" | "02" | "__2" | "002"
  | "15" | "3" | "03" | "4" | "04" | "5" | "05" | "2006" | "06" | "PM" | "pm" | "MST"
  | "Z0700" | "Z070000" | "Z07" | "Z07:00" | "Z07:00:00"
  | "-0700" | "-070000" | "-07" | "-07:00" | "-07:00:00"
  | "frac0" | "frac9";

export interface Chunk {
  /** Literal text before the element. */
  prefix: string;
  std?: Std;
  /** The element's text in the layout, e.g. "Jan" or ".000". */
  text: string;
  /** Digits of a fractional-second element. */
  digits?: number;
}

const isLower = (c: string | undefined) => c !== undefined && c >= "a" && c <= "z";
const isDigit = (c: string | undefined) => c !== undefined && c >= "0" && c <= "9";
const TZ_FORMS = ["070000", "07:00:00", "0700", "07:00", "07"] as const;

/** The element starting at i, if any: [std, length]. */
function stdAt(l: string, i: number): [Std, number] | undefined {
  const rest = (n: number) => l.slice(i, i + n);
  switch (l[i]) {
    case "J":
      if (rest(7) === "January") return ["January", 7];
      if (rest(3) === "Jan" && !isLower(l[i + 3])) return ["Jan", 3];
      break;
    case "M":
      if (rest(6) === "Monday") return ["Monday", 6];
      if (rest(3) === "Mon" && !isLower(l[i + 3])) return ["Mon", 3];
      if (rest(3) === "MST") return ["MST", 3];
      break;
    case "0":
      if (l[i + 1] !== undefined && l[i + 1]! >= "1" && l[i + 1]! <= "6") return [rest(2) as Std, 2];
      if (rest(3) === "002") return ["002", 3];
      break;
    case "1":
      return l[i + 1] === "5" ? ["15", 2] : ["1", 1];
    case "2":
      return rest(4) === "2006" ? ["2006", 4] : ["2", 1];
    case "_":
      if (l[i + 1] === "2" && l.slice(i + 1, i + 5) !== "2006") return ["_2", 2];
      if (rest(3) === "__2") return ["__2", 3];
      break;
    case "3":
    case "4":
    case "5":
      return [l[i] as Std, 1];
    case "P":
      if (l[i + 1] === "M") return ["PM", 2];
      break;
    case "p":
      if (l[i + 1] === "m") return ["pm", 2];
      break;
    case "-":
    case "Z":
      for (const f of TZ_FORMS) if (l.startsWith(f, i + 1)) return [(l[i] + f) as Std, f.length + 1];
      break;
    case ".":
    case ",": {
      const ch = l[i + 1];
      if (ch === "0" || ch === "9") {
        let j = i + 1;
        while (l[j] === ch) j++;
        if (!isDigit(l[j])) return [ch === "0" ? "frac0" : "frac9", j - i];
      }
      break;
    }
  }
  return undefined;
}

const cache = new Map<string, { chunks: Chunk[]; tail: string }>();

/** Splits a layout into elements and the literal text after the last one. */
export function splitLayout(layout: string): { chunks: Chunk[]; tail: string } {
  let hit = cache.get(layout);
  if (hit) return hit;
  const chunks: Chunk[] = [];
  let start = 0;
  for (let i = 0; i < layout.length; ) {
    const s = stdAt(layout, i);
    if (!s) {
      i++;
      continue;
    }
    const [std, n] = s;
    const text = layout.slice(i, i + n);
    const chunk: Chunk = { prefix: layout.slice(start, i), std, text };
    if (std === "frac0" || std === "frac9") chunk.digits = n - 1;
    chunks.push(chunk);
    i += n;
    start = i;
  }
  hit = { chunks, tail: layout.slice(start) };
  if (cache.size < 256) cache.set(layout, hit);
  return hit;
}

export const MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
export const DAY_NAMES = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

const pad = (n: number, w: number, ch = "0") => {
  const s = String(Math.abs(n)).padStart(w, ch);
  return n < 0 ? `-${s}` : s;
};

function zoneText(std: Std, offset: number): string {
  if (std[0] === "Z" && offset === 0) return "Z";
  const form = std.slice(1);
  const sign = offset < 0 ? "-" : "+";
  const abs = Math.abs(offset);
  const colon = form.includes(":") ? ":" : "";
  let s = sign + pad(Math.floor(abs / 3600), 2);
  if (form !== "07") s += colon + pad(Math.floor((abs % 3600) / 60), 2);
  if (form.length > 5) s += colon + pad(abs % 60, 2);
  return s;
}

export interface Formattable {
  nsec: number;
  sec: number;
  civil(): Civil;
  loc: { at(sec: number): { offset: number; abbr: string } };
}

/** time.Time.Format. */
export function formatLayout(t: Formattable, layout: string): string {
  const { chunks, tail } = splitLayout(layout);
  const c = t.civil();
  let out = "";
  for (const ch of chunks) {
    out += ch.prefix;
    switch (ch.std!) {
      case "2006": out += pad(c.year, 4); break;
      case "06": out += pad(c.year % 100, 2); break;
      case "January": out += MONTH_NAMES[c.month - 1]; break;
      case "Jan": out += MONTH_NAMES[c.month - 1]!.slice(0, 3); break;
      case "1": out += c.month; break;
      case "01": out += pad(c.month, 2); break;
      case "Monday": out += DAY_NAMES[c.weekday]; break;
      case "Mon": out += DAY_NAMES[c.weekday]!.slice(0, 3); break;
      case "2": out += c.day; break;
      case "_2": out += pad(c.day, 2, " "); break;
      case "02": out += pad(c.day, 2); break;
      case "__2": out += pad(c.yday, 3, " "); break;
      case "002": out += pad(c.yday, 3); break;
      case "15": out += pad(c.hour, 2); break;
      case "3": out += c.hour % 12 === 0 ? 12 : c.hour % 12; break;
      case "03": out += pad(c.hour % 12 === 0 ? 12 : c.hour % 12, 2); break;
      case "4": out += c.minute; break;
      case "04": out += pad(c.minute, 2); break;
      case "5": out += c.second; break;
      case "05": out += pad(c.second, 2); break;
      case "PM": out += c.hour >= 12 ? "PM" : "AM"; break;
      case "pm": out += c.hour >= 12 ? "pm" : "am"; break;
      case "MST": {
        const z = t.loc.at(t.sec);
        if (z.abbr) out += z.abbr;
        else out += zoneText("-0700", z.offset);
        break;
      }
      case "frac0":
        out += ch.text[0] + String(t.nsec).padStart(9, "0").slice(0, ch.digits);
        break;
      case "frac9": {
        const digits = String(t.nsec).padStart(9, "0").slice(0, ch.digits).replace(/0+$/, "");
        if (digits) out += ch.text[0] + digits;
        break;
      }
      default:
        out += zoneText(ch.std!, t.loc.at(t.sec).offset);
    }
  }
  return out + tail;
}
