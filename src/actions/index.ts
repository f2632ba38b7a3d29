// Release actions: each is an options object plus a function taking the
// shared ActionConfig; progress goes out through cfg.emit (see events.ts).
export type { ApplyMethod } from "./apply.js";
export { ActionConfig, ActionError, type ClusterOptions } from "./config.js";
export { type ActionEvent, type Emit, eventLine, noEmit } from "./events.js";
export { type DryRun, type InstallOptions, install } from "./install.js";
export { parseDuration } from "./lifecycle.js";
export { type ListOptions, listReleases } from "./list.js";
export { appVersion, chartLabel, computedValues, getRelease, releaseHistory } from "./query.js";
export { type RecoverOptions, recover } from "./recover.js";
export { type RollbackOptions, rollback } from "./rollback.js";
export { type TestOptions, type TestResult, testRelease } from "./test-release.js";
export { type UninstallOptions, type UninstallResult, uninstallRelease } from "./uninstall.js";
export { UPGRADE_RUN, type UpgradeOptions, upgrade } from "./upgrade.js";
export { type Release, releaseJson, goTimeAnsic, goTimeString, isZeroTime, timeMillis } from "../storage/index.js";
export { readinessOf, type ResourceStatus } from "./status.js";
/** Request counting for benchmarks: pass a RequestCounter as ClusterOptions.counter, or read globalRequests. */
export { globalRequests, RequestCounter } from "../kube/index.js";
