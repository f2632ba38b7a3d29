// Chart archives (.tgz) are untrusted input. This reads them in memory only,
// with helm's limits and checks (absolute paths, "..", drive letters, 100 MiB
// in total, 5 MiB per file) and one more: links may not point outside the chart.
import { gunzipSync } from "node:zlib";
import { ChartLoadError, type ChartFile } from "./model.js";

export const MAX_DECOMPRESSED_CHART_SIZE = 100 * 1024 * 1024;
export const MAX_DECOMPRESSED_FILE_SIZE = 5 * 1024 * 1024;

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

export function trimBom(data: Buffer): Buffer {
  return data.subarray(0, 3).equals(UTF8_BOM) ? data.subarray(3) : data;
}

export function isGzip(data: Buffer): boolean {
  return data.length >= 3 && data[0] === 0x1f && data[1] === 0x8b && data[2] === 0x08;
}

/** A few of Go's http.DetectContentType answers, for helm's "not an archive" message. */
export function detectContentType(data: Buffer): string {
  const head = data.subarray(0, 512);
  if (head.subarray(0, 4).toString("latin1") === "PK\u0003\u0004") return "application/zip";
  if (head.subarray(0, 5).toString("latin1") === "%PDF-") return "application/pdf";
  for (const b of head) {
    if (b <= 0x08 || b === 0x0b || (b >= 0x0e && b <= 0x1a) || (b >= 0x1c && b <= 0x1f)) return "application/octet-stream";
  }
  return "text/plain; charset=utf-8";
}

interface TarEntry {
  name: string;
  type: string;
  size: number;
  linkname: string;
  data: Buffer;
}

function cstring(buf: Buffer, start: number, len: number): string {
  const slice = buf.subarray(start, start + len);
  const nul = slice.indexOf(0);
  return (nul >= 0 ? slice.subarray(0, nul) : slice).toString("utf8");
}

function octal(buf: Buffer, start: number, len: number): number {
  const field = buf.subarray(start, start + len);
  if ((field[0] as number) & 0x80) {
    // base-256 (GNU) encoding for very large sizes
    let n = 0;
    for (let i = 1; i < field.length; i++) n = n * 256 + (field[i] as number);
    return n;
  }
  const s = cstring(buf, start, len).trim();
  if (s === "") return 0;
  if (!/^[0-7]+$/.test(s)) throw new ChartLoadError("archive/tar: invalid tar header");
  return Number.parseInt(s, 8);
}

function parsePax(data: Buffer): Record<string, string> {
  const out: Record<string, string> = {};
  let i = 0;
  const text = data.toString("utf8");
  while (i < text.length) {
    const sp = text.indexOf(" ", i);
    if (sp < 0) break;
    const len = Number.parseInt(text.slice(i, sp), 10);
    if (!(len > 0)) break;
    const rec = text.slice(sp + 1, i + len - 1);
    const eq = rec.indexOf("=");
    if (eq > 0) out[rec.slice(0, eq)] = rec.slice(eq + 1);
    i += len;
  }
  return out;
}

/** Iterate the entries of an uncompressed tar stream. */
function* readTar(tar: Buffer): Generator<TarEntry> {
  let off = 0;
  let longName: string | undefined;
  let longLink: string | undefined;
  let pax: Record<string, string> = {};
  while (off + 512 <= tar.length) {
    const hdr = tar.subarray(off, off + 512);
    if (hdr.every((b) => b === 0)) return;
    const size = octal(hdr, 124, 12);
    const type = String.fromCharCode(hdr[156] as number) === "\u0000" ? "0" : String.fromCharCode(hdr[156] as number);
    const magic = cstring(hdr, 257, 6);
    let name = cstring(hdr, 0, 100);
    const prefix = magic.startsWith("ustar") ? cstring(hdr, 345, 155) : "";
    if (prefix) name = `${prefix}/${name}`;
    const dataStart = off + 512;
    if (dataStart + size > tar.length) throw new ChartLoadError("unexpected EOF");
    const data = tar.subarray(dataStart, dataStart + size);
    off = dataStart + Math.ceil(size / 512) * 512;
    if (type === "L") {
      longName = cstring(data, 0, data.length);
      continue;
    }
    if (type === "K") {
      longLink = cstring(data, 0, data.length);
      continue;
    }
    if (type === "x") {
      pax = parsePax(data);
      continue;
    }
    if (type === "g") continue;
    const entry: TarEntry = {
      name: pax.path ?? longName ?? name,
      type,
      size: pax.size !== undefined ? Number(pax.size) : size,
      linkname: pax.linkpath ?? longLink ?? cstring(hdr, 157, 100),
      data,
    };
    longName = undefined;
    longLink = undefined;
    pax = {};
    yield entry;
  }
}

