// Masterminds/semver v3 Version: lenient parsing ("v1.2" is 1.2.0), ordering
// with prerelease rules, and the methods templates can call on it.
import { type FuncDef, GoInt, GoObject, type Value } from "../template/value.js";

export class SemverError extends Error {
  override name = "SemverError";
}

const VERSION_RE =
  /^v?([0-9]+)(\.[0-9]+)?(\.[0-9]+)?(-([0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*))?(\+([0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*))?$/;
const UINT64_MAX = (1n << 64n) - 1n;

function segment(text: string): bigint {
  const v = BigInt(text);
  if (v > UINT64_MAX) {
    throw new SemverError(`Error parsing version segment: strconv.ParseUint: parsing "${text}": value out of range`);
  }
  return v;
}

function validatePrerelease(p: string): void {
  for (const part of p.split(".")) {
    if (/^[0-9]*$/.test(part)) {
      if (part.length > 1 && part[0] === "0") throw new SemverError("Version segment starts with 0");
    } else if (!/^[0-9A-Za-z-]*$/.test(part)) throw new SemverError("Invalid Prerelease string");
  }
}

export class SemverVersion extends GoObject {
  constructor(
    readonly major: bigint,
    readonly minor: bigint,
    readonly patch: bigint,
    readonly pre: string,
    readonly metadata: string,
    readonly original: string,
    /** *semver.Version (from semver) or semver.Version (from IncMajor and friends). */
    readonly pointer = true,
  ) {
    super();
  }

  /** semver.NewVersion. */
  static parse(v: string): SemverVersion {
    const m = VERSION_RE.exec(v);
    if (!m) throw new SemverError("Invalid Semantic Version");
    const major = segment(m[1]!);
    const minor = m[2] ? segment(m[2].slice(1)) : 0n;
    const patch = m[3] ? segment(m[3].slice(1)) : 0n;
    const pre = m[5] ?? "";
    if (pre) validatePrerelease(pre);
    return new SemverVersion(major, minor, patch, pre, m[8] ?? "", v);
  }

  goType(): string {
    return this.pointer ? "*semver.Version" : "semver.Version";
  }

  override goString(): string {
    let s = `${this.major}.${this.minor}.${this.patch}`;
    if (this.pre) s += `-${this.pre}`;
    if (this.metadata) s += `+${this.metadata}`;
    return s;
  }

  override goJson(): Value {
    return this.goString();
  }

  compare(o: SemverVersion): number {
    for (const [a, b] of [
      [this.major, o.major],
      [this.minor, o.minor],
      [this.patch, o.patch],
    ] as const) {
      if (a !== b) return a < b ? -1 : 1;
    }
    if (this.pre === "" && o.pre === "") return 0;
    if (this.pre === "") return 1;
    if (o.pre === "") return -1;
    return comparePrerelease(this.pre, o.pre);
  }

  private next(major: bigint, minor: bigint, patch: bigint): SemverVersion {
    const base = new SemverVersion(major, minor, patch, "", "", "", false);
    const prefix = this.original.startsWith("v") ? "v" : "";
    return new SemverVersion(major, minor, patch, "", "", prefix + base.goString(), false);
  }

  override method(name: string): FuncDef | undefined {
    const m0 = (fn: () => Value): FuncDef => ({ params: [], fn });
    const cmp = (fn: (c: number) => boolean): FuncDef => ({
      params: ["*semver.Version"],
      fn: (o: SemverVersion) => fn(this.compare(o)),
    });
    switch (name) {
      case "Major":
        return m0(() => new GoInt(this.major, "uint64"));
      case "Minor":
        return m0(() => new GoInt(this.minor, "uint64"));
      case "Patch":
        return m0(() => new GoInt(this.patch, "uint64"));
      case "Prerelease":
        return m0(() => this.pre);
      case "Metadata":
        return m0(() => this.metadata);
      case "Original":
        return m0(() => this.original);
      case "String":
        return m0(() => this.goString());
      case "Compare":
        return { params: ["*semver.Version"], fn: (o: SemverVersion) => new GoInt(BigInt(this.compare(o))) };
      case "LessThan":
        return cmp((c) => c < 0);
      case "LessThanEqual":
        return cmp((c) => c <= 0);
      case "GreaterThan":
        return cmp((c) => c > 0);
      case "GreaterThanEqual":
        return cmp((c) => c >= 0);
      case "Equal":
        return cmp((c) => c === 0);
      case "IncPatch":
        // A prerelease's next patch is the release it precedes.
        return m0(() => this.next(this.major, this.minor, this.pre ? this.patch : this.patch + 1n));
      case "IncMinor":
        return m0(() => this.next(this.major, this.minor + 1n, 0n));
      case "IncMajor":
        return m0(() => this.next(this.major + 1n, 0n, 0n));
    }
    return undefined;
  }
}

function comparePrePart(s: string, o: string): number {
  if (s === o) return 0;
  if (s === "") return -1;
  if (o === "") return 1;
  const sn = /^[0-9]+$/.test(s) && BigInt(s) <= UINT64_MAX;
  const on = /^[0-9]+$/.test(o) && BigInt(o) <= UINT64_MAX;
  if (!sn && !on) return s > o ? 1 : -1;
  if (!on) return -1;
  if (!sn) return 1;
  return BigInt(s) > BigInt(o) ? 1 : -1;
}

export function comparePrerelease(a: string, b: string): number {
  const sp = a.split(".");
  const op = b.split(".");
  for (let i = 0; i < Math.max(sp.length, op.length); i++) {
    const d = comparePrePart(sp[i] ?? "", op[i] ?? "");
    if (d !== 0) return d;
  }
  return 0;
}
