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
function digitRun(r: number[], from: number, seed: bigint): [bigint, number] {
  let n = seed;
  let k = from;
  for (; k < r.length && isDigit(r[k]!); k++) n = BigInt.asIntN(64, n * 10n + BigInt(r[k]! - 0x30));
  return [n, k];
}

function codePoints(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) out.push(ch.codePointAt(0)!);
  return out;
}

function less(a: string, b: string): boolean {
  const ar = codePoints(a);
  const br = codePoints(b);
  for (let i = 0; i < ar.length && i < br.length; i++) {
    const x = ar[i]!;
    const y = br[i]!;
    if (x === y) continue;
    const al = isLetter(x);
    const bl = isLetter(y);
    if (al && bl) return x < y;
    if (al || bl) return bl;
    let seed = 0n;
    if (x === 0x30 || y === 0x30) {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]!); j--) {
        if (ar[j] !== 0x30) {
          seed = 1n;
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

/** Sorts map keys into the order go-yaml v2 writes them. */
export function sortYamlKeys(keys: string[]): string[] {
  // Lower-case ASCII words are the common case and order plainly.
  if (keys.every((k) => SIMPLE_KEY.test(k))) return keys.sort();
  return keys.sort((a, b) => (less(a, b) ? -1 : less(b, a) ? 1 : 0));
}
