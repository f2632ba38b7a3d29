// go-yaml v2's map key order. It is not byte order: runs of digits compare
// as numbers ("9" < "10") and letters sort after every non-letter ("_" < "B").

const LETTER = /\p{L}/u;
const DIGIT = /\p{Nd}/u;

function isLetter(cp: number): boolean {
  if (cp < 0x80) return (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a);
  return LETTER.test(String.fromCodePoint(cp));
}

function isDigit(cp: number): boolean {
  if (cp < 0x80) return cp >= 0x30 && cp <= 0x39;
  return DIGIT.test(String.fromCodePoint(cp));
}

/** Accumulates a digit run the way Go's int64 arithmetic does, wrapping on overflow. */
function digitRun(r: number[], from: number, seed: number): [bigint | number, number] {
  let k = from;
  while (k < r.length && isDigit(r[k]!)) k++;
  if (k - from < 15) {
    let n = seed;
    for (let j = from; j < k; j++) n = n * 10 + (r[j]! - 0x30);
    return [n, k];
  }
  let n = BigInt(seed);
  for (let j = from; j < k; j++) n = BigInt.asIntN(64, n * 10n + BigInt(r[j]! - 0x30));
  return [n, k];
}

const ASCII = /^[\x00-\x7f]*$/;

function codePoints(s: string): number[] {
  const out: number[] = [];
  if (ASCII.test(s)) {
    for (let i = 0; i < s.length; i++) out.push(s.charCodeAt(i));
    return out;
  }
  for (const ch of s) out.push(ch.codePointAt(0)!);
  return out;
}

function less(ar: number[], br: number[]): boolean {
  for (let i = 0; i < ar.length && i < br.length; i++) {
    const x = ar[i]!;
    const y = br[i]!;
    if (x === y) continue;
    const al = isLetter(x);
    const bl = isLetter(y);
    if (al && bl) return x < y;
    if (al || bl) return bl;
    let seed = 0;
    if (x === 0x30 || y === 0x30) {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]!); j--) {
        if (ar[j] !== 0x30) {
          seed = 1;
          break;
        }
      }
    }
    const [an, ai] = digitRun(ar, i, seed);
    const [bn, bi] = digitRun(br, i, seed);
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return x < y;
  }
  return ar.length < br.length;
}

const SIMPLE_KEY = /^[a-z]*$/;

/** Sorts map entries by key into the order go-yaml v2 writes them. */
export function sortYamlEntries<T>(entries: [string, T][]): [string, T][] {
  // Lower-case ASCII words are the common case and order plainly.
  if (entries.every((e) => SIMPLE_KEY.test(e[0]))) return entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const keyed = entries.map((e) => ({ e, r: codePoints(e[0]) }));
  keyed.sort((a, b) => (less(a.r, b.r) ? -1 : less(b.r, a.r) ? 1 : 0));
  return keyed.map((k) => k.e);
}
