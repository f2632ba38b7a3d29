import { describe, expect, test } from "vitest";
import {
  defaultName,
  newWizard,
  nextStep,
  parseDurationMs,
  prevStep,
  STEP_TITLES,
  stepError,
  toRequest,
  valuesOverrides,
  type WizardState,
  wizardSteps,
} from "../../src/tui/view/wizard.js";

const install = (over: Partial<WizardState> = {}) => newWizard({ kind: "install", namespace: "apps", ...over });
const upgrade = (over: Partial<WizardState> = {}) => newWizard({ kind: "upgrade", namespace: "apps", chartRef: "demo/web", name: "web", ...over });

describe("newWizard", () => {
  test("an install starts at the chart, waiting but not atomic", () => {
    expect(install()).toEqual({
      kind: "install",
      step: "chart",
      chartRef: "",
      version: "",
      name: "",
      namespace: "apps",
      values: "",
      baseValues: "",
      wait: true,
      atomic: false,
      timeout: "5m0s",
      createNamespace: true,
    });
  });

  test("an upgrade is atomic unless told otherwise", () => {
    expect(upgrade().atomic).toBe(true);
    expect(upgrade({ atomic: false }).atomic).toBe(false);
  });

  test("opened on a chart, it starts at the version, unless a step is given", () => {
    expect(install({ chartRef: "demo/hello-web" }).step).toBe("version");
    expect(upgrade().step).toBe("version");
    expect(install({ chartRef: "demo/hello-web", step: "values" }).step).toBe("values");
  });
});

describe("wizardSteps", () => {
  test("an upgrade has no name step: the release is chosen already", () => {
    expect(wizardSteps("install")).toEqual(["chart", "version", "release", "values", "options", "preview"]);
    expect(wizardSteps("upgrade")).toEqual(["chart", "version", "values", "options", "preview"]);
    expect(wizardSteps("install").map((s) => STEP_TITLES[s])).toEqual(["Chart", "Version", "Name & namespace", "Values", "Options", "Preview"]);
  });
});

describe("stepError", () => {
  test("chart: something must be chosen", () => {
    expect(stepError(install())).toBe("choose a chart: type repo/name, a path or a URL");
    expect(stepError(install({ chartRef: "   ", step: "chart" }))).toBe("choose a chart: type repo/name, a path or a URL");
    expect(stepError(install({ chartRef: "demo/web", step: "chart" }))).toBeUndefined();
  });

  test("version: any, the latest when empty", () => {
    expect(stepError(install({ step: "version" }))).toBeUndefined();
    expect(stepError(install({ step: "version", version: "1.2.3" }))).toBeUndefined();
  });

  describe("release: helm's release name rules", () => {
    const at = (name: string, namespace = "apps") => stepError(install({ step: "release", name, namespace }));
    const bad = (name: string) => `"${name}" is not a valid release name: lower case letters, digits, '-' and '.', at most 53`;

    test.each(["web", "w", "0", "web-2", "web.v2", "a.b.c", "a-b.c-d", "x".repeat(53)])("%s is valid", (name) => {
      expect(at(name)).toBeUndefined();
    });

    test.each(["Web", "-web", "web-", ".web", "web.", "web..v2", "web_1", "web v2", "wéb", "web.-x", "x".repeat(54)])("%s is not", (name) => {
      expect(at(name)).toBe(bad(name));
    });

    test("an empty name has its own message", () => {
      expect(at("")).toBe("a release needs a name");
    });

    test("the namespace is a DNS label: no dots, at most 63", () => {
      expect(at("web", "kube-system")).toBeUndefined();
      expect(at("web", "n".repeat(63))).toBeUndefined();
      expect(at("web", "n".repeat(64))).toBe(`"${"n".repeat(64)}" is not a valid namespace name`);
      expect(at("web", "")).toBe('"" is not a valid namespace name');
      expect(at("web", "Apps")).toBe('"Apps" is not a valid namespace name');
      expect(at("web", "my.apps")).toBe('"my.apps" is not a valid namespace name');
      expect(at("web", "apps-")).toBe('"apps-" is not a valid namespace name');
    });

    test("the name is checked before the namespace", () => {
      expect(at("Web", "Apps")).toBe(bad("Web"));
    });
  });

  test("values: must be a YAML map (or nothing)", () => {
    const at = (values: string) => stepError(install({ step: "values", values }));
    expect(at("")).toBeUndefined();
    expect(at("# all defaults\n")).toBeUndefined();
    expect(at("replicaCount: 2\nimage:\n  tag: latest\n")).toBeUndefined();
    expect(at("just a string")).toBe(
      "values do not parse: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal string into Go value of type map[string]interface {}",
    );
    expect(at("- a\n- b\n")).toBe(
      "values do not parse: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go value of type map[string]interface {}",
    );
    const syntax = at("image:\n  tag: [1, 2\n");
    expect(syntax).toMatch(/^values do not parse: \S/);
    expect(syntax).not.toContain("\n");
  });

  test("options: the timeout must be a duration", () => {
    const at = (timeout: string) => stepError(install({ step: "options", timeout }));
    for (const ok of ["5m0s", "90s", "1h30m", "500ms", "1.5h", " 2m "]) expect(at(ok), ok).toBeUndefined();
    for (const bad of ["", "5", "5 m", "abc", "-5s", "5d", "m5"]) expect(at(bad), bad).toBe(`"${bad}" is not a duration (e.g. 90s, 5m0s)`);
  });

  test("preview: nothing left to check", () => {
    expect(stepError(install({ step: "preview" }))).toBeUndefined();
  });
});

