// The repo layer's public surface: helm's repository files, chart
// repositories over HTTP, search, pull, the local server and OCI registries.
export { addRepo, downloadIndexFile, httpOptionsFor, removeRepos, resolveReference, updateRepos, type UpdateResult } from "./chartrepo.js";
export { findEntry, loadRepoFile, newEntry, publicEntry, type RepoEntry, type RepoFile, saveRepoFile } from "./config.js";
export { FetchError, RepoError } from "./errors.js";
export { encode, type Format, uiTable } from "./format.js";
export { getBytes, type HttpOptions, MAX_ARCHIVE_SIZE, MAX_INDEX_SIZE, request } from "./http.js";
export { indexDirectory, sha256File, writeRepoIndex } from "./index-dir.js";
export { type ChartVersion, findChartVersion, type IndexFile, mergeIndex, parseIndex, serializeIndex } from "./index-file.js";
export { cacheChartsFile, cacheIndexFile, type HelmPaths, helmPaths } from "./paths.js";
export { clearSearchMemo, type CompactIndex, loadCompactIndex, type SearchChart } from "./search-cache.js";
export { SEARCH_MAX_SCORE, type SearchOptions, type SearchResult, searchRepos } from "./search.js";
export { type RepoServer, type ServeOptions, serveRepo } from "./serve.js";
export { type Downloaded, downloadChart, type LocateOptions, locateChart } from "./pull.js";
export { HELM_CHART_MEDIA_TYPE, HELM_CONFIG_MEDIA_TYPE, parseOciRef, Registry } from "./oci-client.js";
export { pullOciChart } from "./oci-pull.js";
export { pushChart, type PushResult } from "./oci-push.js";
export { credentialsFor, removeCredentials, storeCredentials } from "./registry-config.js";
export { untarChart } from "./untar.js";
export { type RemoteDependency, type ResolvedDependency, type ResolveOptions, resolveDependency } from "./dependency.js";
