import { cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { afterAll, describe, expect, test } from "vitest";
import { loadArchiveFiles } from "../../src/chart/archive.js";
import { loadChart } from "../../src/chart/load.js";
import { chartFullPath } from "../../src/chart/model.js";

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), "../fixtures/charts");
const tmp = mkdtempSync(join(tmpdir(), "chartroom-load-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface Entry {
  name: string;
  data?: string | Buffer;
  type?: string;
  linkname?: string;
}

/** A minimal ustar writer, so tests can craft archives a normal tool would refuse to make. */
function tgz(entries: Entry[], level = 6): Buffer {
  const blocks: Buffer[] = [];
  for (const e of entries) {
    const data = Buffer.isBuffer(e.data) ? e.data : Buffer.from(e.data ?? "");
    const h = Buffer.alloc(512);
    h.write(e.name, 0, 100, "utf8");
    h.write("0000644\0", 100);
    h.write("0000000\0", 108);
    h.write("0000000\0", 116);
    h.write(`${data.length.toString(8).padStart(11, "0")}\0`, 124);
    h.write("00000000000\0", 136);
    h.write(e.type ?? "0", 156);
    h.write(e.linkname ?? "", 157, 100, "utf8");
    h.write("ustar\u000000", 257, "latin1");
    h.fill(" ", 148, 156);
    let sum = 0;
    for (const b of h) sum += b;
    h.write(`${sum.toString(8).padStart(6, "0")}\0 `, 148, "latin1");
    blocks.push(h, data, Buffer.alloc((512 - (data.length % 512)) % 512));
  }
  blocks.push(Buffer.alloc(1024));
  return gzipSync(Buffer.concat(blocks), { level });
}

const CHART_YAML = "apiVersion: v2\nname: demo\nversion: 0.1.0\n";

describe("loading a directory", () => {
  // File lists checked against `.Files` as printed by helm v3.17.3 for this fixture.
  test(".helmignore and the default templates/.?* rule", () => {
    const c = loadChart(join(FIXTURES, "ignoring"));
    expect(c.files.map((f) => f.name)).toEqual([".helmignore", "data/top.txt", "docs/deep/b.md", "notes.txt"]);
    expect(c.templates.map((f) => f.name)).toEqual(["templates/a.yaml", "templates/list.yaml", "templates/sub/b.yaml"]);
    expect(c.dependencies.map((d) => chartFullPath(d))).toEqual(["ignoring/charts/skipped"]);
    expect(c.raw.map((f) => f.name)).toContain("Chart.yaml");
  });

  test("helm's negation quirk: '!pat' ignores everything pat does not match", () => {
    const dir = join(tmp, "negated");
    cpSync(join(FIXTURES, "ignoring"), dir, { recursive: true });
    writeFileSync(join(dir, ".helmignore"), "!keep.bak\n");
    expect(() => loadChart(dir)).toThrow("Chart.yaml file is missing");
  });

  test("'**' is refused", () => {
    const dir = join(tmp, "doublestar");
    cpSync(join(FIXTURES, "ignoring"), dir, { recursive: true });
    writeFileSync(join(dir, ".helmignore"), "docs/**\n");
    expect(() => loadChart(dir)).toThrow("double-star (**) syntax is not supported");
  });

  test("symlinked files are followed, a UTF-8 BOM is dropped", () => {
    const dir = join(tmp, "linked");
    cpSync(join(FIXTURES, "ignoring"), dir, { recursive: true });
    writeFileSync(join(tmp, "outside.txt"), "\uFEFFshared");
    symlinkSync(join(tmp, "outside.txt"), join(dir, "link.txt"));
    const c = loadChart(dir);
    expect(c.files.find((f) => f.name === "link.txt")?.data.toString()).toBe("shared");
  });

  test("a missing path", () => {
    expect(() => loadChart(join(tmp, "nope"))).toThrow(`stat ${join(tmp, "nope")}: no such file or directory`);
  });

  test("stray files in charts/ are subcharts without Chart.yaml", () => {
    const dir = join(tmp, "stray");
    cpSync(join(FIXTURES, "ignoring"), dir, { recursive: true });
    writeFileSync(join(dir, "charts", "README.md"), "x");
    expect(() => loadChart(dir)).toThrow("error unpacking subchart README.md in ignoring: Chart.yaml file is missing");
  });
});

describe("loading an archive", () => {
  test("strips the top folder and loads nested .tgz subcharts", () => {
    const sub = tgz([
      { name: "sub/Chart.yaml", data: "apiVersion: v2\nname: sub\nversion: 1.0.0\n" },
      { name: "sub/templates/s.yaml", data: "s: 1\n" },
    ]);
    const file = join(tmp, "demo-0.1.0.tgz");
    writeFileSync(
      file,
      tgz([
        { name: "demo/Chart.yaml", data: CHART_YAML },
        { name: "demo/values.yaml", data: "a: 1\n" },
        { name: "demo/templates/.hidden.yaml", data: "h: 1\n" },
        { name: "demo/charts/sub-1.0.0.tgz", data: sub },
      ]),
    );
    const c = loadChart(file);
    expect(c.metadata.name).toBe("demo");
    expect(c.values.a).toBe(1);
    // The default ignore rule applies to directories only.
    expect(c.templates.map((f) => f.name)).toEqual(["templates/.hidden.yaml"]);
    expect(c.dependencies.map((d) => chartFullPath(d))).toEqual(["demo/charts/sub"]);
    expect(c.dependencies[0]?.templates.map((f) => f.name)).toEqual(["templates/s.yaml"]);
  });

  test("not a gzip file", () => {
    const file = join(tmp, "plain.tgz");
    writeFileSync(file, "hello");
    expect(() => loadChart(file)).toThrow(`file '${file}' does not appear to be a gzipped archive; got 'text/plain; charset=utf-8'`);
    const yml = join(tmp, "values.yaml");
    writeFileSync(yml, "a: 1\n");
    expect(() => loadChart(yml)).toThrow(`file '${yml}' seems to be a YAML file, but expected a gzipped archive`);
  });

  const hostile: [string, Entry[], string][] = [
    ["parent references", [{ name: "demo/../../evil", data: "x" }], "chart illegally references parent directory"],
    ["absolute paths", [{ name: "demo//etc/passwd", data: "x" }], "chart illegally contains absolute paths"],
    ["content outside the base directory", [{ name: "demo/./", data: "x" }], 'chart illegally contains content outside the base directory: "demo/./"'],
    ["drive letters", [{ name: "demo/c:/x", data: "x" }], "chart contains illegally named files"],
    ["Chart.yaml outside a folder", [{ name: "Chart.yaml", data: CHART_YAML }], 'chart illegally contains content outside the base directory: "Chart.yaml"'],
    ["a Chart.yaml folder", [{ name: "Chart.yaml/x", data: "x" }], "chart yaml not in base directory"],
    [
      "symlinks leaving the chart",
      [{ name: "demo/link", type: "2", linkname: "../../../etc/passwd" }],
      'chart illegally contains a link leaving the chart: "demo/link" -> "../../../etc/passwd"',
    ],
    [
      "absolute hard links",
      [{ name: "demo/hard", type: "1", linkname: "/etc/shadow" }],
      'chart illegally contains a link leaving the chart: "demo/hard" -> "/etc/shadow"',
    ],
    [
      "files over 5 MiB",
      [{ name: "demo/big.bin", data: Buffer.alloc(5 * 1024 * 1024 + 1) }],
      'decompressed chart file "demo/big.bin" is larger than the maximum file size 5242880',
    ],
    ["no files", [], "no files in chart archive"],
  ];
  test.each(hostile)("rejects %s", (_name, entries, message) => {
    expect(() => loadArchiveFiles(tgz(entries))).toThrow(message);
  });

  test("rejects archives past 100 MiB in total", () => {
    const entries: Entry[] = [];
    const chunk = Buffer.alloc(5 * 1024 * 1024);
    for (let i = 0; i < 21; i++) entries.push({ name: `demo/f${i}`, data: chunk });
    expect(() => loadArchiveFiles(tgz(entries, 1))).toThrow("decompressed chart is larger than the maximum file size 104857600");
  });

  test("rejects archives nested too deeply", () => {
    let inner = tgz([{ name: "c/Chart.yaml", data: "apiVersion: v2\nname: c\nversion: 1.0.0\n" }]);
    for (let i = 0; i < 20; i++)
      inner = tgz([
        { name: "c/Chart.yaml", data: "apiVersion: v2\nname: c\nversion: 1.0.0\n" },
        { name: "c/charts/c.tgz", data: inner },
      ]);
    const file = join(tmp, "deep.tgz");
    writeFileSync(file, inner);
    expect(() => loadChart(file)).toThrow("subchart archives are nested more than 16 levels deep");
  });
});
