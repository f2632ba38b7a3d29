// The chart layer's public surface.
export { loadArchiveFiles, MAX_DECOMPRESSED_CHART_SIZE, MAX_DECOMPRESSED_FILE_SIZE } from "./archive.js";
export { goMatch, HELM_IGNORE, IgnoreRules } from "./ignore.js";
export { loadArchiveFile, loadChart, loadDir, loadFiles, type LoadOptions } from "./load.js";
export { decodeLock, decodeMetadata, sanitizeString, validateMetadata } from "./metadata.js";
export * from "./model.js";
export { isCompatibleRange, isValidSemver, normalizeVersion } from "./semver.js";
