// Where helm keeps its repository and registry state, so a helm user's
// repositories appear at once and helm sees what chartroom adds.
import { homedir } from "node:os";
import { join } from "node:path";

export interface HelmPaths {
  /** repositories.yaml (HELM_REPOSITORY_CONFIG). */
  repositoryConfig: string;
  /** Directory of NAME-index.yaml / NAME-charts.txt and downloaded charts (HELM_REPOSITORY_CACHE). */
  repositoryCache: string;
  /** Docker-style config.json with registry credentials (HELM_REGISTRY_CONFIG). */
  registryConfig: string;
}

function base(env: NodeJS.ProcessEnv, helmVar: string, xdgVar: string, fallback: string): string {
  const helm = env[helmVar];
  if (helm) return helm;
  const xdg = env[xdgVar];
  return join(xdg || join(env.HOME || homedir(), fallback), "helm");
}

/** helm's lazypath resolution: HELM_* overrides, then XDG_*, then ~/.config and ~/.cache. */
export function helmPaths(env: NodeJS.ProcessEnv = process.env): HelmPaths {
  const config = base(env, "HELM_CONFIG_HOME", "XDG_CONFIG_HOME", ".config");
  const cache = base(env, "HELM_CACHE_HOME", "XDG_CACHE_HOME", ".cache");
  return {
    repositoryConfig: env.HELM_REPOSITORY_CONFIG || join(config, "repositories.yaml"),
    repositoryCache: env.HELM_REPOSITORY_CACHE || join(cache, "repository"),
    registryConfig: env.HELM_REGISTRY_CONFIG || join(config, "registry", "config.json"),
  };
}

export function cacheIndexFile(cacheDir: string, repoName: string): string {
  return join(cacheDir, `${repoName}-index.yaml`);
}

export function cacheChartsFile(cacheDir: string, repoName: string): string {
  return join(cacheDir, `${repoName}-charts.txt`);
}
