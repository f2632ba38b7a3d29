// Pull a helm chart from an OCI registry by tag, digest or version constraint.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import semver from "semver";
import { normalizeVersion } from "../chart/semver.js";
import { DEVEL_CONSTRAINT, satisfies } from "./index-file.js";
import { RepoError } from "./errors.js";
import { HELM_CHART_MEDIA_TYPE, HELM_CONFIG_MEDIA_TYPE, HELM_PROV_MEDIA_TYPE, parseOciRef, Registry, type RegistryOptions } from "./oci-client.js";
import { type Downloaded, keepProvenance, type LocateOptions } from "./pull.js";
import { credentialsFor } from "./registry-config.js";
import { writeFileAtomic } from "./yaml-io.js";

interface Descriptor {
  mediaType: string;
  digest: string;
  size: number;
}

export function registryFor(host: string, opts: LocateOptions & { registryConfig?: string }): Registry {
  const stored = opts.registryConfig ? credentialsFor(opts.registryConfig, host) : undefined;
  const o: RegistryOptions = {
    username: opts.username || stored?.username,
    password: opts.password || stored?.password,
    plainHttp: opts.plainHttp,
    insecureSkipTLSVerify: opts.insecureSkipTLSVerify,
    caFile: opts.caFile,
    certFile: opts.certFile,
    keyFile: opts.keyFile,
  };
  return new Registry(host, o);
}

/** helm's tag choice: an exact tag, else the newest tag satisfying the constraint ("+" is "_" in tags). */
async function chooseTag(reg: Registry, repository: string, version: string | undefined, devel: boolean | undefined): Promise<string> {
  // A version that parses as one is the tag itself, without listing tags (helm's getOciURI).
  if (version && normalizeVersion(version) !== undefined) return version.replace(/\+/g, "_");
  const tags = await reg.listTags(repository);
  const want = version || (devel ? DEVEL_CONSTRAINT : "");
  const exact = tags.find((t) => t === version?.replace(/\+/g, "_"));
  if (exact) return exact;
  const candidates = tags
    .map((t) => ({ t, v: normalizeVersion(t.replace(/_/g, "+")) }))
    .filter((c): c is { t: string; v: string } => c.v !== undefined)
    .filter((c) => (want === "" ? semver.prerelease(c.v) === null : satisfies(want, c.v)))
    .sort((a, b) => semver.rcompare(a.v, b.v));
  const first = candidates[0];
  if (!first) throw new RepoError(`could not locate a version matching provided version string ${want || "*"}`);
  return first.t;
}

export async function pullOciChart(ref: string, opts: LocateOptions & { destination: string }): Promise<Downloaded> {
  const r = parseOciRef(ref);
  const reg = registryFor(r.host, opts);
  if (r.tag && opts.version && r.tag !== opts.version.replace(/\+/g, "_"))
    throw new RepoError(`chart reference and version mismatch: ${opts.version} is not ${r.tag}`);
  const reference = r.digest ?? r.tag ?? (await chooseTag(reg, r.repository, opts.version, opts.devel));
  const { body, digest } = await reg.getManifest(r.repository, reference);
  if (r.digest && digest !== r.digest) throw new RepoError(`manifest digest ${digest} does not match the requested ${r.digest}`);
  const manifest = JSON.parse(body.toString("utf8")) as { config?: Descriptor; layers?: Descriptor[] };
  if (manifest.config?.mediaType !== HELM_CONFIG_MEDIA_TYPE)
    throw new RepoError(`${r.host}/${r.repository}:${reference} is not a helm chart: config media type ${manifest.config?.mediaType ?? "missing"}`);
  const layer = (manifest.layers ?? []).find((l) => l.mediaType === HELM_CHART_MEDIA_TYPE);
  if (!layer) throw new RepoError(`manifest does not contain a layer with mediatype ${HELM_CHART_MEDIA_TYPE}`);
  const config = JSON.parse((await reg.getBlob(r.repository, manifest.config.digest)).toString("utf8")) as { name?: string; version?: string };
  const archive = await reg.getBlob(r.repository, layer.digest);
  mkdirSync(opts.destination, { recursive: true });
  const path = join(opts.destination, `${config.name ?? r.repository.split("/").pop()}-${config.version ?? reference}.tgz`);
  writeFileAtomic(path, archive, 0o644);
  let verification: Downloaded["verification"];
  if (opts.verify) {
    // helm pushes the .prov as a layer of its own.
    const prov = (manifest.layers ?? []).find((l) => l.mediaType === HELM_PROV_MEDIA_TYPE);
    if (!prov) throw new RepoError(`manifest does not contain a layer with mediatype ${HELM_PROV_MEDIA_TYPE}`);
    verification = await keepProvenance(path, archive, await reg.getBlob(r.repository, prov.digest), opts);
  }
  const shown = r.digest ? `${r.host}/${r.repository}@${r.digest}` : `${r.host}/${r.repository}:${reference}`;
  return { path, digest, ref: shown, verification };
}
