// helm lint's Chart.yaml rules: the file decodes, the fields helm requires
// are there and well formed, and v2-only fields are not used in v1 charts.
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { type ChartMetadata, decodeMetadata, normalizeVersion } from "../../chart/index.js";
import { quoteGo } from "../../template/strconv.js";
import { goTypeName } from "../../values/index.js";
import { parseYaml } from "../../yaml/parse.js";
import { isEmail, isRequestURL, isURL } from "./govalidator.js";
import { errorText, type Linter, pathErrorText, Severity } from "./linter.js";

const file = "Chart.yaml";

export function lintChartfile(linter: Linter): void {
  const chartPath = join(linter.chartDir, file);
  const rule = (sev: Severity, problem: string | undefined) => linter.rule(sev, file, problem);

  rule(Severity.Error, isDirectory(chartPath) ? "should be a file, not a directory" : undefined);

  let text: string;
  let md: ChartMetadata;
  try {
    try {
      text = readFileSync(chartPath, "utf8");
    } catch (err) {
      throw new Error(pathErrorText("open", chartPath, err));
    }
    md = decodeMetadata(text);
  } catch (err) {
    rule(Severity.Error, `unable to parse YAML\n\t${errorText(err)}`);
    return;
  }
  // The same file as a plain map, to see the YAML types of version and appVersion.
  let raw: Record<string, unknown> = {};
  try {
    const v = parseYaml(text);
    if (v !== null && typeof v === "object" && !Array.isArray(v)) raw = v as Record<string, unknown>;
  } catch {
    raw = {};
  }

  rule(Severity.Error, nameProblem(md));
  rule(Severity.Error, apiVersionProblem(md));
  rule(Severity.Error, stringTypeProblem(raw, "version"));
  rule(Severity.Error, versionProblem(md));
  rule(Severity.Error, stringTypeProblem(raw, "appVersion"));
  rule(Severity.Error, maintainerProblem(md));
  rule(Severity.Error, sourcesProblem(md));
  rule(Severity.Info, md.icon === "" ? "icon is recommended" : undefined);
  rule(Severity.Error, md.icon !== "" && !isRequestURL(md.icon) ? `invalid icon URL '${md.icon}'` : undefined);
  rule(Severity.Error, v2Only(md, md.type !== "", "chart type is not valid in apiVersion '%s'. It is valid in apiVersion 'v2'"));
  rule(
    Severity.Error,
    v2Only(md, md.dependencies.length > 0, "dependencies are not valid in the Chart file with apiVersion '%s'. They are valid in apiVersion 'v2'"),
  );
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** Go's path/filepath.Base. */
function goBase(p: string): string {
  if (p === "") return ".";
  const trimmed = p.replace(/\/+$/, "");
  if (trimmed === "") return "/";
  return trimmed.slice(trimmed.lastIndexOf("/") + 1);
}

function nameProblem(md: ChartMetadata): string | undefined {
  if (md.name === "") return "name is required";
  if (goBase(md.name) !== md.name) return `chart name ${quoteGo(md.name)} is invalid`;
  return undefined;
}

function apiVersionProblem(md: ChartMetadata): string | undefined {
  if (md.apiVersion === "") return 'apiVersion is required. The value must be either "v1" or "v2"';
  if (md.apiVersion !== "v1" && md.apiVersion !== "v2")
    return `apiVersion '${md.apiVersion}' is not valid. The value must be either "v1" or "v2"`;
  return undefined;
}

/** Chart.yaml's version and appVersion must be YAML strings, not numbers that happen to decode. */
function stringTypeProblem(raw: Record<string, unknown>, key: string): string | undefined {
  if (!Object.hasOwn(raw, key)) return undefined;
  const v = raw[key] as Parameters<typeof goTypeName>[0];
  if (typeof v === "string") return undefined;
  const t = v === null || v === undefined ? "<nil>" : goTypeName(v);
  return `${key} should be of type string but it's of type ${t}`;
}

function versionProblem(md: ChartMetadata): string | undefined {
  if (md.version === "") return "version is required";
  const v = normalizeVersion(md.version);
  if (v === undefined) return `version '${md.version}' is not a valid SemVer`;
  // The constraint ">0.0.0-0" only rejects the lowest version there is.
  const core = v.replace(/\+.*$/, "");
  if (core === "0.0.0-0") return `version ${v} is less than or equal to 0.0.0-0`;
  return undefined;
}

function maintainerProblem(md: ChartMetadata): string | undefined {
  for (const m of md.maintainers) {
    const name = m?.name ?? "";
    const email = m?.email ?? "";
    const url = m?.url ?? "";
    if (name === "") return "each maintainer requires a name";
    if (email !== "" && !isEmail(email)) return `invalid email '${email}' for maintainer '${name}'`;
    if (url !== "" && !isURL(url)) return `invalid url '${url}' for maintainer '${name}'`;
  }
  return undefined;
}

function sourcesProblem(md: ChartMetadata): string | undefined {
  for (const s of md.sources) if (s === "" || !isRequestURL(s)) return `invalid source URL '${s}'`;
  return undefined;
}

function v2Only(md: ChartMetadata, used: boolean, msg: string): string | undefined {
  return used && md.apiVersion !== "v2" ? msg.replace("%s", md.apiVersion) : undefined;
}
