// Release names: helm's validation and the --generate-name / --name-template forms.
import { baseFuncs } from "../funcs/index.js";
import { TemplateSet } from "../template/index.js";

export class ReleaseNameError extends Error {
  override name = "ReleaseNameError";
  readonly userFacing = true;
}

const validName = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const validNameSource = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$";

/** chartutil.ValidateReleaseName, with install's "release name %q" prefix. */
export function validateReleaseName(name: string): void {
  if (name === "") throw new ReleaseNameError(`release name "": no name provided`);
  if (name.length > 53 || !validName.test(name)) {
    throw new ReleaseNameError(
      `release name ${JSON.stringify(name)}: invalid release name, must match regex ${validNameSource} and the length must not be longer than 53`,
    );
  }
}

/** action.TemplateName: the --name-template rendered with Sprig and no data. */
export function nameFromTemplate(nameTemplate: string): string {
  const set = new TemplateSet(baseFuncs());
  set.parse("name-template", nameTemplate);
  return set.execute("name-template", null);
}

export interface NameArgs {
  generateName?: boolean;
  nameTemplate?: string;
  /** Used when only the chart is given; helm template always has "release-name" here, even with --generate-name. */
  defaultName?: string;
}

/** Install.NameAndChart: [NAME] CHART with --generate-name / --name-template. */
export function nameAndChart(args: string[], opts: NameArgs, now: () => number = Date.now): { name: string; chart: string } {
  if (args.length > 2) {
    throw new ReleaseNameError(`expected at most two arguments, unexpected arguments: ${args.slice(2).join(", ")}`);
  }
  if (args.length === 2) {
    if (opts.generateName) throw new ReleaseNameError("cannot set --generate-name and also specify a name");
    if (opts.nameTemplate) throw new ReleaseNameError("cannot set --name-template and also specify a name");
    return { name: args[0]!, chart: args[1]! };
  }
  const chart = args[0]!;
  if (opts.nameTemplate) return { name: nameFromTemplate(opts.nameTemplate), chart };
  if (opts.defaultName) return { name: opts.defaultName, chart };
  if (!opts.generateName) throw new ReleaseNameError("must either provide a name or specify --generate-name");
  let base = chart.replace(/\/+$/, "").split("/").pop() ?? "";
  if (base === "." || base === "") base = "chart";
  const dot = base.indexOf(".");
  if (dot !== -1) base = base.slice(0, dot);
  return { name: `${base}-${Math.floor(now() / 1000)}`, chart };
}
