// Builders for repository tests: chart archives made with the tar package,
// isolated helm paths, a real docker-registry on loopback, and real helm.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as tar from "tar";

export function tempDir(prefix = "chartroom-repo-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export interface ChartSpec {
  name: string;
  version: string;
  appVersion?: string;
  description?: string;
  keywords?: string[];
}

/** Write NAME-VERSION.tgz into dir, as `helm package` lays it out. */
export async function makeChartArchive(dir: string, spec: ChartSpec): Promise<string> {
  const src = tempDir("chartroom-chart-");
  const root = join(src, spec.name);
  mkdirSync(join(root, "templates"), { recursive: true });
  const lines = [`apiVersion: v2`, `name: ${spec.name}`, `version: ${spec.version}`, `type: application`];
  if (spec.appVersion) lines.push(`appVersion: "${spec.appVersion}"`);
  if (spec.description) lines.push(`description: ${spec.description}`);
  if (spec.keywords) lines.push("keywords:", ...spec.keywords.map((k) => `  - ${k}`));
  writeFileSync(join(root, "Chart.yaml"), `${lines.join("\n")}\n`);
  writeFileSync(join(root, "values.yaml"), "replicas: 1\n");
  writeFileSync(join(root, "templates", "cm.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\n");
  mkdirSync(dir, { recursive: true });
  const out = join(dir, `${spec.name}-${spec.version}.tgz`);
  await tar.c({ gzip: true, file: out, cwd: src, portable: true }, [spec.name]);
  return out;
}

export function helmEnv(base: string): { repositoryConfig: string; repositoryCache: string; registryConfig: string; env: NodeJS.ProcessEnv } {
  const repositoryConfig = join(base, "config", "repositories.yaml");
  const repositoryCache = join(base, "cache");
  const registryConfig = join(base, "config", "registry.json");
  return {
    repositoryConfig,
    repositoryCache,
    registryConfig,
    env: {
      ...process.env,
      HELM_REPOSITORY_CONFIG: repositoryConfig,
      HELM_REPOSITORY_CACHE: repositoryCache,
      HELM_REGISTRY_CONFIG: registryConfig,
      HELM_CONFIG_HOME: join(base, "config"),
      HELM_CACHE_HOME: join(base, "cache-home"),
      HELM_DATA_HOME: join(base, "data"),
    },
  };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export const REGISTRY_BIN = "/usr/bin/docker-registry";

export interface RunningRegistry {
  host: string;
  stop(): Promise<void>;
}

/** Debian's docker-registry with filesystem storage in a temp dir; undefined when the binary is absent. */
export async function startRegistry(auth?: { username: string; password: string }): Promise<RunningRegistry | undefined> {
  if (!existsSync(REGISTRY_BIN)) return undefined;
  const dir = tempDir("chartroom-registry-");
  const port = await freePort();
  const config = join(dir, "config.yml");
  let authBlock = "";
  if (auth) {
    const { hashSync } = await import("bcryptjs");
    writeFileSync(join(dir, "htpasswd"), `${auth.username}:${hashSync(auth.password, 5)}\n`);
    authBlock = `auth:\n  htpasswd:\n    realm: basic-realm\n    path: ${join(dir, "htpasswd")}\n`;
  }
  writeFileSync(config, `version: 0.1\nlog:\n  level: error\nstorage:\n  filesystem:\n    rootdirectory: ${join(dir, "store")}\nhttp:\n  addr: 127.0.0.1:${port}\n${authBlock}`);
  const child: ChildProcess = spawn(REGISTRY_BIN, ["serve", config], { stdio: "ignore" });
  const host = `127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try {
      const res = await fetch(`http://${host}/v2/`);
      if (res.ok || res.status === 401) break;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    host,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
