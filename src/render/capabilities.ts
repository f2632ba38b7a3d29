// .Capabilities as helm builds it: helm template uses fixed defaults (the
// Kubernetes version and API list compiled into helm v3.17.3); install and
// upgrade read the cluster's version and discovery instead.
import { type FuncDef, GoObject, type Value, setElemType, withMethods } from "../template/value.js";

/** The API group/versions helm v3.17.3 reports when it has no cluster (chartutil.DefaultVersionSet). */
export const defaultApiVersions: readonly string[] = [
  "v1",
  "admissionregistration.k8s.io/v1",
  "admissionregistration.k8s.io/v1alpha1",
  "admissionregistration.k8s.io/v1beta1",
  "internal.apiserver.k8s.io/v1alpha1",
  "apps/v1",
  "apps/v1beta1",
  "apps/v1beta2",
  "authentication.k8s.io/v1",
  "authentication.k8s.io/v1alpha1",
  "authentication.k8s.io/v1beta1",
  "authorization.k8s.io/v1",
  "authorization.k8s.io/v1beta1",
  "autoscaling/v1",
  "autoscaling/v2",
  "autoscaling/v2beta1",
  "autoscaling/v2beta2",
  "batch/v1",
  "batch/v1beta1",
  "certificates.k8s.io/v1",
  "certificates.k8s.io/v1beta1",
  "certificates.k8s.io/v1alpha1",
  "coordination.k8s.io/v1alpha2",
  "coordination.k8s.io/v1beta1",
  "coordination.k8s.io/v1",
  "discovery.k8s.io/v1",
  "discovery.k8s.io/v1beta1",
  "events.k8s.io/v1",
  "events.k8s.io/v1beta1",
  "extensions/v1beta1",
  "flowcontrol.apiserver.k8s.io/v1",
  "flowcontrol.apiserver.k8s.io/v1beta1",
  "flowcontrol.apiserver.k8s.io/v1beta2",
  "flowcontrol.apiserver.k8s.io/v1beta3",
  "networking.k8s.io/v1",
  "networking.k8s.io/v1alpha1",
  "networking.k8s.io/v1beta1",
  "node.k8s.io/v1",
  "node.k8s.io/v1alpha1",
  "node.k8s.io/v1beta1",
  "policy/v1",
  "policy/v1beta1",
  "rbac.authorization.k8s.io/v1",
  "rbac.authorization.k8s.io/v1beta1",
  "rbac.authorization.k8s.io/v1alpha1",
  "resource.k8s.io/v1beta1",
  "resource.k8s.io/v1alpha3",
  "scheduling.k8s.io/v1alpha1",
  "scheduling.k8s.io/v1beta1",
  "scheduling.k8s.io/v1",
  "storage.k8s.io/v1beta1",
  "storage.k8s.io/v1",
  "storage.k8s.io/v1alpha1",
  "storagemigration.k8s.io/v1alpha1",
  "apiextensions.k8s.io/v1beta1",
  "apiextensions.k8s.io/v1",
];

/** The helm release whose behaviour Chartroom reproduces; templates see it as .Capabilities.HelmVersion. */
export const helmBuild = {
  version: "v3.17.3",
  gitCommit: "e4da49785aa6e6ee2b86efd5dd9e43400318262b",
  gitTreeState: "clean",
  goVersion: "go1.23.7",
};

export const defaultKubeVersion = "v1.32.0";

/** chartutil.KubeVersion; String() and GitVersion() have pointer receivers in helm. */
export class KubeVersion extends GoObject {
  override goPointerMethods = true;
  readonly major: string;
  readonly minor: string;
  constructor(readonly version: string) {
    super();
    const m = /^v?(\d+)\.(\d+)/.exec(version);
    this.major = m?.[1] ?? "0";
    this.minor = m?.[2] ?? "0";
  }
  goType(): string {
    return "chartutil.KubeVersion";
  }
  override fieldNames(): string[] {
    return ["Version", "Major", "Minor"];
  }
  override hasField(name: string): boolean {
    return name === "Version" || name === "Major" || name === "Minor";
  }
  override field(name: string): Value | undefined {
    if (name === "Version") return this.version;
    if (name === "Major") return this.major;
    if (name === "Minor") return this.minor;
    return undefined;
  }
  override method(name: string): FuncDef | undefined {
    if (name === "String" || name === "GitVersion") return { params: [], fn: () => this.version };
    return undefined;
  }
  override goString(): string {
    return this.version;
  }
}

/** helm's version.BuildInfo. */
class HelmVersion extends GoObject {
  goType(): string {
    return "version.BuildInfo";
  }
  override fieldNames(): string[] {
    return ["Version", "GitCommit", "GitTreeState", "GoVersion"];
  }
  override hasField(name: string): boolean {
    return this.fieldNames().includes(name);
  }
  override field(name: string): Value | undefined {
    switch (name) {
      case "Version":
        return helmBuild.version;
      case "GitCommit":
        return helmBuild.gitCommit;
      case "GitTreeState":
        return helmBuild.gitTreeState;
      case "GoVersion":
        return helmBuild.goVersion;
      default:
        return undefined;
    }
  }
}

export function versionSet(versions: readonly string[]): Value[] {
  const list = setElemType([...versions], "string");
  const set = new Set(versions);
  return withMethods(list, "chartutil.VersionSet", {
    Has: { params: ["string"], fn: (v: string) => set.has(v) },
  });
}

export class Capabilities extends GoObject {
  readonly kubeVersion: KubeVersion;
  readonly apiVersions: Value[];
  readonly helmVersion = new HelmVersion();
  constructor(kubeVersion = defaultKubeVersion, apiVersions: readonly string[] = defaultApiVersions) {
    super();
    this.kubeVersion = new KubeVersion(kubeVersion);
    this.apiVersions = versionSet(apiVersions);
  }
  goType(): string {
    return "*chartutil.Capabilities";
  }
  override fieldNames(): string[] {
    return ["KubeVersion", "APIVersions", "HelmVersion"];
  }
  override hasField(name: string): boolean {
    return name === "KubeVersion" || name === "APIVersions" || name === "HelmVersion";
  }
  override field(name: string): Value | undefined {
    if (name === "KubeVersion") return this.kubeVersion;
    if (name === "APIVersions") return this.apiVersions;
    if (name === "HelmVersion") return this.helmVersion;
    return undefined;
  }
  /** The API versions as plain strings (for install-time checks). */
  apiVersionList(): string[] {
    return this.apiVersions as string[];
  }
}

export interface CapabilityOptions {
  kubeVersion?: string;
  /** Extra API versions (helm's -a/--api-versions), appended to the defaults. */
  extraApiVersions?: string[];
}

/** The capabilities helm template uses: defaults, overridden by --kube-version and -a. */
export function offlineCapabilities(opts: CapabilityOptions = {}): Capabilities {
  return new Capabilities(opts.kubeVersion ?? defaultKubeVersion, [...defaultApiVersions, ...(opts.extraApiVersions ?? [])]);
}
