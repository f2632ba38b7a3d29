import type { Command } from "commander";
import type { Release } from "../../actions/index.js";
import { globalOptions } from "../context.js";

type Getter = (rel: Release, flags: GetFlags) => Promise<string>;

interface GetFlags {
  revision: string;
  output?: string;
  all?: boolean;
}

async function values(rel: Release, flags: GetFlags): Promise<string> {
  const out = await import("../output.js");
  const format = out.outputFormat(flags.output);
  const { computedValues } = await import("../../actions/index.js");
  const vals = flags.all ? computedValues(rel) : (rel.config ?? null);
  if (format === "table") return `${flags.all ? "COMPUTED VALUES:" : "USER-SUPPLIED VALUES:"}\n${out.goYaml(vals)}`;
  return out.encode(format, vals);
}

async function metadata(rel: Release, flags: GetFlags): Promise<string> {
  const out = await import("../output.js");
  const format = out.outputFormat(flags.output);
  const m = (rel.chart?.metadata ?? {}) as { name?: string; version?: string; appVersion?: string; annotations?: Record<string, string>; dependencies?: { name: string }[] };
  const deployedAt = rel.info.last_deployed.replace(/\.\d+(?=Z|[+-])/, "");
  if (format === "table") {
    const annos = Object.keys(m.annotations ?? {})
      .sort()
      .map((k) => `${k}=${m.annotations![k]}`)
      .join(",");
    const deps = (m.dependencies ?? []).map((d) => d.name).join(", ");
    return `NAME: ${rel.name}\nCHART: ${m.name ?? ""}\nVERSION: ${m.version ?? ""}\nAPP_VERSION: ${m.appVersion ?? ""}\nANNOTATIONS: ${annos}\nDEPENDENCIES: ${deps}\nNAMESPACE: ${rel.namespace}\nREVISION: ${rel.version}\nSTATUS: ${rel.info.status}\nDEPLOYED_AT: ${deployedAt}\n`;
  }
  const obj: Record<string, unknown> = { name: rel.name, chart: m.name ?? "", version: m.version ?? "", appVersion: m.appVersion ?? "" };
  if (m.annotations && Object.keys(m.annotations).length > 0) obj.annotations = m.annotations;
  if (m.dependencies && m.dependencies.length > 0) obj.dependencies = m.dependencies;
  Object.assign(obj, { namespace: rel.namespace, revision: rel.version, status: rel.info.status, deployedAt });
  return out.encode(format, obj);
}

const getters: Record<string, { description: string; fn: Getter; output?: boolean }> = {
  values: { description: "download the values file for a named release", fn: values, output: true },
  manifest: { description: "download the manifest for a named release", fn: async (r) => `${r.manifest ?? ""}\n` },
  notes: { description: "download the notes for a named release", fn: async (r) => (r.info.notes ? `NOTES:\n${r.info.notes}\n` : "") },
  hooks: {
    description: "download all hooks for a named release",
    fn: async (r) => (r.hooks ?? []).map((h) => `---\n# Source: ${h.path}\n${h.manifest}\n`).join(""),
  },
  metadata: { description: "this command fetches metadata for a given release", fn: metadata, output: true },
  all: {
    description: "download all information for a named release",
    fn: async (r) => {
      const out = await import("../output.js");
      const { computedValues } = await import("../../actions/index.js");
      return out.statusText(r, { showMetadata: true, debug: true, values: { user: r.config ?? null, computed: computedValues(r) } });
    },
  },
};

export function register(program: Command): void {
  const get = program.command("get").description("download extended information of a named release");
  for (const [sub, g] of Object.entries(getters)) {
    const cmd = get
      .command(sub)
      .usage("RELEASE_NAME [flags]")
      .description(g.description)
      .argument("<release>", "release name")
      .option("--revision <n>", "get the named release with revision", "0");
    if (g.output) cmd.option("-o, --output <format>", "prints the output in the specified format: table, json or yaml", "table");
    if (sub === "values") cmd.option("-a, --all", "dump all (computed) values");
    cmd.action(async (name: string, flags: GetFlags, command: Command) => {
      const gl = globalOptions(command);
      const out = await import("../output.js");
      const { getRelease } = await import("../../actions/index.js");
      const rel = await out.withCluster(gl, { progress: "none" }, (cfg) => getRelease(cfg, name, Number(flags.revision)));
      process.stdout.write(await g.fn(rel, flags));
    });
  }
}
