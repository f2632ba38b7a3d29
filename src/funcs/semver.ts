// Sprig's semver and semverCompare with Masterminds/semver v3.3 constraint
// semantics: "||" alternatives of space- or comma-separated ANDs, x/X/*
// wildcards, hyphen ranges, ^ and ~, and prereleases matched only by
// constraints that carry a prerelease themselves (">=1.21-0").
import { type FuncDef, FuncError, type FuncMap } from "../template/value.js";
import { comparePrerelease, SemverError, SemverVersion } from "./semver-version.js";

const S = "string";
const def = (params: string[], fn: FuncDef["fn"]): FuncDef => ({ params, fn });

const CV = String.raw`v?([0-9|x|X|\*]+)(\.[0-9|x|X|\*]+)?(\.[0-9|x|X|\*]+)?(-([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?(\+([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?`;
const OPS = String.raw`=||!=|>|<|>=|=>|<=|=<|~|~>|\^`;
const CONSTRAINT = new RegExp(String.raw`^\s*(${OPS})\s*(${CV})\s*$`);
const RANGE = new RegExp(String.raw`\s*(${CV})\s+-\s+(${CV})\s*`, "g");
const FIND = new RegExp(String.raw`(${OPS})\s*(${CV})`, "g");
const VALID = new RegExp(String.raw`^(\s*(${OPS})\s*(${CV})\s*)((?:\s+|,\s*)(${OPS})\s*(${CV})\s*)*$`);

interface Constraint {
  con: SemverVersion;
  orig: string;
  op: string;
  dirty: boolean;
  minorDirty: boolean;
  patchDirty: boolean;
}

const isX = (s: string | undefined) => s === "x" || s === "X" || s === "*";

function parseConstraint(c: string): Constraint {
  const m = CONSTRAINT.exec(c);
  if (!m) throw new SemverError(`improper constraint: ${c}`);
  const [, op, orig, major, minorDot = "", patchDot = "", preDot = ""] = m as unknown as string[];
  let ver = orig!;
  let dirty = false;
  let minorDirty = false;
  let patchDirty = false;
  if (isX(major) || major === "") {
    ver = `0.0.0${preDot}`;
    dirty = true;
  } else if (isX(minorDot.slice(1)) || minorDot === "") {
    ver = `${major}.0.0${preDot}`;
    dirty = minorDirty = true;
  } else if (isX(patchDot.slice(1)) || patchDot === "") {
    ver = `${major}${minorDot}.0${preDot}`;
    dirty = patchDirty = true;
  }
  let con: SemverVersion;
  try {
    con = SemverVersion.parse(ver!);
  } catch {
    throw new SemverError("constraint Parser Error");
  }
  return { con, orig: orig!, op: op!, dirty, minorDirty, patchDirty };
}

/** semver.NewConstraint: alternatives, each a list of constraints that must all hold. */
export function parseConstraints(text: string): Constraint[][] {
  // "1.2 - 1.4.5" becomes ">= 1.2, <= 1.4.5".
  let c = text;
  for (const m of text.matchAll(RANGE)) c = c.replace(m[0], `>= ${m[1]}, <= ${m[11]} `);
  return c.split("||").map((alt) => {
    if (!VALID.test(alt)) throw new SemverError(`improper constraint: ${alt}`);
    const parts = alt.match(FIND) ?? [alt];
    return parts.map(parseConstraint);
  });
}

function check(v: SemverVersion, c: Constraint): boolean {
  // Prereleases only satisfy constraints that name a prerelease (a plain
  // "!=" compares exactly, as Masterminds does).
  if (v.pre !== "" && c.con.pre === "" && (c.op !== "!=" || c.dirty)) return false;
  const con = c.con;
  const cmp = v.compare(con);
  switch (c.op) {
    case "":
    case "=":
      return c.dirty ? tilde(v, c) : cmp === 0;
    case "!=":
      return notEqual(v, c);
    case ">":
      if (!c.dirty) return cmp === 1;
      if (v.major !== con.major) return v.major > con.major;
      if (c.minorDirty) return false;
      if (c.patchDirty) return v.minor > con.minor;
      return cmp === 1;
    case "<":
      return cmp < 0;
    case ">=":
    case "=>":
      return cmp >= 0;
    case "<=":
    case "=<":
      if (!c.dirty) return cmp <= 0;
      if (v.major > con.major) return false;
      return !(v.major === con.major && v.minor > con.minor && !c.minorDirty);
    case "~":
    case "~>":
      return tilde(v, c);
    case "^":
      return caret(v, c);
  }
  return false;
}

function tilde(v: SemverVersion, c: Constraint): boolean {
  const con = c.con;
  if (v.compare(con) < 0) return false;
  if (con.major === 0n && con.minor === 0n && con.patch === 0n && !c.minorDirty && !c.patchDirty) return true;
  if (v.major !== con.major) return false;
  return v.minor === con.minor || c.minorDirty;
}

function caret(v: SemverVersion, c: Constraint): boolean {
  const con = c.con;
  if (v.compare(con) < 0) return false;
  if (con.major > 0n || c.minorDirty) return v.major === con.major;
  if (v.major > 0n) return false;
  if (con.minor > 0n || c.patchDirty) return v.minor === con.minor;
  if (v.minor > 0n) return false;
  return v.patch === con.patch;
}

function notEqual(v: SemverVersion, c: Constraint): boolean {
  const con = c.con;
  if (c.dirty) {
    if (con.major !== v.major) return true;
    if (con.minor !== v.minor && !c.minorDirty) return true;
    if (c.minorDirty) return false;
    if (con.patch !== v.patch && !c.patchDirty) return true;
    if (c.patchDirty) {
      if (v.pre !== "" || con.pre !== "") return comparePrerelease(v.pre, con.pre) !== 0;
      return false;
    }
  }
  return v.compare(con) !== 0;
}

/** Constraints.Check. */
export function satisfies(v: SemverVersion, constraints: Constraint[][]): boolean {
  return constraints.some((alt) => alt.every((c) => check(v, c)));
}

function wrap<T>(f: () => T): T {
  try {
    return f();
  } catch (err) {
    if (err instanceof SemverError) throw new FuncError(err.message);
    throw err;
  }
}

export const semverFuncs: FuncMap = {
  semver: def([S], (v: string) => wrap(() => SemverVersion.parse(v))),
  semverCompare: def([S, S], (constraint: string, version: string) =>
    wrap(() => {
      const cs = parseConstraints(constraint);
      return satisfies(SemverVersion.parse(version), cs);
    }),
  ),
};

export { SemverVersion };
