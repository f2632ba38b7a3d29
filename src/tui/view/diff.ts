// Line diff for manifests and values (Myers' O(ND) algorithm), shown as
// unified hunks with three lines of context, as `diff -u` and helm-diff do.

export type DiffOp = { op: " " | "-" | "+"; text: string };

/** The shortest edit script turning `a` into `b`, as kept/removed/added lines. */
export function diffLines(a: readonly string[], b: readonly string[]): DiffOp[] {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = false;
  for (let d = 0; d <= max && !found; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = true;
        break;
      }
    }
  }
  // Walk the trace back from the end to recover the path.
  const ops: DiffOp[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const vd = trace[d]!;
    const k = x - y;
    const prevK = k === -d || (k !== d && vd[offset + k - 1]! < vd[offset + k + 1]!) ? k + 1 : k - 1;
    const prevX = d === 0 ? 0 : vd[offset + prevK]!;
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      ops.push({ op: " ", text: a[--x]! });
      y--;
    }
    if (d === 0) break;
    if (x === prevX) ops.push({ op: "+", text: b[--y]! });
    else ops.push({ op: "-", text: a[--x]! });
  }
  while (x > 0 && y > 0) {
    ops.push({ op: " ", text: a[--x]! });
    y--;
  }
  return ops.reverse();
}

export interface DiffLine {
  op: " " | "-" | "+" | "@";
  text: string;
}

function splitLines(text: string): string[] {
  if (text === "") return [];
  const lines = text.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  return lines;
}

/** A hunk header range as `diff -u` prints it: an empty range names the line before it, a one-line range has no count. */
function range(start: number, len: number): string {
  if (len === 0) return `${start - 1},0`;
  return len === 1 ? `${start}` : `${start},${len}`;
}

/** Unified diff lines (hunk headers marked "@"); empty when the texts are equal. */
export function unifiedDiff(before: string, after: string, context = 3): DiffLine[] {
  const a = splitLines(before);
  const b = splitLines(after);
  const ops = diffLines(a, b);
  const changed = ops.map((o) => o.op !== " ");
  if (!changed.includes(true)) return [];
  const out: DiffLine[] = [];
  let i = 0;
  // Line numbers at each op, for the hunk headers.
  const aAt: number[] = [];
  const bAt: number[] = [];
  let la = 1;
  let lb = 1;
  for (const o of ops) {
    aAt.push(la);
    bAt.push(lb);
    if (o.op !== "+") la++;
    if (o.op !== "-") lb++;
  }
  while (i < ops.length) {
    if (!changed[i]) {
      i++;
      continue;
    }
    const start = Math.max(0, i - context);
    let end = i;
    // Extend while another change lies within 2*context lines.
    for (;;) {
      while (end < ops.length && changed[end]) end++;
      let next = end;
      while (next < ops.length && !changed[next]) next++;
      if (next < ops.length && next - end <= 2 * context) end = next;
      else break;
    }
    const stop = Math.min(ops.length, end + context);
    const hunk = ops.slice(start, stop);
    const aLen = hunk.filter((o) => o.op !== "+").length;
    const bLen = hunk.filter((o) => o.op !== "-").length;
    out.push({ op: "@", text: `@@ -${range(aAt[start]!, aLen)} +${range(bAt[start]!, bLen)} @@` });
    for (const o of hunk) out.push({ op: o.op, text: o.text });
    i = stop;
  }
  return out;
}

/** "+12 -3": how much a diff adds and removes. */
export function diffStat(lines: DiffLine[]): { added: number; removed: number } {
  let added = 0;
  let removed = 0;
  for (const l of lines) {
    if (l.op === "+") added++;
    else if (l.op === "-") removed++;
  }
  return { added, removed };
}
