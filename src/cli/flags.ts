// Flag groups shared by several commands, spelled as helm spells them.
import type { Command } from "commander";
import type { ChartPathOptions } from "../actions/chart-ref.js";
import { goDurationMs } from "../actions/duration.js";
import { UserError } from "./errors.js";

export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** A Go duration flag (helm's --timeout): checked as the flags are read, with pflag's message. */
export function durationFlag(flag: string): (value: string) => string {
  return (value) => {
    try {
      goDurationMs(value);
    } catch (err) {
      throw new UserError(`invalid argument ${JSON.stringify(value)} for ${JSON.stringify(flag)} flag: ${(err as Error).message}`);
    }
    return value;
  };
}

/** helm's StringSlice flags also split on commas. */
export function collectCsv(value: string, previous: string[] = []): string[] {
  return [...previous, ...value.split(",").filter((v) => v !== "")];
}

export function addValueFlags(cmd: Command): Command {
  return cmd
    .option("-f, --values <file>", "specify values in a YAML file or a URL (can specify multiple)", collectCsv, [])
    .option("--set <values>", "set values on the command line (can specify multiple or separate values with commas: key1=val1,key2=val2)", collect, [])
    .option("--set-string <values>", "set STRING values on the command line (can specify multiple or separate values with commas: key1=val1,key2=val2)", collect, [])
    .option("--set-file <values>", "set values from respective files specified via the command line (can specify multiple or separate values with commas: key1=path1,key2=path2)", collect, [])
    .option("--set-json <values>", "set JSON values on the command line (can specify multiple or separate values with commas: key1=jsonval1,key2=jsonval2)", collect, [])
    .option("--set-literal <values>", "set a literal STRING value on the command line", collect, []);
}

export interface ValueFlagValues {
  values: string[];
  set: string[];
  setString: string[];
  setFile: string[];
  setJson: string[];
  setLiteral: string[];
}

export function valueOptions(o: ValueFlagValues) {
  return {
    valueFiles: o.values,
    values: o.set,
    stringValues: o.setString,
    fileValues: o.setFile,
    jsonValues: o.setJson,
    literalValues: o.setLiteral,
  };
}

/** helm's chart path options: where a chart reference is looked up. */
export function addChartPathFlags(cmd: Command): Command {
  return cmd
    .option("--version <version>", "specify a version constraint for the chart version to use (exact version, or a range like ^2.0.0); without it the latest version is used")
    .option("--devel", "use development versions, too (equivalent to version '>0.0.0-0')")
    .option("--repo <url>", "chart repository url where to locate the requested chart")
    .option("--username <name>", "chart repository username where to locate the requested chart")
    .option("--password <password>", "chart repository password where to locate the requested chart")
    .option("--pass-credentials", "pass credentials to all domains")
    .option("--ca-file <file>", "verify certificates of HTTPS-enabled servers using this CA bundle")
    .option("--cert-file <file>", "identify HTTPS client using this SSL certificate file")
    .option("--key-file <file>", "identify HTTPS client using this SSL key file")
    .option("--insecure-skip-tls-verify", "skip tls certificate checks for the chart download")
    .option("--plain-http", "use insecure HTTP connections for the chart download")
    .option("--verify", "verify the package before using it")
    .option("--keyring <file>", "location of public keys used for verification (default: ~/.gnupg/pubring.gpg)");
}

export interface ChartPathFlagValues {
  version?: string;
  devel?: boolean;
  repo?: string;
  username?: string;
  password?: string;
  passCredentials?: boolean;
  caFile?: string;
  certFile?: string;
  keyFile?: string;
  insecureSkipTlsVerify?: boolean;
  plainHttp?: boolean;
  verify?: boolean;
  keyring?: string;
}

/** The chart path flags as the actions' ChartPathOptions. */
export function chartPathOptions(f: ChartPathFlagValues, warn?: (msg: string) => void): ChartPathOptions {
  return {
    version: f.version,
    devel: f.devel,
    repo: f.repo,
    username: f.username,
    password: f.password,
    passCredentials: f.passCredentials,
    caFile: f.caFile,
    certFile: f.certFile,
    keyFile: f.keyFile,
    insecureSkipTLSVerify: f.insecureSkipTlsVerify,
    plainHttp: f.plainHttp,
    verify: f.verify ? "always" : undefined,
    keyring: f.keyring,
    warn,
  };
}

/**
 * `dependency update` for a chart directory as the CLI runs it (package -u,
 * install/upgrade --dependency-update): progress lines to `out`, http(s) and
 * oci:// dependencies from the repository layer.
 */
export async function updateChartDependencies(chartPath: string, out: (line: string) => void, build = false): Promise<void> {
  const actions = await import("../actions/dependency.js");
  await (build ? actions.buildDependencies : actions.updateDependencies)(chartPath, {
    out,
    resolveRemote: async (dep, _chartPath, dest) => {
      const { resolveDependency } = await import("../repo/index.js");
      const got = await resolveDependency({ name: dep.name, version: dep.version, repository: dep.repository }, { destination: dest });
      dep.version = got.version;
      return dep;
    },
  });
}

/**
 * A chart reference (path, .tgz, repo/name, URL, oci://) to a local path.
 * Local paths are answered without loading the repository code.
 */
export async function locateChartRef(ref: string, f: ChartPathFlagValues, warn?: (msg: string) => void): Promise<string> {
  const { locateChartRef: locate } = await import("../actions/chart-ref.js");
  return locate(ref, chartPathOptions(f, warn));
}
