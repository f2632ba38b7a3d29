// helm's chartutil.Save: a chart written back out as <name>-<version>.tgz.
// Entries follow helm's order (Chart.yaml, Chart.lock, values.yaml, schema,
// templates, files, then subcharts as directories), but unlike helm every
// header carries a fixed time, so packaging the same chart twice gives the
// same bytes.
import { mkdirSync, statSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { crc32, deflateRawSync } from "node:zlib";
import { type GoMap, newMap, type Value } from "../template/value.js";
import { marshalYaml } from "../yaml/emit.js";
import { validateMetadata } from "./metadata.js";
import { API_VERSION_V1, API_VERSION_V2, type Chart, type ChartFile, ChartLoadError, type ChartLock, type ChartMetadata, type Dependency } from "./model.js";

/** The extra field and comment helm's gzip header carries. */
const HELM_GZIP_EXTRA = Buffer.from("+aHR0cHM6Ly95b3V0dS5iZS96OVV6MWljandyTQo=");
const HELM_GZIP_COMMENT = "Helm";

/** Default entry time: SOURCE_DATE_EPOCH when set, else 0 (1970-01-01). */
export function defaultMtime(): number {
  const s = process.env.SOURCE_DATE_EPOCH;
  return s && /^\d+$/.test(s) ? Number(s) : 0;
}

function put(m: GoMap, key: string, v: Value, omitEmpty: boolean): void {
  if (omitEmpty && (v === "" || v === false || (Array.isArray(v) && v.length === 0) || (v instanceof Map && v.size === 0))) return;
  if (omitEmpty && v !== null && typeof v === "object" && !Array.isArray(v) && Object.keys(v).length === 0) return;
  m[key] = v;
}

function dependencyGo(d: Dependency | null): Value {
  if (d === null) return null;
  const m = newMap();
  put(m, "name", d.name, false);
  put(m, "version", d.version, true);
  put(m, "repository", d.repository, false);
  put(m, "condition", d.condition, true);
  put(m, "tags", d.tags, true);
  put(m, "enabled", d.enabled, true);
  put(m, "import-values", d.importValues, true);
  put(m, "alias", d.alias, true);
  return m;
}

/** Chart metadata with helm's JSON field names and omitempty rules. */
export function metadataValue(md: ChartMetadata): GoMap {
  const m = newMap();
  put(m, "name", md.name, false);
  put(m, "home", md.home, true);
  put(m, "sources", md.sources, true);
  put(m, "version", md.version, false);
  put(m, "description", md.description, true);
  put(m, "keywords", md.keywords, true);
  const maintainers = md.maintainers.map((x) => {
    if (x === null) return null;
    const mm = newMap();
    put(mm, "name", x.name, true);
    put(mm, "email", x.email, true);
    put(mm, "url", x.url, true);
    return mm;
  });
  put(m, "maintainers", maintainers, true);
  put(m, "icon", md.icon, true);
  put(m, "apiVersion", md.apiVersion, false);
  put(m, "condition", md.condition, true);
  put(m, "tags", md.tags, true);
  put(m, "appVersion", md.appVersion, true);
  put(m, "deprecated", md.deprecated, true);
  const ann = newMap();
  for (const [k, v] of Object.entries(md.annotations)) ann[k] = v;
  put(m, "annotations", ann, true);
  put(m, "kubeVersion", md.kubeVersion, true);
  put(m, "dependencies", md.dependencies.map(dependencyGo), true);
  put(m, "type", md.type, true);
  return m;
}

/** Chart.yaml as helm re-marshals it (sigs.k8s.io/yaml: keys sorted). */
export function marshalChartfile(md: ChartMetadata): string {
  return marshalYaml(metadataValue(md));
}

/** Chart.lock as helm writes it. */
export function marshalLock(lock: ChartLock): string {
  const m = newMap();
  m.generated = lock.generated;
  m.digest = lock.digest;
  m.dependencies = lock.dependencies.map(dependencyGo);
  return marshalYaml(m);
}

/** The archive's entries, in helm's order, names prefixed by the chart name. */
export function archiveEntries(chart: Chart, prefix = ""): ChartFile[] {
  const name = chart.metadata.name;
  if (basename(name) !== name) throw new ChartLoadError(`"${name}" is not a valid chart name`);
  const base = prefix ? `${prefix}/${name}` : name;
  const out: ChartFile[] = [];
  const md = chart.metadata.apiVersion === API_VERSION_V1 ? { ...chart.metadata, dependencies: [] } : chart.metadata;
  out.push({ name: `${base}/Chart.yaml`, data: Buffer.from(marshalChartfile(md)) });
  if (chart.metadata.apiVersion === API_VERSION_V2 && chart.lock) out.push({ name: `${base}/Chart.lock`, data: Buffer.from(marshalLock(chart.lock)) });
  const values = chart.raw.find((f) => f.name === "values.yaml");
  if (values) out.push({ name: `${base}/values.yaml`, data: values.data });
  if (chart.schema) {
    try {
      JSON.parse(chart.schema.toString("utf8"));
    } catch {
      throw new ChartLoadError("Invalid JSON in values.schema.json");
    }
    out.push({ name: `${base}/values.schema.json`, data: chart.schema });
  }
  for (const f of [...chart.templates, ...chart.files]) out.push({ name: `${base}/${f.name}`, data: f.data });
  for (const d of chart.dependencies) out.push(...archiveEntries(d, `${base}/charts`));
  return out;
}

function octal(buf: Buffer, off: number, len: number, n: number): void {
  buf.write(`${n.toString(8).padStart(len - 1, "0")}\0`, off, len, "latin1");
}

/** Splits a long name into USTAR's prefix and name fields, as Go's tar does. */
function splitUstarName(name: string): [string, string] | undefined {
  const b = Buffer.byteLength(name);
  if (b <= 100) return ["", name];
  for (let i = name.length - 1; i > 0; i--) {
    if (name[i] !== "/") continue;
    const pre = name.slice(0, i);
    const rest = name.slice(i + 1);
    if (Buffer.byteLength(pre) <= 155 && Buffer.byteLength(rest) <= 100 && rest !== "") return [pre, rest];
  }
  return undefined;
}

function header(name: string, size: number, mtime: number, type = "0"): Buffer {
  const h = Buffer.alloc(512);
  const split = splitUstarName(name);
  if (!split) throw new ChartLoadError(`file name too long for the archive: ${name}`);
  h.write(split[1], 0, 100, "utf8");
  octal(h, 100, 8, 0o644);
  octal(h, 108, 8, 0);
  octal(h, 116, 8, 0);
  octal(h, 124, 12, size);
  octal(h, 136, 12, mtime);
  h.write("        ", 148, 8, "latin1");
  h.write(type, 156, 1, "latin1");
  h.write("ustar\x0000", 257, 8, "latin1");
  h.write(split[0], 345, 155, "utf8");
  let sum = 0;
  for (const c of h) sum += c;
  h.write(`${sum.toString(8).padStart(6, "0")}\0 `, 148, 8, "latin1");
  return h;
}

/** A PAX record block for names USTAR cannot hold. */
function paxHeader(name: string, mtime: number): Buffer[] {
  let rec = ` path=${name}\n`;
  let len = Buffer.byteLength(rec);
  let total = len + String(len).length;
  if (String(total).length !== String(len).length) total = len + String(total).length;
  rec = `${total}${rec}`;
  const body = Buffer.from(rec);
  len = body.length;
  const pad = Buffer.alloc((512 - (len % 512)) % 512);
  return [header("PaxHeaders.0/entry", len, mtime, "x"), body, pad];
}

/** A tar stream of regular files (mode 0644, uid/gid 0), as Go's archive/tar writes. */
export function tarFiles(files: ChartFile[], mtime = defaultMtime()): Buffer {
  const parts: Buffer[] = [];
  for (const f of files) {
    if (!splitUstarName(f.name)) {
      parts.push(...paxHeader(f.name, mtime));
      parts.push(header(f.name.slice(0, 99), f.data.length, mtime));
    } else parts.push(header(f.name, f.data.length, mtime));
    parts.push(f.data);
    const pad = (512 - (f.data.length % 512)) % 512;
    if (pad) parts.push(Buffer.alloc(pad));
  }
  parts.push(Buffer.alloc(1024));
  return Buffer.concat(parts);
}

/** gzip with the header Go writes for helm: FEXTRA + FCOMMENT, zero mtime, OS 255. */
export function gzipHelm(data: Buffer): Buffer {
  const head = Buffer.from([0x1f, 0x8b, 8, 0x04 | 0x10, 0, 0, 0, 0, 0, 255]);
  const xlen = Buffer.alloc(2);
  xlen.writeUInt16LE(HELM_GZIP_EXTRA.length);
  const comment = Buffer.from(`${HELM_GZIP_COMMENT}\0`, "latin1");
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc32(data) >>> 0, 0);
  trailer.writeUInt32LE(data.length >>> 0, 4);
  return Buffer.concat([head, xlen, HELM_GZIP_EXTRA, comment, deflateRawSync(data), trailer]);
}

/** The chart as a .tgz, in memory. */
export function archiveChart(chart: Chart, mtime = defaultMtime()): Buffer {
  validateMetadata(chart.metadata);
  return gzipHelm(tarFiles(archiveEntries(chart), mtime));
}

/** helm's chartutil.Save: writes <outDir>/<name>-<version>.tgz and returns its path. */
export function saveChart(chart: Chart, outDir: string, mtime = defaultMtime()): string {
  const data = archiveChart(chart, mtime);
  let st: ReturnType<typeof statSync> | undefined;
  try {
    st = statSync(outDir);
  } catch {
    mkdirSync(outDir, { recursive: true, mode: 0o755 });
  }
  if (st && !st.isDirectory()) throw new ChartLoadError(`is not a directory: ${outDir}`);
  const file = join(outDir, `${chart.metadata.name}-${chart.metadata.version}.tgz`);
  writeFileSync(file, data);
  return file;
}
