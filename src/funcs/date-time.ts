// time.Time for templates: an instant (Unix seconds + nanoseconds), a zone,
// and, for now's results, a monotonic reading that Time.String prints.
import { type FuncDef, GoInt, GoObject, type Value } from "../template/value.js";
import { formatDuration, parseDuration } from "./date-duration.js";
import { formatLayout } from "./date-layout.js";
import { type Loc, localZone, UTC } from "./date-zone.js";

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

/** A Go named integer type that prints as a name (time.Month, time.Weekday). */
export class GoNamedInt extends GoObject {
  constructor(
    readonly n: number,
    private readonly type: string,
    private readonly name: string,
  ) {
    super();
  }
  goType(): string {
    return this.type;
  }
  override goKind(): string {
    return "int";
  }
  override goString(): string {
    return this.name;
  }
  override goJson(): Value {
    return new GoInt(BigInt(this.n));
  }
}

export interface Civil {
  year: number;
  month: number; // 1..12
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: number; // 0 = Sunday
  yday: number; // 1..366
}

const START = process.hrtime.bigint();

export class GoTime extends GoObject {
  constructor(
    /** Unix seconds (integer). */
    readonly sec: number,
    /** Nanoseconds within the second, 0..999999999. */
    readonly nsec: number,
    readonly loc: Loc,
    /** Monotonic clock reading in ns since process start, as time.Now carries. */
    readonly mono?: bigint,
  ) {
    super();
  }

  static now(): GoTime {
    const ms = Date.now();
    const sec = Math.floor(ms / 1000);
    return new GoTime(sec, (ms - sec * 1000) * 1e6, localZone(), process.hrtime.bigint() - START);
  }

  static unix(sec: number): GoTime {
    return new GoTime(sec, 0, localZone());
  }

  /** January 1, year 1, 00:00:00 UTC: Go's zero time. */
  static zero(): GoTime {
    return new GoTime(-62135596800, 0, UTC);
  }

  static fromTomlDate(d: Date & { isDate?: () => boolean }): GoTime {
    const ms = d.getTime();
    const sec = Math.floor(ms / 1000);
    return new GoTime(sec, (ms - sec * 1000) * 1e6, UTC);
  }

  goType(): string {
    return "time.Time";
  }

  civil(): Civil {
    const { offset } = this.loc.at(this.sec);
    const d = new Date((this.sec + offset) * 1000);
    const startOfYear = Date.UTC(d.getUTCFullYear(), 0, 1);
    const dayStart = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
    return {
      year: d.getUTCFullYear(),
      month: d.getUTCMonth() + 1,
      day: d.getUTCDate(),
      hour: d.getUTCHours(),
      minute: d.getUTCMinutes(),
      second: d.getUTCSeconds(),
      weekday: d.getUTCDay(),
      yday: Math.round((dayStart - startOfYear) / 86400000) + 1,
    };
  }

  format(layout: string): string {
    return formatLayout(this, layout);
  }

  in(loc: Loc): GoTime {
    return new GoTime(this.sec, this.nsec, loc);
  }

  /** t.Add(d) for d in nanoseconds; keeps the monotonic reading as Go does. */
  add(ns: bigint): GoTime {
    const total = BigInt(this.nsec) + ns;
    const secs = total >= 0n ? total / 1_000_000_000n : -((-total + 999_999_999n) / 1_000_000_000n);
    const nsec = Number(total - secs * 1_000_000_000n);
    return new GoTime(this.sec + Number(secs), nsec, this.loc, this.mono === undefined ? undefined : this.mono + ns);
  }

  /** Nanoseconds since the Unix epoch. */
  unixNano(): bigint {
    return BigInt(this.sec) * 1_000_000_000n + BigInt(this.nsec);
  }

  override goString(): string {
    let s = this.format("2006-01-02 15:04:05.999999999 -0700 MST");
    if (this.mono !== undefined) {
      const m = this.mono < 0n ? -this.mono : this.mono;
      s += ` m=${this.mono < 0n ? "-" : "+"}${m / 1_000_000_000n}.${String(m % 1_000_000_000n).padStart(9, "0")}`;
    }
    return s;
  }

  override goJson(): Value {
    return this.format("2006-01-02T15:04:05.999999999Z07:00");
  }

  override method(name: string): FuncDef | undefined {
    const c = () => this.civil();
    const int = (n: number | bigint, kind: "int" | "int64" = "int") => new GoInt(BigInt(n), kind);
    const m0 = (fn: () => Value): FuncDef => ({ params: [], fn });
    switch (name) {
      case "Year":
        return m0(() => int(c().year));
      case "Month": {
        return m0(() => {
          const mo = c().month;
          return new GoNamedInt(mo, "time.Month", MONTHS[mo - 1]!);
        });
      }
      case "Day":
        return m0(() => int(c().day));
      case "Hour":
        return m0(() => int(c().hour));
      case "Minute":
        return m0(() => int(c().minute));
      case "Second":
        return m0(() => int(c().second));
      case "Nanosecond":
        return m0(() => int(this.nsec));
      case "YearDay":
        return m0(() => int(c().yday));
      case "Weekday":
        return m0(() => {
          const w = c().weekday;
          return new GoNamedInt(w, "time.Weekday", DAYS[w]!);
        });
      case "Unix":
        return m0(() => int(this.sec, "int64"));
      case "UnixMilli":
        return m0(() => int(this.unixNano() / 1_000_000n, "int64"));
      case "UnixNano":
        return m0(() => int(this.unixNano(), "int64"));
      case "UTC":
        return m0(() => this.in(UTC));
      case "Local":
        return m0(() => this.in(localZone()));
      case "IsZero":
        return m0(() => this.sec === -62135596800 && this.nsec === 0);
      case "String":
        return m0(() => this.goString());
      case "Format":
        return { params: ["string"], fn: (layout: string) => this.format(layout) };
      case "AddDate":
        return {
          params: ["int", "int", "int"],
          fn: (y: GoInt, mo: GoInt, d: GoInt) => this.addDate(Number(y.v ?? y), Number(mo.v ?? mo), Number(d.v ?? d)),
        };
      case "Before":
      case "After":
      case "Equal":
        return {
          params: ["time.Time"],
          fn: (u: GoTime) => {
            const a = this.unixNano();
            const b = u.unixNano();
            return name === "Before" ? a < b : name === "After" ? a > b : a === b;
          },
        };
    }
    return undefined;
  }

  private addDate(years: number, months: number, days: number): GoTime {
    const c = this.civil();
    const { offset } = this.loc.at(this.sec);
    const wall = Date.UTC(c.year + years, c.month - 1 + months, c.day + days, c.hour, c.minute, c.second) / 1000;
    // Re-resolve the offset at the new wall time, as time.Date does.
    const guess = wall - offset;
    const sec = wall - this.loc.at(guess).offset;
    return new GoTime(sec, this.nsec, this.loc);
  }
}

export { formatDuration, parseDuration };
