// Masterminds/semver v3 as helm uses it: NewVersion accepts "v1", "1.2",
// "1.2.3-pre+meta"; constraints allow commas (AND), "||", "!=", "=<", "~>".
// Checking is delegated to the `semver` package after translating the syntax.
import semver from "semver";

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

function translateTerm(term: string): string {
  const t = term.trim();
  const m = /^(!=|>=|=<|<=|=>|~>|[=<>~^])?\s*v?(.*)$/.exec(t);
  if (!m) return t;
  let op = m[1] ?? "";
  const ver = m[2] as string;
  if (op === "=<") op = "<=";
  if (op === "=>") op = ">=";
  if (op === "~>") op = "~";
  return `${op}${ver}`;
}

function checkAnd(terms: string[], version: string): boolean {
  for (const raw of terms) {
    const t = translateTerm(raw);
    if (t.startsWith("!=")) {
      const target = normalizeVersion(t.slice(2).trim().replace(/\.[xX*]/g, ""));
      if (target && semver.eq(version, target)) return false;
      continue;
    }
    if (!semver.satisfies(version, t)) return false;
  }
  return true;
}

/** helm's IsCompatibleRange: does version satisfy the constraint? Invalid input is "no". */
export function isCompatibleRange(constraint: string, version: string): boolean {
  const v = normalizeVersion(version);
  if (v === undefined) return false;
  // An empty constraint is Masterminds' "any release version".
  if (constraint.trim() === "") return semver.prerelease(v) === null;
  for (const group of constraint.split("||")) {
    // Hyphen ranges keep their spaces; otherwise spaces and commas separate terms.
    const g = group.trim();
    if (g === "") return false;
    const terms = / - /.test(g) ? [g] : g.split(/\s*,\s*|\s+(?![0-9xX*])/).filter((s) => s !== "");
    try {
      if (checkAnd(terms, v)) return true;
    } catch {
      return false;
    }
  }
  return false;
}
