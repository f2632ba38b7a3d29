// The only door to @kubernetes/client-node.
export { type KubeList, type KubeObject, KubeClient, type ObjectRef, FIELD_MANAGER } from "./client.js";
export { type ClusterAccess, KubeConfigError, type KubeTarget, loadKubeConfig, resolveNamespace } from "./config.js";
export { Discovery, type ResourceInfo, UnknownKindError } from "./discovery.js";
export { globalRequests, isConflict, isNotFound, KubeApiError, RequestCounter } from "./request.js";
export { objectId, podProblem, podSelector, type Readiness, readiness } from "./readiness.js";
export { checkOne, ResourceFailedError, type WaitOptions, WaitTimeoutError, waitForReady } from "./wait.js";
export { acceptsStrategicMerge, threeWayPatch } from "./merge.js";
