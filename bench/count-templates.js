// How many template files a corpus pass renders (every chart and subchart, archives included).
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { readFileSync } from "node:fs";

function countDir(dir) {
  let n = 0;
  for (const e of readdirSync(dir)) {
    const p = join(dir, e);
    const s = statSync(p);
    if (s.isDirectory()) n += e === "templates" ? countFiles(p) : e === "charts" ? countCharts(p) : 0;
  }
  return n;
}

function countFiles(dir) {
  let n = 0;
  for (const e of readdirSync(dir)) {
    const p = join(dir, e);
    n += statSync(p).isDirectory() ? countFiles(p) : 1;
  }
  return n;
}

function countCharts(dir) {
  let n = 0;
  for (const e of readdirSync(dir)) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) n += countDir(p);
    else if (e.endsWith(".tgz")) n += countTgz(p);
  }
  return n;
}

/** Counts entries under */templates/ in a chart archive (ustar headers, 512-byte blocks). */
function countTgz(file) {
  const buf = gunzipSync(readFileSync(file));
  let n = 0;
  for (let off = 0; off + 512 <= buf.length; ) {
    const name = buf.toString("utf8", off, off + 100).replace(/\0.*$/s, "");
    if (!name) break;
    const size = Number.parseInt(buf.toString("utf8", off + 124, off + 136).replace(/\0.*$/s, "").trim() || "0", 8);
    const type = String.fromCharCode(buf[off + 156]);
    if ((type === "0" || type === "\0") && /\/templates\//.test(name)) n++;
    off += 512 + Math.ceil(size / 512) * 512;
  }
  return n;
}

export function countTemplates(cases) {
  let n = 0;
  for (const c of cases) n += countDir(c.chartDir);
  return n;
}