describe("nextStep and prevStep", () => {
  test("an invalid step stays, with the error at the field", () => {
    const s = install();
    const n = nextStep(s);
    expect(n).toEqual({ ...s, error: "choose a chart: type repo/name, a path or a URL" });
    expect(s.error).toBeUndefined();
  });

  test("walks an install through every step, clearing the error", () => {
    let s: WizardState = { ...install({ chartRef: "demo/hello-web", step: "chart" }), error: "old" };
    const seen: string[] = [s.step];
    for (let i = 0; i < 5; i++) {
      if (s.step === "release") s = { ...s, name: "hello" };
      s = nextStep(s);
      expect(s.error).toBeUndefined();
      seen.push(s.step);
    }
    expect(seen).toEqual(["chart", "version", "release", "values", "options", "preview"]);
    // The last step has nowhere to go.
    const last = nextStep({ ...s, error: "x" });
    expect(last.step).toBe("preview");
    expect(last.error).toBeUndefined();
  });

  test("the release step blocks without a name", () => {
    const s = nextStep(install({ chartRef: "demo/web", step: "release" }));
    expect([s.step, s.error]).toEqual(["release", "a release needs a name"]);
  });

  test("an upgrade skips the name step both ways", () => {
    expect(nextStep(upgrade()).step).toBe("values");
    expect(prevStep(upgrade({ step: "values" }))?.step).toBe("version");
  });

  test("back clears the error; back from the first step closes the wizard", () => {
    expect(prevStep({ ...install({ step: "values" }), error: "values do not parse" })).toEqual({ ...install({ step: "values" }), step: "release", error: undefined });
    expect(prevStep(install())).toBeUndefined();
    expect(prevStep(upgrade({ step: "chart" }))).toBeUndefined();
  });
});

describe("valuesOverrides", () => {
  const base = `replicaCount: 1
image:
  repository: nginx
  tag: stable
  pullPolicy: IfNotPresent
service:
  type: ClusterIP
  port: 80
ingress:
  enabled: false
  hosts:
    - host: chart.local
      paths: ["/"]
tolerations: []
podAnnotations: {}
`;

  test("unchanged, or changed only in comments and layout, is nothing", () => {
    expect(valuesOverrides(base, base)).toBe("");
    expect(valuesOverrides(base, `# my values\n${base.replace("port: 80", "port:    80   # http")}`)).toBe("");
    expect(valuesOverrides("", "")).toBe("");
  });

  test("a changed leaf, alone under its parents", () => {
    expect(valuesOverrides(base, base.replace("replicaCount: 1", "replicaCount: 3"))).toBe("replicaCount: 3\n");
    expect(valuesOverrides(base, base.replace("tag: stable", "tag: mainline"))).toBe("image:\n  tag: mainline\n");
  });

  test("a type change is a change", () => {
    expect(valuesOverrides(base, base.replace("port: 80", 'port: "80"'))).toBe('service:\n  port: "80"\n');
  });

  test("a removed key becomes null, as helm deletes it", () => {
    expect(valuesOverrides(base, base.replace("podAnnotations: {}\n", ""))).toBe("podAnnotations: null\n");
    expect(valuesOverrides(base, base.replace("  pullPolicy: IfNotPresent\n", ""))).toBe("image:\n  pullPolicy: null\n");
    expect(valuesOverrides("a: 1\nb:\n  c: 2\n", "")).toBe("a: null\nb: null\n");
    expect(valuesOverrides("a:\n  b: 1\n", "a: {}\n")).toBe("a:\n  b: null\n");
  });

  test("a new key, scalar or map", () => {
    expect(valuesOverrides(base, `${base}extra:\n  enabled: true\n`)).toBe("extra:\n  enabled: true\n");
    expect(valuesOverrides("", "a: 1\n")).toBe("a: 1\n");
  });

  test("a map replaced by a scalar and the other way round", () => {
    expect(valuesOverrides("a:\n  b: 1\n", "a: 5\n")).toBe("a: 5\n");
    expect(valuesOverrides("a: 5\n", "a:\n  b: 1\n")).toBe("a:\n  b: 1\n");
  });

  test("lists are replaced whole", () => {
    expect(valuesOverrides("list:\n- a\n- b\n", "list:\n- a\n- b\n- c\n")).toBe("list:\n- a\n- b\n- c\n");
    expect(valuesOverrides(base, base.replace("host: chart.local", "host: app.example.com"))).toBe("ingress:\n  hosts:\n  - host: app.example.com\n    paths:\n    - /\n");
    expect(valuesOverrides(base, base.replace("tolerations: []", "tolerations:\n  - key: dedicated\n    operator: Exists"))).toBe(
      "tolerations:\n- key: dedicated\n  operator: Exists\n",
    );
  });

  test("several changes at several depths, keys sorted", () => {
    const edited = base
      .replace("replicaCount: 1", "replicaCount: 2")
      .replace("  tag: stable\n", "")
      .replace("enabled: false", "enabled: true")
      .replace("podAnnotations: {}", "podAnnotations:\n  prometheus.io/scrape: \"true\"");
    expect(valuesOverrides(base, edited)).toBe('image:\n  tag: null\ningress:\n  enabled: true\npodAnnotations:\n  prometheus.io/scrape: "true"\nreplicaCount: 2\n');
  });

  test("text that does not parse is passed as it is, for the action to report", () => {
    expect(valuesOverrides(base, "image: [oops\n")).toBe("image: [oops\n");
    expect(valuesOverrides("image: [oops\n", "a: 1\n")).toBe("a: 1\n");
  });
});