function posixClean(p: string): string {
  const out: string[] = [];
  const abs = p.startsWith("/");
  for (const part of p.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") {
      if (out.length > 0 && out[out.length - 1] !== "..") out.pop();
      else if (!abs) out.push("..");
    } else out.push(part);
  }
  const s = out.join("/");
  return abs ? `/${s}` : s || ".";
}

function linkLeavesChart(entryPath: string, target: string, hardlink: boolean): boolean {
  if (target.startsWith("/") || /^[a-zA-Z]:[\\/]/.test(target)) return true;
  const parts = target.replace(/\\/g, "/").split("/");
  if (hardlink) return posixClean(parts.slice(1).join("/")).startsWith("..");
  const dir = entryPath.split("/").slice(0, -1).join("/");
  return posixClean(dir ? `${dir}/${target}` : target).startsWith("..");
}

/** helm's LoadArchiveFiles: the files of a gzipped chart archive, root folder stripped. */
export function loadArchiveFiles(gz: Buffer): ChartFile[] {
  // gzip.NewReader reads a 10-byte header before anything else.
  if (gz.length === 0) throw new ChartLoadError("EOF");
  if (gz.length < 10) throw new ChartLoadError("unexpected EOF");
  let tar: Buffer;
  try {
    tar = gunzipSync(gz, { maxOutputLength: MAX_DECOMPRESSED_CHART_SIZE + 64 * 1024 * 1024 });
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === "ERR_BUFFER_TOO_LARGE" || code === "ERR_OUT_OF_RANGE")
      throw new ChartLoadError(`decompressed chart is larger than the maximum file size ${MAX_DECOMPRESSED_CHART_SIZE}`);
    if (code === "Z_DATA_ERROR" && !isGzip(gz)) throw new ChartLoadError("gzip: invalid header");
    throw new ChartLoadError(`unexpected EOF`);
  }
  const files: ChartFile[] = [];
  let remaining = MAX_DECOMPRESSED_CHART_SIZE;
  for (const hd of readTar(tar)) {
    if (hd.type === "5") continue;
    const delimiter = hd.name.includes("\\") ? "\\" : "/";
    const parts = hd.name.split(delimiter);
    let n = parts.slice(1).join("/");
    if (n.startsWith("/")) throw new ChartLoadError("chart illegally contains absolute paths");
    n = posixClean(n);
    if (n === ".")
      throw new ChartLoadError(`chart illegally contains content outside the base directory: ${JSON.stringify(hd.name)}`);
    if (n.startsWith("..")) throw new ChartLoadError("chart illegally references parent directory");
    if (/^[a-zA-Z]:\//.test(n)) throw new ChartLoadError("chart contains illegally named files");
    if (parts[0] === "Chart.yaml") throw new ChartLoadError("chart yaml not in base directory");
    if ((hd.type === "1" || hd.type === "2") && linkLeavesChart(hd.name.replace(/\\/g, "/"), hd.linkname, hd.type === "1"))
      throw new ChartLoadError(
        `chart illegally contains a link leaving the chart: ${JSON.stringify(hd.name)} -> ${JSON.stringify(hd.linkname)}`,
      );
    if (!["0", "7", "1", "2"].includes(hd.type))
      throw new ChartLoadError(`chart contains an unsupported archive entry: ${JSON.stringify(hd.name)}`);
    if (hd.size > remaining)
      throw new ChartLoadError(`decompressed chart is larger than the maximum file size ${MAX_DECOMPRESSED_CHART_SIZE}`);
    if (hd.size > MAX_DECOMPRESSED_FILE_SIZE)
      throw new ChartLoadError(
        `decompressed chart file ${JSON.stringify(hd.name)} is larger than the maximum file size ${MAX_DECOMPRESSED_FILE_SIZE}`,
      );
    const data = hd.type === "1" || hd.type === "2" ? Buffer.alloc(0) : hd.data;
    remaining -= data.length;
    if (remaining <= 0)
      throw new ChartLoadError(`decompressed chart is larger than the maximum file size ${MAX_DECOMPRESSED_CHART_SIZE}`);
    files.push({ name: n, data: Buffer.from(trimBom(data)) });
  }
  if (files.length === 0) throw new ChartLoadError("no files in chart archive");
  return files;
}
