// show, package: outputs compared with helm v3.17.3's (goldens in cmd-expected/).
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { packageChart } from "../../src/actions/package.js";
import { type ShowFormat, showChart } from "../../src/actions/show.js";
import { loadChart } from "../../src/chart/index.js";
import { archiveChart, gzipHelm, tarFiles } from "../../src/chart/package.js";

const FIX = join(__dirname, "../fixtures/charts");
const expected = (name: string) => readFileSync(join(FIX, "cmd-expected", name), "utf8");
const scratch: string[] = [];
afterEach(() => {
  for (const d of scratch.splice(0)) rmSync(d, { recursive: true, force: true });
});
function tmp(): string {
  const d = mkdtempSync(join(tmpdir(), "chartroom-pkg-"));
  scratch.push(d);
  return d;
}

/** Entry names, sizes and header fields of an uncompressed tar stream. */
function entries(tar: Buffer) {
  const out: { name: string; mode: number; uid: number; size: number; mtime: number; type: string }[] = [];
  let off = 0;
  while (off + 512 <= tar.length && tar[off] !== 0) {
    const h = tar.subarray(off, off + 512);
    const field = (a: number, n: number) => h.toString("latin1", a, a + n).replace(/\0.*$/s, "");
    const prefix = field(345, 155);
    const size = Number.parseInt(field(124, 12), 8);
    out.push({
      name: prefix ? `${prefix}/${field(0, 100)}` : field(0, 100),
      mode: Number.parseInt(field(100, 8), 8),
      uid: Number.parseInt(field(108, 8), 8),
      size,
      mtime: Number.parseInt(field(136, 12), 8),
      type: field(156, 1),
    });
    off += 512 + Math.ceil(size / 512) * 512;
  }
  return out;
}

describe("show", () => {
  for (const f of ["chart", "values", "readme", "crds", "all"] as ShowFormat[]) {
    it(`show ${f} matches helm`, () => {
      expect(showChart(loadChart(join(FIX, "cmd-app")), f)).toBe(expected(`show-${f}.txt`));
    });
  }

  it("prints no values section for a chart without values.yaml", () => {
    const c = loadChart(join(FIX, "cmd-sub"));
    c.raw = c.raw.filter((x) => x.name !== "values.yaml");
    expect(showChart(c, "all")).not.toContain("---");
  });
});

describe("package", () => {
  it("lays entries out in helm's order with fixed headers", () => {
    const dir = tmp();
    cpSync(join(FIX, "cmd-sub"), join(dir, "cmd-sub"), { recursive: true });
    const c = loadChart(join(dir, "cmd-sub"));
    const tar = gunzipSync(archiveChart(c, 0));
    expect(entries(tar).map((e) => [e.name, e.mode, e.uid, e.mtime, e.type])).toEqual([
      ["cmd-sub/Chart.yaml", 0o644, 0, 0, "0"],
      ["cmd-sub/values.yaml", 0o644, 0, 0, "0"],
      ["cmd-sub/templates/cm.yaml", 0o644, 0, 0, "0"],
    ]);
  });

  it("writes Go's gzip header with helm's extra field and comment", () => {
    const gz = gzipHelm(Buffer.from("x"));
    expect([...gz.subarray(0, 10)]).toEqual([0x1f, 0x8b, 8, 0x14, 0, 0, 0, 0, 0, 255]);
    expect(gz.readUInt16LE(10)).toBe(41);
    expect(gz.toString("latin1", 12, 58)).toBe("+aHR0cHM6Ly95b3V0dS5iZS96OVV6MWljandyTQo=Helm\0");
    expect(gunzipSync(gz).toString()).toBe("x");
  });

  it("splits long names into the ustar prefix", () => {
    const name = `${"d".repeat(120)}/file.yaml`;
    expect(entries(tarFiles([{ name, data: Buffer.from("a") }]))[0]?.name).toBe(name);
  });

  it("is reproducible and loads back with the same files", async () => {
    const a = tmp();
    const b = tmp();
    const src = join(FIX, "cmd-sub");
    const p1 = await packageChart(src, { destination: a, version: "1.2.4", appVersion: "9" });
    const p2 = await packageChart(src, { destination: b, version: "1.2.4", appVersion: "9" });
    expect(p1).toBe(join(a, "cmd-sub-1.2.4.tgz"));
    expect(readFileSync(p1).equals(readFileSync(p2))).toBe(true);
    const back = loadChart(p1);
    expect(back.metadata.version).toBe("1.2.4");
    expect(back.metadata.appVersion).toBe("9");
    expect(back.templates.map((t) => t.data.toString())).toEqual(loadChart(src).templates.map((t) => t.data.toString()));
  });

  it("refuses a chart whose dependencies are missing from charts/, as helm does", async () => {
    await expect(packageChart(join(FIX, "cmd-app"), { destination: tmp() })).rejects.toThrow(
      "found in Chart.yaml, but missing in charts/ directory: cmd-sub",
    );
  });

  it("rejects an invalid --version", async () => {
    await expect(packageChart(join(FIX, "cmd-sub"), { destination: tmp(), version: "one" })).rejects.toThrow("Invalid Semantic Version");
  });
});
