// Parsing resource URLs: /api/v1[/watch][/namespaces/NS]/RESOURCE[/NAME[/SUB]]
// and the same under /apis/GROUP/VERSION.
import type { KindRegistry, ResourceType } from "./kinds.js";

export interface ResourceRoute {
  rt: ResourceType;
  namespace?: string;
  name?: string;
  subresource?: string;
  /** Legacy /watch/ path prefix. */
  watchPrefix: boolean;
}

export type RouteResult = ResourceRoute | { unknownGroupVersion: true } | { unknownResource: string } | undefined;

export function parseResourcePath(kinds: KindRegistry, segments: string[]): RouteResult {
  let group: string;
  let version: string;
  let rest: string[];
  if (segments[0] === "api" && segments.length >= 2) {
    group = "";
    version = segments[1];
    rest = segments.slice(2);
  } else if (segments[0] === "apis" && segments.length >= 3) {
    group = segments[1];
    version = segments[2];
    rest = segments.slice(3);
  } else return undefined;
  if (!kinds.groups().get(group)?.has(version)) return { unknownGroupVersion: true };
  if (rest.length === 0) return undefined;
  let watchPrefix = false;
  if (rest[0] === "watch") {
    watchPrefix = true;
    rest = rest.slice(1);
  }
  let namespace: string | undefined;
  if (rest[0] === "namespaces" && rest.length >= 3) {
    const inner = kinds.lookup(group, version, rest[2]);
    // /api/v1/namespaces/NAME/status|finalize addresses the namespace itself.
    if (inner?.namespaced || !(group === "" && (rest[2] === "status" || rest[2] === "finalize"))) {
      namespace = rest[1];
      rest = rest.slice(2);
    }
  }
  const rt = kinds.lookup(group, version, rest[0]);
  if (!rt) return { unknownResource: rest[0] };
  if (!rt.namespaced && namespace !== undefined) return { unknownResource: rest[0] };
  if (rt.namespaced && namespace === undefined && rest.length > 1) return { unknownResource: rest[0] };
  const route: ResourceRoute = { rt, namespace, name: rest[1], subresource: rest[2], watchPrefix };
  if (rest.length > 3) return { unknownResource: rest.join("/") };
  return route;
}
