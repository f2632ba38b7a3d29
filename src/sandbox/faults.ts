// Per-request fault injection for tests: fail the Nth request matching a
// verb/resource (and optionally namespace/name) with 500, 409, 429 or a
// timeout. Rules come from startSandbox options or POST /admin/faults.
import { ApiError } from "./errors.js";

export type FaultKind = 500 | 409 | 429 | "timeout";

export interface FaultRule {
  verb?: string;
  resource?: string;
  namespace?: string;
  name?: string;
  /** 1-based: the Nth matching request fails (default 1). */
  nth?: number;
  /** How many consecutive matching requests fail from the Nth on (default 1). */
  times?: number;
  fail: FaultKind;
  /** For `timeout`: how long the request hangs before the 504 (default 60000 ms). */
  delayMs?: number;
}

interface Armed {
  rule: FaultRule;
  seen: number;
}

export interface RequestKey {
  verb: string;
  resource: string;
  namespace?: string;
  name?: string;
}

export class Faults {
  private armed: Armed[] = [];

  add(rule: FaultRule): void {
    if (![500, 409, 429, "timeout"].includes(rule.fail)) {
      throw new ApiError(400, "BadRequest", `fault "fail" must be 500, 409, 429 or "timeout", got ${JSON.stringify(rule.fail)}`);
    }
    this.armed.push({ rule, seen: 0 });
  }

  clear(): void {
    this.armed = [];
  }

  list(): FaultRule[] {
    return this.armed.map((a) => a.rule);
  }

  /** The fault this request triggers, if any; counts the request against every matching rule. */
  check(key: RequestKey): FaultRule | undefined {
    let hit: FaultRule | undefined;
    for (const a of this.armed) {
      const r = a.rule;
      if (r.verb && r.verb !== key.verb) continue;
      if (r.resource && r.resource !== key.resource) continue;
      if (r.namespace && r.namespace !== key.namespace) continue;
      if (r.name && r.name !== key.name) continue;
      a.seen++;
      const from = r.nth ?? 1;
      if (a.seen >= from && a.seen < from + (r.times ?? 1)) hit ??= r;
    }
    return hit;
  }
}

export function faultError(rule: FaultRule, key: RequestKey): ApiError {
  switch (rule.fail) {
    case 409:
      return new ApiError(
        409,
        "Conflict",
        `Operation cannot be fulfilled on ${key.resource} "${key.name ?? ""}": the object has been modified; please apply your changes to the latest version and try again`,
      );
    case 429:
      return new ApiError(429, "TooManyRequests", "the server has received too many requests and has asked us to try again later", {
        retryAfterSeconds: 1,
      });
    case "timeout":
      return new ApiError(504, "Timeout", "Timeout: request did not complete within requested timeout - context deadline exceeded");
    default:
      return new ApiError(500, "InternalError", "Internal error occurred: injected fault");
  }
}
