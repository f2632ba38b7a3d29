// Masterminds/semver v3 as helm uses it: NewVersion accepts "v1", "1.2",
// "1.2.3-pre+meta"; constraints allow commas (AND), "||", "!=", "=<", "~>".
// Constraint checks use the Masterminds implementation behind Sprig's semverCompare.
import { parseConstraints, SemverVersion, satisfies } from "../funcs/semver.js";

const VERSION_RE =
  /^v?([0-9]+)(\.[0-9]+)?(\.[0-9]+)?(-([0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*))?(\+([0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*))?$/;

/** The version in strict SemVer form, or undefined when Masterminds rejects it. */
export function normalizeVersion(v: string): string | undefined {
  const m = VERSION_RE.exec(v);
  if (!m) return undefined;
  const pre = m[5];
  if (pre) {
    // Masterminds rejects numeric prerelease parts with leading zeros.
    for (const part of pre.split(".")) if (/^0[0-9]+$/.test(part)) return undefined;
  }
  const major = m[1] as string;
  const minor = m[2] ? m[2].slice(1) : "0";
  const patch = m[3] ? m[3].slice(1) : "0";
  const strip = (s: string) => s.replace(/^0+(?=\d)/, "");
  return `${strip(major)}.${strip(minor)}.${strip(patch)}${pre ? `-${pre}` : ""}${m[8] ? `+${m[8]}` : ""}`;
}

export function isValidSemver(v: string): boolean {
  return normalizeVersion(v) !== undefined;
}

/** helm's IsCompatibleRange: does version satisfy the constraint? Invalid input is "no". */
export function isCompatibleRange(constraint: string, version: string): boolean {
  let v: SemverVersion;
  try {
    v = SemverVersion.parse(version);
  } catch {
    return false;
  }
  // An empty constraint is Masterminds' "any release version".
  if (constraint.trim() === "") return v.pre === "";
  try {
    return satisfies(v, parseConstraints(constraint));
  } catch {
    return false;
  }
}
