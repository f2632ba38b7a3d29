// Time zones for time.Time: UTC, Local (the process's zone), IANA zones via
// Intl, and fixed offsets from parsed layouts. Go prints tzdata abbreviations
// ("JST", "CEST"); Intl only knows the US ones, so common others are listed.

export interface ZoneInfo {
  /** Seconds east of UTC. */
  offset: number;
  /** Abbreviation as %Z / "MST" prints it; "" for a fixed zone without a name. */
  abbr: string;
}

export interface Loc {
  /** time.Location.String(): "UTC", "Local", "Asia/Tokyo", or a fixed zone's name. */
  readonly name: string;
  at(unixSec: number): ZoneInfo;
}

const ABBR: Record<string, [string, string?]> = {
  "Asia/Tokyo": ["JST"],
  "Asia/Seoul": ["KST"],
  "Asia/Shanghai": ["CST"],
  "Asia/Taipei": ["CST"],
  "Asia/Hong_Kong": ["HKT"],
  "Asia/Kolkata": ["IST"],
  "Asia/Calcutta": ["IST"],
  "Asia/Jerusalem": ["IST", "IDT"],
  "Asia/Karachi": ["PKT"],
  "Asia/Jakarta": ["WIB"],
  "Asia/Manila": ["PST"],
  "Europe/London": ["GMT", "BST"],
  "Europe/Dublin": ["GMT", "IST"],
  "Europe/Lisbon": ["WET", "WEST"],
  "Europe/Moscow": ["MSK"],
  "Africa/Johannesburg": ["SAST"],
  "Africa/Cairo": ["EET", "EEST"],
  "Africa/Lagos": ["WAT"],
  "Africa/Nairobi": ["EAT"],
  "Australia/Sydney": ["AEST", "AEDT"],
  "Australia/Melbourne": ["AEST", "AEDT"],
  "Australia/Brisbane": ["AEST"],
  "Australia/Adelaide": ["ACST", "ACDT"],
  "Australia/Perth": ["AWST"],
  "Pacific/Auckland": ["NZST", "NZDT"],
  "Pacific/Honolulu": ["HST"],
};
for (const z of ["Berlin", "Paris", "Madrid", "Rome", "Amsterdam", "Brussels", "Vienna", "Zurich", "Stockholm", "Oslo", "Copenhagen", "Prague", "Warsaw", "Budapest", "Belgrade"])
  ABBR[`Europe/${z}`] = ["CET", "CEST"];
for (const z of ["Athens", "Helsinki", "Kiev", "Kyiv", "Bucharest", "Sofia", "Riga", "Vilnius", "Tallinn"])
  ABBR[`Europe/${z}`] = ["EET", "EEST"];

function numericAbbr(offset: number): string {
  const sign = offset < 0 ? "-" : "+";
  const a = Math.abs(offset);
  const h = String(Math.floor(a / 3600)).padStart(2, "0");
  const m = Math.floor((a % 3600) / 60);
  return sign + h + (m ? String(m).padStart(2, "0") : "");
}

export const UTC: Loc = { name: "UTC", at: () => ({ offset: 0, abbr: "UTC" }) };

export function fixedZone(name: string, offset: number): Loc {
  return { name, at: () => ({ offset, abbr: name }) };
}

class IanaZone implements Loc {
  private readonly offsetFmt: Intl.DateTimeFormat;
  private readonly shortFmt: Intl.DateTimeFormat;
  private stdOffsets = new Map<number, number>();
  constructor(
    readonly name: string,
    private readonly tz: string,
  ) {
    this.offsetFmt = new Intl.DateTimeFormat("en-US", { timeZone: tz, timeZoneName: "longOffset" });
    this.shortFmt = new Intl.DateTimeFormat("en-US", { timeZone: tz, timeZoneName: "short" });
  }

  private offsetOf(unixSec: number): number {
    const part = this.offsetFmt.formatToParts(unixSec * 1000).find((p) => p.type === "timeZoneName")?.value ?? "GMT";
    const m = /GMT([+-])(\d{2}):(\d{2})(?::(\d{2}))?/.exec(part);
    if (!m) return 0;
    const secs = Number(m[2]) * 3600 + Number(m[3]) * 60 + Number(m[4] ?? 0);
    return m[1] === "-" ? -secs : secs;
  }

  /** The zone's standard (winter) offset in the year of unixSec. */
  private stdOffset(unixSec: number): number {
    const year = new Date(unixSec * 1000).getUTCFullYear();
    let v = this.stdOffsets.get(year);
    if (v === undefined) {
      v = Math.min(this.offsetOf(Date.UTC(year, 0, 1) / 1000), this.offsetOf(Date.UTC(year, 6, 1) / 1000));
      this.stdOffsets.set(year, v);
    }
    return v;
  }

  at(unixSec: number): ZoneInfo {
    const offset = this.offsetOf(unixSec);
    if (this.tz === "UTC" || this.tz === "Etc/UTC") return { offset, abbr: "UTC" };
    const known = ABBR[this.tz];
    if (known) {
      const dst = known[1] !== undefined && offset !== this.stdOffset(unixSec);
      return { offset, abbr: dst ? known[1]! : known[0] };
    }
    const short = this.shortFmt.formatToParts(unixSec * 1000).find((p) => p.type === "timeZoneName")?.value ?? "";
    if (/^[A-Z]{3,5}$/.test(short)) return { offset, abbr: short };
    return { offset, abbr: numericAbbr(offset) };
  }
}

const zones = new Map<string, Loc>();

/** time.LoadLocation: undefined when the zone is unknown. */
export function loadLocation(name: string): Loc | undefined {
  if (name === "" || name === "UTC") return UTC;
  if (name === "Local") return localZone();
  let z = zones.get(name);
  if (!z) {
    try {
      z = new IanaZone(name, name);
    } catch {
      return undefined;
    }
    zones.set(name, z);
  }
  return z;
}

let local: Loc | undefined;

/** time.Local: the zone of TZ, or the system's. */
export function localZone(): Loc {
  if (!local) {
    const tz = process.env.TZ;
    const resolved = tz === "" ? "UTC" : (tz ?? Intl.DateTimeFormat().resolvedOptions().timeZone);
    let inner: Loc;
    try {
      inner = resolved === "UTC" ? UTC : new IanaZone("Local", resolved);
    } catch {
      inner = UTC;
    }
    local = { name: "Local", at: (s) => inner.at(s) };
  }
  return local;
}
