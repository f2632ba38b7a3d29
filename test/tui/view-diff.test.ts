import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { type DiffLine, type DiffOp, diffLines, diffStat, unifiedDiff } from "../../src/tui/view/diff.js";

const show = (ops: readonly (DiffOp | DiffLine)[]) => ops.map((o) => (o.op === "@" ? o.text : `${o.op}${o.text}`));

/** Deterministic PRNG (mulberry32), so a failing case can be reproduced from its index. */
function prng(seed: number): () => number {
  let t = seed >>> 0;
  return () => {
    t = (t + 0x6d2b79f5) >>> 0;
    let r = Math.imul(t ^ (t >>> 15), 1 | t);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

function lcsLength(a: readonly string[], b: readonly string[]): number {
  const dp: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) dp[i]![j] = a[i - 1] === b[j - 1] ? dp[i - 1]![j - 1]! + 1 : Math.max(dp[i - 1]![j]!, dp[i]![j - 1]!);
  return dp[a.length]![b.length]!;
}

/** Applies an edit script to `a`, checking that every kept or removed line is the one `a` has there. */
function applyScript(a: readonly string[], ops: readonly DiffOp[]): string[] {
  const out: string[] = [];
  let i = 0;
  for (const o of ops) {
    if (o.op === "+") {
      out.push(o.text);
      continue;
    }
    if (a[i] !== o.text) throw new Error(`script ${o.op}${o.text} at line ${i + 1} of a, which is ${a[i]}`);
    if (o.op === " ") out.push(o.text);
    i++;
  }
  if (i !== a.length) throw new Error(`script consumed ${i} of ${a.length} lines`);
  return out;
}

/** Applies unified hunks to `a` as `patch` would, checking the headers against the hunk bodies. */
function applyHunks(a: readonly string[], lines: readonly DiffLine[]): string[] {
  const out: string[] = [];
  let i = 0;
  let k = 0;
  while (k < lines.length) {
    const m = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@$/.exec(lines[k]!.text);
    if (lines[k]!.op !== "@" || !m) throw new Error(`expected a hunk header, got ${lines[k]!.op}${lines[k]!.text}`);
    const aLen = m[2] === undefined ? 1 : Number(m[2]);
    const bLen = m[4] === undefined ? 1 : Number(m[4]);
    const aStart = aLen === 0 ? Number(m[1]) : Number(m[1]) - 1;
    const bStart = bLen === 0 ? Number(m[3]) : Number(m[3]) - 1;
    if (aStart < i) throw new Error("hunks overlap");
    while (i < aStart) out.push(a[i++]!);
    if (out.length !== bStart) throw new Error(`hunk ${lines[k]!.text} starts at line ${out.length + 1} of b`);
    k++;
    let seenA = 0;
    let seenB = 0;
    for (; k < lines.length && lines[k]!.op !== "@"; k++) {
      const l = lines[k]!;
      if (l.op !== "+") {
        if (a[i] !== l.text) throw new Error(`hunk line ${l.op}${l.text} does not match a`);
        i++;
        seenA++;
      }
      if (l.op !== "-") {
        out.push(l.text);
        seenB++;
      }
    }
    if (seenA !== aLen || seenB !== bLen) throw new Error(`hunk counts ${seenA},${seenB} differ from its header ${m[0]}`);
  }
  while (i < a.length) out.push(a[i++]!);
  return out;
}

describe("diffLines", () => {
  test("empty and equal inputs", () => {
    expect(diffLines([], [])).toEqual([]);
    expect(show(diffLines(["a", "b"], ["a", "b"]))).toEqual([" a", " b"]);
    expect(show(diffLines(["a"], []))).toEqual(["-a"]);
    expect(show(diffLines([], ["a", "b"]))).toEqual(["+a", "+b"]);
  });

  test("a changed line is removed, then added", () => {
    expect(show(diffLines(["a", "b", "c"], ["a", "x", "c"]))).toEqual([" a", "-b", "+x", " c"]);
    expect(show(diffLines(["a", "b"], ["x", "y"]))).toEqual(["-a", "-b", "+x", "+y"]);
  });

  test("insertions and deletions in the middle", () => {
    expect(show(diffLines(["a", "c"], ["a", "b", "c"]))).toEqual([" a", "+b", " c"]);
    expect(show(diffLines(["a", "b", "c"], ["a", "c"]))).toEqual([" a", "-b", " c"]);
  });

  test("Myers' paper example: ABCABBA to CBABAC in 5 edits", () => {
    const ops = diffLines([..."ABCABBA"], [..."CBABAC"]);
    expect(show(ops)).toEqual(["-A", "-B", " C", "+B", " A", " B", "-B", " A", "+C"]);
  });

  test("property: the script turns a into b and keeps as many lines as the LCS", () => {
    const rand = prng(20240611);
    const alphabet = ["a", "b", "c", "d"];
    for (let n = 0; n < 600; n++) {
      const line = () => alphabet[Math.floor(rand() * (n % 3 === 0 ? 2 : alphabet.length))]!;
      const a = Array.from({ length: Math.floor(rand() * 11) }, line);
      const b = Array.from({ length: Math.floor(rand() * 11) }, line);
      const ops = diffLines(a, b);
      const where = `case ${n}: ${JSON.stringify(a)} -> ${JSON.stringify(b)}`;
      expect(applyScript(a, ops), where).toEqual(b);
      const lcs = lcsLength(a, b);
      expect(ops.filter((o) => o.op === " ").length, where).toBe(lcs);
      expect(ops.length, where).toBe(a.length + b.length - lcs);
    }
  });
});

describe("unifiedDiff", () => {
  test("nothing for equal texts, and a trailing newline is not a difference", () => {
    expect(unifiedDiff("a\nb\n", "a\nb\n")).toEqual([]);
    expect(unifiedDiff("a\nb", "a\nb\n")).toEqual([]);
    expect(unifiedDiff("", "")).toEqual([]);
  });

  test("marks headers with @ and lines with their op", () => {
    expect(unifiedDiff("a\nb\nc\n", "a\nx\nc\n")).toEqual([
      { op: "@", text: "@@ -1,3 +1,3 @@" },
      { op: " ", text: "a" },
      { op: "-", text: "b" },
      { op: "+", text: "x" },
      { op: " ", text: "c" },
    ]);
  });

  test("a one-line range has no count, an empty range names the line before it", () => {
    expect(show(unifiedDiff("a\n", "b\n"))).toEqual(["@@ -1 +1 @@", "-a", "+b"]);
    expect(show(unifiedDiff("", "a\nb\n"))).toEqual(["@@ -0,0 +1,2 @@", "+a", "+b"]);
    expect(show(unifiedDiff("a\nb\n", ""))).toEqual(["@@ -1,2 +0,0 @@", "-a", "-b"]);
    expect(show(unifiedDiff("a\nb\nc\nd\n", "a\nb\nX\nc\nd\n", 0))).toEqual(["@@ -2,0 +3 @@", "+X"]);
    expect(show(unifiedDiff("a\nb\nc\nd\n", "a\nb\nd\n", 0))).toEqual(["@@ -3 +2,0 @@", "-c"]);
  });

  test("three lines of context, fewer at the edges", () => {
    const a = "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n";
    expect(show(unifiedDiff(a, a.replace("5\n", "five\n")))).toEqual(["@@ -2,7 +2,7 @@", " 2", " 3", " 4", "-5", "+five", " 6", " 7", " 8"]);
    expect(show(unifiedDiff(a, a.replace("1\n", "one\n")))).toEqual(["@@ -1,4 +1,4 @@", "-1", "+one", " 2", " 3", " 4"]);
    expect(show(unifiedDiff(a, `${a}11\n`))).toEqual(["@@ -8,3 +8,4 @@", " 8", " 9", " 10", "+11"]);
    expect(show(unifiedDiff(a, a.replace("5\n", "five\n"), 1))).toEqual(["@@ -4,3 +4,3 @@", " 4", "-5", "+five", " 6"]);
  });

  test("changes up to 2*context lines apart share a hunk; further apart they split", () => {
    const seq = Array.from({ length: 20 }, (_, i) => String(i + 1));
    const text = (swap: Record<string, string>) => `${seq.map((l) => swap[l] ?? l).join("\n")}\n`;
    // 6 unchanged lines (4..9) between the changes: one hunk.
    expect(show(unifiedDiff(text({}), text({ 3: "X", 10: "Y" })))).toEqual([
      "@@ -1,13 +1,13 @@",
      " 1",
      " 2",
      "-3",
      "+X",
      ...["4", "5", "6", "7", "8", "9"].map((l) => ` ${l}`),
      "-10",
      "+Y",
      " 11",
      " 12",
      " 13",
    ]);
    // 7 unchanged lines (4..10): two hunks.
    expect(show(unifiedDiff(text({}), text({ 3: "X", 11: "Y" })))).toEqual([
      "@@ -1,6 +1,6 @@",
      " 1",
      " 2",
      "-3",
      "+X",
      " 4",
      " 5",
      " 6",
      "@@ -8,7 +8,7 @@",
      " 8",
      " 9",
      " 10",
      "-11",
      "+Y",
      " 12",
      " 13",
      " 14",
    ]);
  });

  test("property: the hunks, applied to the old text as patch would, give the new text", () => {
    const rand = prng(7);
    const alphabet = ["a", "b", "c", "d", "e"];
    for (let n = 0; n < 400; n++) {
      const line = () => alphabet[Math.floor(rand() * alphabet.length)]!;
      const a = Array.from({ length: Math.floor(rand() * 30) }, line);
      const b = rand() < 0.5 ? Array.from({ length: Math.floor(rand() * 30) }, line) : a.map((l) => (rand() < 0.15 ? line() : l));
      const context = n % 4;
      const lines = unifiedDiff(a.map((l) => `${l}\n`).join(""), b.map((l) => `${l}\n`).join(""), context);
      const where = `case ${n} (context ${context}): ${JSON.stringify(a)} -> ${JSON.stringify(b)}`;
      expect(applyHunks(a, lines), where).toEqual(b);
      expect(lines.length === 0, where).toBe(a.join() === b.join());
    }
  });
});

describe("diffStat", () => {
  test("counts added and removed lines, not context or headers", () => {
    expect(diffStat(unifiedDiff("a\nb\nc\n", "a\nx\ny\nc\nd\n"))).toEqual({ added: 3, removed: 1 });
    expect(diffStat([])).toEqual({ added: 0, removed: 0 });
    expect(diffStat([{ op: "@", text: "@@ -1 +1 @@" }, { op: " ", text: "+not counted" }])).toEqual({ added: 0, removed: 0 });
  });
});

describe("unifiedDiff against GNU diff -u", () => {
  const dir = mkdtempSync(join(tmpdir(), "chartroom-diff-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** `diff -u` output from the first "@@" on, as DiffLine text. */
  function gnu(before: string, after: string): string[] {
    writeFileSync(join(dir, "a.yaml"), before);
    writeFileSync(join(dir, "b.yaml"), after);
    const r = spawnSync("/usr/bin/diff", ["-u", join(dir, "a.yaml"), join(dir, "b.yaml")], { encoding: "utf8" });
    if (r.status !== 0 && r.status !== 1) throw new Error(`diff failed: ${r.stderr}`);
    const lines = r.stdout.split("\n");
    if (lines[lines.length - 1] === "") lines.pop();
    const at = lines.findIndex((l) => l.startsWith("@@"));
    return at === -1 ? [] : lines.slice(at);
  }

  const deployment = (replicas: number, tag: string, extraEnv = "") => `# Source: web/templates/deployment.yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    app.kubernetes.io/name: web
    app.kubernetes.io/instance: web
    helm.sh/chart: web-1.2.0
spec:
  replicas: ${replicas}
  selector:
    matchLabels:
      app.kubernetes.io/name: web
      app.kubernetes.io/instance: web
  template:
    metadata:
      labels:
        app.kubernetes.io/name: web
        app.kubernetes.io/instance: web
    spec:
      containers:
        - name: web
          image: "nginx:${tag}"
          imagePullPolicy: IfNotPresent
          ports:
            - name: http
              containerPort: 80
              protocol: TCP
          env:
            - name: LOG_LEVEL
              value: info
${extraEnv}          resources:
            limits:
              cpu: 500m
              memory: 256Mi
`;
  const service = (port: number) => `# Source: web/templates/service.yaml
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: ClusterIP
  ports:
    - port: ${port}
      targetPort: http
      protocol: TCP
      name: http
  selector:
    app.kubernetes.io/name: web
`;
  const configMap = (overrides: Record<string, string>, extra: string[] = []) => {
    const keys = Array.from({ length: 15 }, (_, i) => `key${i + 1}`);
    return `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web-config\ndata:\n${keys.map((k) => `  ${k}: "${overrides[k] ?? `value-${k}`}"\n`).join("")}${extra.map((l) => `  ${l}\n`).join("")}`;
  };

  // In these pairs every changed line is unique in both texts, so the shortest
  // edit script is unique and the hunks must match diff -u line for line.
  test.each([
    ["replicas and image tag in one hunk (4 lines apart)", deployment(2, "1.25.3"), deployment(3, "1.25.3").replace("1.25.3", "1.27.0")],
    ["image tag only", deployment(2, "1.25.3"), deployment(2, "1.27.0")],
    ["an env var added", deployment(2, "1.25.3"), deployment(2, "1.25.3", "            - name: FEATURE_X\n              value: \"on\"\n")],
    ["two documents, a change in each (two hunks)", `---\n${service(80)}---\n${deployment(2, "1.25.3")}`, `---\n${service(8080)}---\n${deployment(5, "1.25.3")}`],
    ["far-apart changes in a ConfigMap (two hunks) and an added key", configMap({}), configMap({ key2: "two", key14: "fourteen" }, ["key16: \"sixteen\""])],
    ["resource limits removed", deployment(2, "1.25.3"), deployment(2, "1.25.3").replace("          resources:\n            limits:\n              cpu: 500m\n              memory: 256Mi\n", "")],
    ["a new release: everything added", "", service(80)],
    ["an uninstall: everything removed", service(80), ""],
    ["a one-line file", "replicaCount: 1\n", "replicaCount: 2\n"],
  ])("%s", (_name, before, after) => {
    const ours = show(unifiedDiff(before, after));
    expect(ours.length).toBeGreaterThan(0);
    expect(ours).toEqual(gnu(before, after));
  });

  // Removing one of two identical ConfigMap bodies is ambiguous: several
  // equally short scripts exist (which "---"/data block goes), and diff -u
  // may pick another one. Here only the number of hunks, their line counts
  // and the multiset of removed and added lines must agree.
  test("ambiguous input: same hunk sizes and the same removed and added lines", () => {
    const cm = (name: string) => `---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata:\n  mode: "fast"\n  retries: "3"\n`;
    const before = `${cm("a")}${cm("b")}${cm("c")}`;
    const after = `${cm("a")}${cm("c")}`;
    const summary = (lines: string[]) => ({
      hunks: lines.filter((l) => l.startsWith("@@")).map((l) => l.replace(/-\d+/, "-N").replace(/\+\d+/, "+N")),
      changed: lines.filter((l) => l.startsWith("+") || l.startsWith("-")).sort(),
    });
    const ours = show(unifiedDiff(before, after));
    expect(summary(ours)).toEqual(summary(gnu(before, after)));
    expect(summary(ours).changed).toEqual(["-  name: b", "----", "-  retries: \"3\"", "-  mode: \"fast\"", "-apiVersion: v1", "-data:", "-kind: ConfigMap", "-metadata:"].sort());
    expect(applyHunks(before.split("\n").slice(0, -1), unifiedDiff(before, after))).toEqual(after.split("\n").slice(0, -1));
  });
});