describe("toRequest", () => {
  test("an install passes only the overrides and trims the chart and timeout", () => {
    const s = install({
      step: "preview",
      chartRef: " demo/hello-web ",
      version: "0.2.0",
      name: "hello",
      namespace: "web",
      baseValues: "replicaCount: 1\nmessage: hi\n",
      values: "replicaCount: 2\nmessage: hi\n",
      timeout: " 90s ",
      createNamespace: false,
    });
    expect(toRequest(s)).toEqual({
      kind: "install",
      name: "hello",
      namespace: "web",
      chart: { ref: "demo/hello-web", version: "0.2.0" },
      values: "replicaCount: 2\n",
      wait: true,
      atomic: false,
      timeout: "90s",
      createNamespace: false,
    });
  });

  test("an empty version means the latest", () => {
    expect(toRequest(install({ chartRef: "demo/web", name: "web" })).chart).toStrictEqual({ ref: "demo/web", version: undefined });
  });

  test("an upgrade passes the release's whole values text", () => {
    const values = "replicaCount: 2\nmessage: hi\n";
    expect(toRequest(upgrade({ values, baseValues: values, wait: false }))).toEqual({
      kind: "upgrade",
      name: "web",
      namespace: "apps",
      chart: { ref: "demo/web", version: undefined },
      values,
      wait: false,
      atomic: true,
      timeout: "5m0s",
      createNamespace: true,
    });
  });
});

describe("defaultName", () => {
  test.each([
    ["demo/hello-web", "hello-web"],
    ["hello-web", "hello-web"],
    ["./charts/web/", "web"],
    ["./charts/web-1.2.3.tgz", "web"],
    ["https://example.com/charts/nginx-15.0.2.tgz", "nginx"],
    ["nginx-1.2.3-rc.1.tgz", "nginx"],
    ["oci://registry.example.com/charts/Redis_Cluster", "redis-cluster"],
    ["", ""],
  ])("%s -> %s", (ref, name) => {
    expect(defaultName(ref)).toBe(name);
  });

  test("at most 53 characters, helm's limit", () => {
    expect(defaultName(`repo/${"a".repeat(60)}`)).toBe("a".repeat(53));
  });
});

describe("parseDurationMs", () => {
  test.each([
    ["5m0s", 300_000],
    ["90s", 90_000],
    ["1h30m", 5_400_000],
    ["1h", 3_600_000],
    ["500ms", 500],
    ["1m500ms", 60_500],
    ["1.5h", 5_400_000],
    ["0s", 0],
    [" 2m ", 120_000],
  ])("%s is %i ms", (d, ms) => {
    expect(parseDurationMs(d)).toBe(ms);
  });

  test.each(["", "  ", "5", "5 m", "abc", "-5s", "5d", "m5", "5m0", "1h 30m"])("%j does not parse", (d) => {
    expect(parseDurationMs(d)).toBeNaN();
  });
});
