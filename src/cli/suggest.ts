// "Did you mean" suggestions, as cobra (helm's CLI library) makes them:
// names within an edit distance of 2, or that start with what was typed.

export function levenshtein(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
}

export function suggest(typed: string, candidates: string[], maxDistance = 2): string[] {
  const t = typed.toLowerCase();
  return candidates.filter((c) => {
    const lc = c.toLowerCase();
    return levenshtein(t, lc) <= maxDistance || (t.length > 1 && lc.startsWith(t));
  });
}
