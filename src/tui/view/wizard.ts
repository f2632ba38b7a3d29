// The install/upgrade wizard as a pure state machine: chart -> version ->
// name and namespace -> values -> options -> preview -> apply. Each step
// validates before the next opens, with the message shown at the field.
import type { DeployRequest } from "../engine/types.js";
import { type GoMap, isMap } from "../../template/value.js";
import { marshalYaml } from "../../yaml/emit.js";
import { parseYamlMap } from "../../yaml/parse.js";
import { goDurationMs } from "../../actions/duration.js";

export type WizardStep = "chart" | "version" | "release" | "values" | "options" | "preview";

export interface WizardState {
  kind: "install" | "upgrade";
  step: WizardStep;
  chartRef: string;
  version: string;
  name: string;
  namespace: string;
  /** The values text the user edits: the chart's values.yaml (install) or the release's values (upgrade). */
  values: string;
  /** What `values` started from; an install passes only what differs from it. */
  baseValues: string;
  wait: boolean;
  atomic: boolean;
  timeout: string;
  createNamespace: boolean;
  error?: string;
}

export function wizardSteps(kind: WizardState["kind"]): WizardStep[] {
  return kind === "install" ? ["chart", "version", "release", "values", "options", "preview"] : ["chart", "version", "values", "options", "preview"];
}

export const STEP_TITLES: Record<WizardStep, string> = {
  chart: "Chart",
  version: "Version",
  release: "Name & namespace",
  values: "Values",
  options: "Options",
  preview: "Preview",
};

export function newWizard(init: Partial<WizardState> & Pick<WizardState, "kind" | "namespace">): WizardState {
  const state: WizardState = {
    step: "chart",
    chartRef: "",
    version: "",
    name: "",
    values: "",
    baseValues: "",
    wait: true,
    atomic: init.kind === "upgrade",
    timeout: "5m0s",
    createNamespace: true,
    ...init,
  };
  // A wizard opened on a chart starts at the version.
  if (!init.step && state.chartRef) state.step = "version";
  return state;
}

/** A Go duration ("5m0s", "90s", "1h30m") in milliseconds; NaN when it does not parse. */
export function parseDurationMs(d: string): number {
  const text = d.trim();
  // A negative timeout is Go-valid but means nothing here.
  if (text.startsWith("-")) return Number.NaN;
  try {
    return goDurationMs(text);
  } catch {
    return Number.NaN;
  }
}

const NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
/** Namespaces are DNS-1123 labels: no dots. */
const LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** What keeps the current step from being left forward, in words for the field. */
export function stepError(s: WizardState): string | undefined {
  switch (s.step) {
    case "chart":
      return s.chartRef.trim() ? undefined : "choose a chart: type repo/name, a path or a URL";
    case "version":
      return undefined;
    case "release":
      if (!s.name) return "a release needs a name";
      if (s.name.length > 53 || !NAME.test(s.name)) return `"${s.name}" is not a valid release name: lower case letters, digits, '-' and '.', at most 53`;
      if (!LABEL.test(s.namespace) || s.namespace.length > 63) return `"${s.namespace}" is not a valid namespace name`;
      return undefined;
    case "values":
      try {
        parseYamlMap(s.values);
        return undefined;
      } catch (err) {
        return `values do not parse: ${(err as Error).message.split("\n")[0]}`;
      }
    case "options":
      return Number.isNaN(parseDurationMs(s.timeout)) ? `"${s.timeout}" is not a duration (e.g. 90s, 5m0s)` : undefined;
    case "preview":
      return undefined;
    default: {
      const never: never = s.step;
      return never;
    }
  }
}

export function nextStep(s: WizardState): WizardState {
  const error = stepError(s);
  if (error) return { ...s, error };
  const steps = wizardSteps(s.kind);
  const i = steps.indexOf(s.step);
  return i + 1 < steps.length ? { ...s, step: steps[i + 1]!, error: undefined } : { ...s, error: undefined };
}

/** The previous step, or undefined when the wizard should close. */
export function prevStep(s: WizardState): WizardState | undefined {
  const steps = wizardSteps(s.kind);
  const i = steps.indexOf(s.step);
  return i > 0 ? { ...s, step: steps[i - 1]!, error: undefined } : undefined;
}

/**
 * What an install passes as its values file: only what the user changed from
 * the chart's defaults (a removed key becomes null, as helm deletes it), so
 * `helm get values` shows the user's choices, not the whole chart.
 */
export function valuesOverrides(base: string, edited: string): string {
  let a: GoMap;
  let b: GoMap;
  try {
    a = parseYamlMap(base);
    b = parseYamlMap(edited);
  } catch {
    return edited;
  }
  const diff = mapDiff(a, b);
  return diff && Object.keys(diff).length > 0 ? marshalYaml(diff) : "";
}

function mapDiff(a: GoMap, b: GoMap): GoMap | undefined {
  const out: GoMap = Object.create(null);
  for (const k of Object.keys(b)) {
    const av = a[k];
    const bv = b[k];
    if (isMap(av) && isMap(bv)) {
      const d = mapDiff(av as GoMap, bv as GoMap);
      if (d && Object.keys(d).length > 0) out[k] = d;
    } else if (!(k in a) || JSON.stringify(av) !== JSON.stringify(bv)) out[k] = bv;
  }
  for (const k of Object.keys(a)) if (!(k in b)) out[k] = null;
  return out;
}

export function toRequest(s: WizardState): DeployRequest {
  return {
    kind: s.kind,
    name: s.name,
    namespace: s.namespace,
    chart: { ref: s.chartRef.trim(), version: s.version || undefined },
    // An upgrade's text is the release's whole set of user values, as `helm upgrade -f` would pass them.
    values: s.kind === "install" ? valuesOverrides(s.baseValues, s.values) : s.values,
    wait: s.wait,
    atomic: s.atomic,
    // Trimmed as stepError read it: the actions reject " 90s ".
    timeout: s.timeout.trim(),
    createNamespace: s.createNamespace,
  };
}

/** A default release name from the chart: "demo/hello-web" -> "hello-web". */
export function defaultName(chartRef: string): string {
  const base = chartRef.replace(/\/+$/, "").split("/").pop() ?? "";
  return base
    .replace(/\.tgz$/, "")
    .replace(/-\d+\.\d+\.\d+.*$/, "")
    .toLowerCase()
    .replace(/[^a-z0-9-]/g, "-")
    .slice(0, 53);
}
