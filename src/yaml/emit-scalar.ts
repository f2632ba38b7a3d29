// Scalar analysis for the emitter: which styles can show a string faithfully.
// Mirrors the rules of libyaml's emitter as go-yaml v2 applies them.

export interface ScalarInfo {
  /** Contains a line break (\n, \r, U+0085, U+2028, U+2029). */
  multiline: boolean;
  blockPlainOk: boolean;
  singleOk: boolean;
  /** Literal (|) block style. */
  blockOk: boolean;
}

/** YAML's printable set, as the emitter checks it. Astral characters are escaped. */
export function isPrintable(c: number): boolean {
  return (
    c === 0x0a ||
    (c >= 0x20 && c <= 0x7e) ||
    (c >= 0xa0 && c <= 0xd7ff) ||
    (c >= 0xe000 && c <= 0xfffd && c !== 0xfeff)
  );
}

export function isBreak(c: number): boolean {
  return c === 0x0a || c === 0x0d || c === 0x85 || c === 0x2028 || c === 0x2029;
}

const isBlank = (c: number) => c === 0x20 || c === 0x09;

const EMPTY: ScalarInfo = { multiline: false, blockPlainOk: true, singleOk: true, blockOk: false };
// Printable ASCII without indicators; spaces only inside. Most values look like this.
const SAFE_PLAIN = /^[A-Za-z0-9_/=+$^()\\][A-Za-z0-9 _./=+$^()\\-]*$/;
const SAFE_INFO: ScalarInfo = { multiline: false, blockPlainOk: true, singleOk: true, blockOk: true };

/**
 * Which styles can carry `s`. `tabsInBlocks` is go-yaml v3's rule: a tab
 * rules out plain and single-quoted styles but not a literal block (v2
 * treats it as unprintable, forcing double quotes).
 */
export function analyzeScalar(s: string, tabsInBlocks = false): ScalarInfo {
  if (s.length === 0) return EMPTY;
  if (s.charCodeAt(s.length - 1) !== 0x20 && SAFE_PLAIN.test(s)) return SAFE_INFO;
  let blockIndicators = false;
  let lineBreaks = false;
  let special = false;
  let tabs = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let prevSpace = false;
  let prevBreak = false;
  let precededByWs = true;
  if (s.startsWith("---") || s.startsWith("...")) blockIndicators = true;
  const n = s.length;
  for (let i = 0; i < n; ) {
    const c = s.codePointAt(i)!;
    const w = c > 0xffff ? 2 : 1;
    const next = i + w < n ? s.charCodeAt(i + w) : -1;
    const followedByWs = next === -1 || isBlank(next);
    if (i === 0) {
      switch (c) {
        case 0x23: case 0x2c: case 0x5b: case 0x5d: case 0x7b: case 0x7d: case 0x26: case 0x2a:
        case 0x21: case 0x7c: case 0x3e: case 0x27: case 0x22: case 0x25: case 0x40: case 0x60:
          blockIndicators = true;
          break;
        case 0x3f: case 0x3a: case 0x2d:
          if (followedByWs) blockIndicators = true;
          break;
      }
    } else if ((c === 0x3a && followedByWs) || (c === 0x23 && precededByWs)) {
      blockIndicators = true;
    }
    if (c === 0x09 && tabsInBlocks) tabs = true;
    else if (!isPrintable(c)) special = true;
    if (c === 0x20) {
      if (i === 0) leadingSpace = true;
      if (i + w === n) trailingSpace = true;
      if (prevBreak) breakSpace = true;
      prevSpace = true;
      prevBreak = false;
    } else if (isBreak(c)) {
      lineBreaks = true;
      if (i === 0) leadingBreak = true;
      if (i + w === n) trailingBreak = true;
      if (prevSpace) spaceBreak = true;
      prevSpace = false;
      prevBreak = true;
    } else {
      prevSpace = false;
      prevBreak = false;
    }
    precededByWs = isBlank(c) || isBreak(c) || c === 0;
    i += w;
  }
  let blockPlainOk = !(leadingSpace || leadingBreak || trailingSpace || trailingBreak);
  let singleOk = true;
  let blockOk = !trailingSpace;
  if (breakSpace) blockPlainOk = singleOk = false;
  if (spaceBreak || special) blockPlainOk = singleOk = blockOk = false;
  if (tabs) blockPlainOk = singleOk = false;
  if (lineBreaks || blockIndicators) blockPlainOk = false;
  return { multiline: lineBreaks, blockPlainOk, singleOk, blockOk };
}

function hex(c: number, width: number): string {
  return c.toString(16).toUpperCase().padStart(width, "0");
}

const NAMED_ESCAPES: Record<number, string> = {
  0: "0", 7: "a", 8: "b", 9: "t", 10: "n", 11: "v", 12: "f", 13: "r",
  27: "e", 34: '"', 92: "\\", 133: "N", 160: "_", 8232: "L", 8233: "P",
};

/** A character's escape in a double-quoted scalar, or undefined when it is written as is. */
export function doubleQuotedEscape(c: number, bom: boolean): string | undefined {
  if (!bom && isPrintable(c) && !isBreak(c) && c !== 0x22 && c !== 0x5c) return undefined;
  const named = NAMED_ESCAPES[c];
  if (named !== undefined) return "\\" + named;
  if (c <= 0xff) return "\\x" + hex(c, 2);
  if (c <= 0xffff) return "\\u" + hex(c, 4);
  return "\\U" + hex(c, 8);
}
