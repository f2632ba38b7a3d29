// helm's chart loader: a directory (with .helmignore) or a .tgz archive
// becomes a Chart; charts/ entries become subcharts, recursively.
import { closeSync, lstatSync, openSync, readdirSync, readFileSync, readSync, realpathSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { newMap } from "../template/value.js";
import { parseYamlMap } from "../yaml/parse.js";
import { detectContentType, isGzip, loadArchiveFiles, MAX_DECOMPRESSED_FILE_SIZE, trimBom } from "./archive.js";
import { HELM_IGNORE, IgnoreRules } from "./ignore.js";
import { decodeLock, decodeMetadata, mergeRequirements, validateMetadata } from "./metadata.js";
import { API_VERSION_V1, type Chart, type ChartFile, ChartLoadError, emptyMetadata, setDependencies } from "./model.js";

/** Subchart archives inside archives: a bound against nested-archive bombs. */
export const MAX_ARCHIVE_NESTING = 16;

/** Warnings helm prints with log.Printf go here (stderr by default), with its file:line prefix. */
export type WarnFn = (msg: string) => void;

export interface LoadOptions {
  warn?: WarnFn;
}

function wrap(prefix: string, err: unknown): never {
  if (err instanceof ChartLoadError) throw new ChartLoadError(`${prefix}: ${err.message}`, { cause: err });
  if (err instanceof Error && (err as { userFacing?: boolean }).userFacing)
    throw new ChartLoadError(`${prefix}: ${err.message}`, { cause: err });
  throw err;
}

function goExt(name: string): string {
  const base = name.slice(name.lastIndexOf("/") + 1);
  const dot = base.lastIndexOf(".");
  return dot >= 0 ? base.slice(dot) : "";
}

/** helm's LoadFiles: build a chart from its files (names relative to the chart root). */
export function loadFiles(files: ChartFile[], opts: LoadOptions = {}, depth = 0): Chart {
  const warn = opts.warn ?? ((m: string) => process.stderr.write(`${m}\n`));
  const c: Chart = { metadata: emptyMetadata(), templates: [], values: newMap(), files: [], raw: [], dependencies: [] };
  let haveMetadata = false;
  const subcharts = new Map<string, ChartFile[]>();
  for (const f of files) {
    c.raw.push(f);
    if (f.name === "Chart.yaml") {
      try {
        c.metadata = decodeMetadata(f.data.toString("utf8"));
      } catch (err) {
        wrap("cannot load Chart.yaml", err);
      }
      haveMetadata = true;
      if (c.metadata.apiVersion === "") c.metadata.apiVersion = API_VERSION_V1;
    }
  }
  for (const f of files) {
    const text = () => f.data.toString("utf8");
    if (f.name === "Chart.yaml") continue;
    if (f.name === "Chart.lock") {
      try {
        c.lock = decodeLock(text());
      } catch (err) {
        wrap("cannot load Chart.lock", err);
      }
    } else if (f.name === "values.yaml") {
      try {
        c.values = parseYamlMap(text());
      } catch (err) {
        wrap("cannot load values.yaml", err);
      }
    } else if (f.name === "values.schema.json") {
      c.schema = f.data;
    } else if (f.name === "requirements.yaml") {
      haveMetadata = true;
      if (c.metadata.apiVersion !== API_VERSION_V1)
        warn('load.go:120: Warning: Dependencies are handled in Chart.yaml since apiVersion "v2". We recommend migrating dependencies to Chart.yaml.');
      try {
        mergeRequirements(c.metadata, text());
      } catch (err) {
        wrap("cannot load requirements.yaml", err);
      }
      if (c.metadata.apiVersion === API_VERSION_V1) c.files.push(f);
    } else if (f.name === "requirements.lock") {
      try {
        c.lock = decodeLock(text());
      } catch (err) {
        wrap("cannot load requirements.lock", err);
      }
      haveMetadata = true;
      if (c.metadata.apiVersion !== API_VERSION_V1)
        warn('load.go:138: Warning: Dependency locking is handled in Chart.lock since apiVersion "v2". We recommend migrating to Chart.lock.');
      if (c.metadata.apiVersion === API_VERSION_V1) c.files.push(f);
    } else if (f.name.startsWith("templates/")) {
      c.templates.push(f);
    } else if (f.name.startsWith("charts/")) {
      if (goExt(f.name) === ".prov") {
        c.files.push(f);
        continue;
      }
      const fname = f.name.slice("charts/".length);
      const cname = fname.split("/")[0] as string;
      let list = subcharts.get(cname);
      if (!list) subcharts.set(cname, (list = []));
      list.push({ name: fname, data: f.data });
    } else {
      c.files.push(f);
    }
  }
  if (!haveMetadata) throw new ChartLoadError("Chart.yaml file is missing");
  validateMetadata(c.metadata);

  const deps: Chart[] = [];
  for (const [n, sub] of subcharts) {
    if (n.startsWith("_") || n.startsWith(".")) continue;
    let sc: Chart;
    try {
      if (goExt(n) === ".tgz") {
        const file = sub[0] as ChartFile;
        if (file.name !== n)
          throw new ChartLoadError(`error unpacking subchart tar in ${c.metadata.name}: expected ${n}, got ${file.name}`);
        if (depth + 1 > MAX_ARCHIVE_NESTING)
          throw new ChartLoadError(`subchart archives are nested more than ${MAX_ARCHIVE_NESTING} levels deep`);
        sc = loadFiles(loadArchiveFiles(file.data), opts, depth + 1);
      } else {
        const buff: ChartFile[] = [];
        for (const f of sub) {
          const slash = f.name.indexOf("/");
          if (slash < 0) continue;
          buff.push({ name: f.name.slice(slash + 1), data: f.data });
        }
        sc = loadFiles(buff, opts, depth);
      }
    } catch (err) {
      if (err instanceof ChartLoadError && err.message.startsWith("error unpacking subchart tar")) throw err;
      wrap(`error unpacking subchart ${n} in ${c.metadata.name}`, err);
    }
    deps.push(sc);
  }
  setDependencies(c, deps);
  return c;
}

/** helm's LoadDir: walk in sorted order, follow symlinks, honour .helmignore. */
export function loadDir(dir: string, opts: LoadOptions = {}): Chart {
  const top = resolve(dir);
  const rules = (() => {
    const ifile = join(top, HELM_IGNORE);
    let text: string | undefined;
    try {
      text = readFileSync(ifile, "utf8");
    } catch {
      text = undefined;
    }
    return text === undefined ? new IgnoreRules() : IgnoreRules.parse(text);
  })();
  rules.addDefaults();
  const files: ChartFile[] = [];
  const walking = new Set<string>();
  const visit = (abs: string, rel: string): void => {
    let st = lstatSync(abs);
    if (st.isSymbolicLink()) {
      let target: string;
      try {
        target = realpathSync(abs);
      } catch (err) {
        throw new ChartLoadError(`error evaluating symlink ${abs}: ${(err as Error).message}`);
      }
      st = statSync(target);
    }
    if (st.isDirectory()) {
      if (rel !== "" && rules.ignores(rel, true)) return;
      const real = realpathSync(abs);
      if (walking.has(real)) throw new ChartLoadError(`symbolic link loop at ${abs}`);
      walking.add(real);
      const names = readdirSync(abs).sort((a, b) => (Buffer.from(a) < Buffer.from(b) ? -1 : a === b ? 0 : 1));
      for (const name of names) visit(join(abs, name), rel === "" ? name : `${rel}/${name}`);
      walking.delete(real);
      return;
    }
    if (rules.ignores(rel, false)) return;
    if (!st.isFile()) throw new ChartLoadError(`cannot load irregular file ${abs} as it has file mode type bits set`);
    if (st.size > MAX_DECOMPRESSED_FILE_SIZE)
      throw new ChartLoadError(
        `chart file ${JSON.stringify(abs.slice(abs.lastIndexOf("/") + 1))} is larger than the maximum file size ${MAX_DECOMPRESSED_FILE_SIZE}`,
      );
    files.push({ name: rel, data: trimBom(readFileSync(abs)) });
  };
  visit(top, "");
  return loadFiles(files, opts);
}

/** helm's LoadFile: a gzipped chart archive on disk. */
export function loadArchiveFile(name: string, opts: LoadOptions = {}): Chart {
  const head = Buffer.alloc(512);
  const fd = openSync(name, "r");
  let n: number;
  try {
    n = readSync(fd, head, 0, 512, 0);
  } finally {
    closeSync(fd);
  }
  const first = head.subarray(0, n);
  if (!isGzip(first)) {
    if (name.endsWith(".yml") || name.endsWith(".yaml"))
      throw new ChartLoadError(`file '${name}' seems to be a YAML file, but expected a gzipped archive`);
    throw new ChartLoadError(`file '${name}' does not appear to be a gzipped archive; got '${detectContentType(first)}'`);
  }
  return loadFiles(loadArchiveFiles(readFileSync(name)), opts);
}

/** Load a chart from a directory or a .tgz archive. Throws ChartLoadError. */
export function loadChart(path: string, opts: LoadOptions = {}): Chart {
  let st: ReturnType<typeof statSync>;
  try {
    st = statSync(path);
  } catch (err) {
    if ((err as { code?: string }).code === "ENOENT") throw new ChartLoadError(`stat ${path}: no such file or directory`);
    throw err;
  }
  return st.isDirectory() ? loadDir(path, opts) : loadArchiveFile(path, opts);
}
