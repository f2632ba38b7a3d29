// Push a packaged chart to an OCI registry with helm's media types, so helm
// pulls what chartroom pushes.
import { existsSync, readFileSync } from "node:fs";
import { loadArchiveFiles, loadFiles } from "../chart/index.js";
import { RepoError } from "./errors.js";
import { HELM_CHART_MEDIA_TYPE, HELM_CONFIG_MEDIA_TYPE, HELM_PROV_MEDIA_TYPE, OCI_MANIFEST_MEDIA_TYPE, parseOciRef } from "./oci-client.js";
import { registryFor } from "./oci-pull.js";
import type { LocateOptions } from "./pull.js";
import { goTime } from "./yaml-io.js";

export interface PushResult {
  ref: string;
  digest: string;
}

/** Chart.yaml as JSON the way helm's config blob carries it (empty fields omitted). */
function configJson(md: Record<string, unknown>): Buffer {
  const o: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(md)) {
    const empty = v === "" || v === false || v === null || (Array.isArray(v) && v.length === 0) || (typeof v === "object" && v !== null && Object.keys(v).length === 0);
    if (!empty) o[k] = v;
  }
  return Buffer.from(JSON.stringify(o));
}

export async function pushChart(archivePath: string, remote: string, opts: LocateOptions = {}): Promise<PushResult> {
  if (!remote.startsWith("oci://")) throw new RepoError(`scheme prefix missing from remote (e.g. "oci://")`);
  const data = readFileSync(archivePath);
  const md = loadFiles(loadArchiveFiles(data)).metadata;
  const base = parseOciRef(`${remote.replace(/\/+$/, "")}/${md.name}`);
  if (base.tag || base.digest) throw new RepoError(`unexpected tag or digest in remote "${remote}": the tag is the chart version`);
  const tag = md.version.replace(/\+/g, "_");
  const reg = registryFor(base.host, opts);
  const config = configJson(md as unknown as Record<string, unknown>);
  const configDigest = await reg.pushBlob(base.repository, config);
  const layerDigest = await reg.pushBlob(base.repository, data);
  const layers = [{ mediaType: HELM_CHART_MEDIA_TYPE, digest: layerDigest, size: data.length }];
  // A signed chart's .prov goes along as a layer of its own, as helm pushes it.
  const provPath = `${archivePath}.prov`;
  if (existsSync(provPath)) {
    const prov = readFileSync(provPath);
    layers.push({ mediaType: HELM_PROV_MEDIA_TYPE, digest: await reg.pushBlob(base.repository, prov), size: prov.length });
  }
  const annotations: Record<string, string> = {
    "org.opencontainers.image.created": goTime(),
    "org.opencontainers.image.title": md.name,
    "org.opencontainers.image.version": md.version,
  };
  if (md.description) annotations["org.opencontainers.image.description"] = md.description;
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: OCI_MANIFEST_MEDIA_TYPE,
      config: { mediaType: HELM_CONFIG_MEDIA_TYPE, digest: configDigest, size: config.length },
      layers,
      annotations,
    }),
  );
  const digest = await reg.putManifest(base.repository, tag, manifest);
  return { ref: `${base.host}/${base.repository}:${tag}`, digest };
}
