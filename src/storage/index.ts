// Releases in helm's storage format.
export { decodeRelease, encodeRelease, parseRelease, ReleaseDecodeError, releaseJson, storedChart } from "./codec.js";
export { type ChooseHeads, type Driver, type ReleaseHead, releaseKey, ReleaseExistsError, ReleaseNotFoundError, StorageError, systemLabels } from "./driver.js";
export { ConfigMapsDriver, SecretsDriver } from "./kube-drivers.js";
export { MemoryDriver } from "./memory.js";
export * from "./release.js";
export { newStorage, Storage } from "./storage.js";
