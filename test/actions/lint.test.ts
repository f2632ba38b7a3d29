// The lint engine's parts, each against what helm v3.17.3 printed for the
// same input (checked with `helm lint` on small charts).
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { deprecationWarning } from "../../src/actions/lint/deprecations.js";
import { isEmail, isRequestURL, isURL } from "../../src/actions/lint/govalidator.js";
import { runLint } from "../../src/actions/lint/index.js";
import { k8sDocuments } from "../../src/actions/lint/k8s-yaml.js";
import { metadataNameProblem } from "../../src/actions/lint/names.js";

const charts = join(import.meta.dirname, "../fixtures/lint/charts");
const subdomain =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

describe("metadata.name rules by kind", () => {
  it.each([
    ["Deployment", "web-1.example", undefined],
    ["ConfigMap", "Upper", `object name does not conform to Kubernetes naming requirements: "Upper": metadata.name: Invalid value: "Upper": ${subdomain}`],
    ["Namespace", "a.b", 'object name does not conform to Kubernetes naming requirements: "a.b": metadata.name: Invalid value: "a.b": must not contain dots'],
    ["service", "1abc", expect.stringContaining("a DNS-1035 label must consist of")],
    ["CertificateSigningRequest", "Anything_Goes", undefined],
    ["ClusterRoleBinding", "system:admin", undefined],
    ["Role", "..", `object name does not conform to Kubernetes naming requirements: "..": metadata.name: Invalid value: "..": may not be '..'`],
    ["Role", "a/b%c", expect.stringMatching(/: \[metadata\.name: .*may not contain '\/', metadata\.name: .*may not contain '%'\]$/)],
    ["Secret", "a".repeat(254), expect.stringContaining(": metadata.name: Invalid value: \"aaaa")],
  ])("%s %s", (kind, name, want) => {
    expect(metadataNameProblem(kind, name)).toEqual(want);
  });

  it("quotes names as Go does", () => {
    expect(metadataNameProblem("Pod", 'a"b\n')).toMatch(/^object name does not conform to Kubernetes naming requirements: "a\\"b\\n": /);
  });
});

describe("deprecated APIs (k8s.io/api v0.32.2)", () => {
  it("warns at the default release 1.32 with removal and replacement", () => {
    expect(deprecationWarning("extensions/v1beta1", "Ingress")).toBe(
      "extensions/v1beta1 Ingress is deprecated in v1.14+, unavailable in v1.22+; use networking.k8s.io/v1 Ingress",
    );
    expect(deprecationWarning("flowcontrol.apiserver.k8s.io/v1beta3", "FlowSchema")).toBe(
      "flowcontrol.apiserver.k8s.io/v1beta3 FlowSchema is deprecated in v1.29+, unavailable in v1.32+; use flowcontrol.apiserver.k8s.io/v1 FlowSchema",
    );
  });

  it("follows the target release", () => {
    expect(deprecationWarning("admissionregistration.k8s.io/v1alpha1", "MutatingAdmissionPolicy")).toBeUndefined();
    expect(deprecationWarning("admissionregistration.k8s.io/v1alpha1", "MutatingAdmissionPolicy", [1, 35])).toBe(
      "admissionregistration.k8s.io/v1alpha1 MutatingAdmissionPolicy is deprecated in v1.35+, unavailable in v1.38+",
    );
    expect(deprecationWarning("batch/v1beta1", "CronJob", [1, 20])).toBeUndefined();
  });

  it("ignores current, unknown and malformed types", () => {
    expect(deprecationWarning("apps/v1", "Deployment")).toBeUndefined();
    expect(deprecationWarning("example.com/v1", "Widget")).toBeUndefined();
    expect(deprecationWarning("a/b/c", "Ingress")).toBeUndefined();
    expect(deprecationWarning("", "Ingress")).toBeUndefined();
  });
});

describe("govalidator checks on Chart.yaml", () => {
  it.each([
    ["https://example.com/a b.png", true],
    ["http://exa mple.com/a.png", false],
    ["https://example.com#frag", false],
    ["https://example.com/x#frag", true],
    ["data:image/png;base64,AAAA", true],
    ["/abs/path.png", false],
    ["//host/path.png", false],
    ["https://[::1]:8080/x", true],
    ["https://host:port/x", false],
    ["https://example.com/%zz", false],
    ["1http://x", false],
    ["git@github.com:x/y.git", false],
    ["", false],
  ])("IsRequestURL(%j) = %s", (url, want) => {
    expect(isRequestURL(url)).toBe(want);
  });

  it.each([
    ["a@b", false],
    ["A@B.COM", true],
    ["a.b+c@sub.example.co.uk", true],
    ["a..b@x.com", false],
    ['"a b"@x.com', false],
    ["ü@x.com", true],
  ])("IsEmail(%j) = %s", (email, want) => {
    expect(isEmail(email)).toBe(want);
  });

  it.each([
    ["example.com", true],
    ["localhost:8080", true],
    ["http://1.2.3.4:80/x", true],
    ["ab", false],
    ["abcd", false],
    [".example.com", false],
    ["http://.example.com", false],
    ["https://my_host.example.com", true],
    ["http://foo bar.com", false],
  ])("IsURL(%j) = %s", (url, want) => {
    expect(isURL(url)).toBe(want);
  });
});

describe("rendered documents as helm lint reads them", () => {
  const read = (text: string) => {
    const out: unknown[] = [];
    try {
      for (const d of k8sDocuments(text)) out.push(d);
    } catch (err) {
      out.push((err as Error).message);
    }
    return out;
  };

  it("splits at --- lines, counting lines per document", () => {
    expect(read("kind: A\n---\n# comment only\n---\nkind: B\nmetadata:\n  name: x\n    y: 1\n")).toEqual([
      { apiVersion: "", kind: "A", metadata: { name: "", namespace: "" } },
      null,
      "error converting YAML to JSON: yaml: line 4: mapping values are not allowed in this context",
    ]);
  });

  it("rejects text after a separator, losing the document before it", () => {
    expect(read("kind: A\n--- # ok\nkind: B\n--- kind: C\n")).toEqual([
      { apiVersion: "", kind: "A", metadata: { name: "", namespace: "" } },
      "invalid Yaml document separator: kind: C",
    ]);
  });

  it("turns YAML scalars bound for strings into strings, and reports other types as encoding/json does", () => {
    expect(read("kind: 12\nmetadata:\n  name: 1.50\n")).toEqual([{ apiVersion: "", kind: "12", metadata: { name: "1.5", namespace: "" } }]);
    expect(read("kind: Pod\nmetadata:\n  name: [a]\n")).toEqual([
      "error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go struct field k8sYamlMetadata.Metadata.Name of type string",
    ]);
    expect(read("just text\n")).toEqual([
      "error unmarshaling JSON: while decoding JSON: json: cannot unmarshal string into Go value of type rules.K8sYamlStruct",
    ]);
  });

  it("reads a stream of JSON values with Go's syntax errors", () => {
    expect(read('{"kind": "A"}\n{"kind": 5}')).toEqual([
      { apiVersion: "", kind: "A", metadata: { name: "", namespace: "" } },
      "json: cannot unmarshal number into Go struct field K8sYamlStruct.Kind of type string",
    ]);
    expect(read('{"kind": "A"} {"a" 1}')).toEqual([
      { apiVersion: "", kind: "A", metadata: { name: "", namespace: "" } },
      "json: offset 20: invalid character '1' after object key",
    ]);
    expect(read('{"a": "\\q"}')).toEqual(["json: offset 9: invalid character 'q' in string escape code"]);
    expect(read('{"kind": "A"')).toEqual(["unexpected EOF"]);
  });
});

describe("runLint", () => {
  it("reports per chart, and --strict fails warnings", () => {
    const base = { values: {}, namespace: "default" };
    const ok = runLint({ ...base, paths: [join(charts, "v1-requirements")] });
    expect(ok.failed).toBe(0);
    expect(ok.summary).toBe("1 chart(s) linted, 0 chart(s) failed");
    const strict = runLint({ ...base, paths: [join(charts, "v1-requirements")], strict: true });
    expect(strict.failed).toBe(1);
    expect(strict.output).toContain("[WARNING] ");
  });

  it("logs lint-mode required and fail calls as helm's log.Printf does", () => {
    const lines: string[] = [];
    const r = runLint({ values: {}, namespace: "default", paths: [join(charts, "lint-mode")], log: (l) => lines.push(l) });
    expect(r.failed).toBe(0);
    expect(lines).toEqual([
      "engine.go:206: [INFO] Missing required value: name is needed",
      "engine.go:214: [INFO] Missing required value: empty must be set",
      "engine.go:227: [INFO] Fail: set ok=true to continue",
      "engine.go:206: [INFO] Missing required value: inside tpl",
    ]);
  });
});
