// helm's chartutil.Create and CreateFrom: a new chart directory from the
// built-in scaffold or from a starter chart ("<CHARTNAME>" replaced).
import { existsSync, mkdirSync, statSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, isAbsolute, join, resolve } from "node:path";
import { loadChart } from "./load.js";
import { ChartLoadError } from "./model.js";
import { marshalChartfile } from "./package.js";
import { CHARTNAME, GO_SCAFFOLD } from "./create-scaffold.js";
import { GO_TEMPLATES } from "./create-templates.js";

const NAME_RE = /^[a-zA-Z0-9._-]+$/;
const MAX_NAME = 250;

export class CreateError extends Error {
  override name = "CreateError";
  readonly userFacing = true;
}

export function validateChartName(name: string): void {
  if (name === "" || name.length > MAX_NAME) throw new CreateError(`chart name must be between 1 and ${MAX_NAME} characters`);
  if (!NAME_RE.test(name)) throw new CreateError(`chart name must match the regular expression "^[a-zA-Z0-9._-]+$"`);
}

function transform(text: string, name: string): string {
  return text.split(CHARTNAME).join(name);
}

function write(path: string, data: string | Buffer): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o755 });
  writeFileSync(path, data, { mode: 0o644 });
}

function chartDir(name: string, dir: string): string {
  const path = resolve(dir);
  let st: ReturnType<typeof statSync>;
  try {
    st = statSync(path);
  } catch {
    throw new CreateError(`stat ${path}: no such file or directory`);
  }
  if (!st.isDirectory()) throw new CreateError(`no such directory ${path}`);
  const cdir = join(path, name);
  if (existsSync(cdir) && !statSync(cdir).isDirectory()) throw new CreateError(`file ${cdir} already exists and is not a directory`);
  return cdir;
}

/** Writes the default scaffold into DIR/NAME and returns that path; existing files are overwritten with a warning. */
export function createChart(name: string, dir: string, warn: (msg: string) => void = () => {}): string {
  validateChartName(name);
  const cdir = chartDir(name, dir);
  for (const [rel, text] of Object.entries({ ...GO_SCAFFOLD, ...GO_TEMPLATES })) {
    const p = join(cdir, rel);
    if (existsSync(p)) warn(`WARNING: File "${p}" already exists. Overwriting.`);
    write(p, transform(text, name));
  }
  return cdir;
}

/** helm's CreateFrom: the starter's files with "<CHARTNAME>" replaced in templates and values.yaml, under fresh metadata. */
export function createFromStarter(name: string, dir: string, starterPath: string): string {
  validateChartName(name);
  let starter: ReturnType<typeof loadChart>;
  try {
    starter = loadChart(starterPath);
  } catch (err) {
    throw new ChartLoadError(`could not load ${starterPath}: ${(err as Error).message}`, { cause: err });
  }
  const cdir = join(resolve(dir), name);
  const md = { ...starter.metadata, name, description: "A Helm chart for Kubernetes", type: "application", version: "0.1.0", appVersion: "0.1.0", apiVersion: "v2" };
  md.dependencies = [];
  md.keywords = [];
  md.maintainers = [];
  md.sources = [];
  md.annotations = {};
  md.home = "";
  md.icon = "";
  md.kubeVersion = "";
  md.condition = "";
  md.tags = "";
  md.deprecated = false;
  mkdirSync(cdir, { recursive: true, mode: 0o755 });
  write(join(cdir, "Chart.yaml"), marshalChartfile(md));
  const values = starter.raw.find((f) => f.name === "values.yaml");
  if (values) write(join(cdir, "values.yaml"), transform(values.data.toString("utf8"), name));
  if (starter.schema) write(join(cdir, "values.schema.json"), starter.schema);
  for (const f of starter.templates) write(join(cdir, f.name), transform(f.data.toString("utf8"), name));
  for (const f of starter.files) write(join(cdir, f.name), f.data);
  return cdir;
}

/** helm's --starter: an absolute path, or a name under $HELM_DATA_HOME/starters. */
export function starterPath(starter: string, env: NodeJS.ProcessEnv = process.env): string {
  if (isAbsolute(starter)) return starter;
  const data = env.HELM_DATA_HOME || join(env.XDG_DATA_HOME || join(env.HOME || homedir(), ".local", "share"), "helm");
  return join(data, "starters", starter);
}
