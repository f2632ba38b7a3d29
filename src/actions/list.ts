// `list`: the latest revision of each release, filtered as helm filters
// (deployed and failed by default), sorted by name or date.
import type { Release, ReleaseStatus } from "../storage/index.js";
import { timeMillis } from "../storage/index.js";
import { ActionError, type ActionConfig } from "./config.js";

export interface ListOptions {
  allNamespaces?: boolean;
  /** Status filters; empty means deployed + failed (helm's default), `all` every status. */
  states?: ReleaseStatus[];
  all?: boolean;
  filter?: string;
  selector?: string;
  byDate?: boolean;
  reverse?: boolean;
  max?: number;
  offset?: number;
}

function selectorMatcher(selector: string): (labels: Record<string, string>) => boolean {
  const terms = selector
    .split(",")
    .map((t) => t.trim())
    .filter(Boolean)
    .map((t) => {
      let m = /^([^!=\s]+)\s*(==|=|!=)\s*(.*)$/.exec(t);
      if (m) return (l: Record<string, string>) => (m![2] === "!=" ? l[m![1]!] !== m![3] : l[m![1]!] === m![3]);
      m = /^!([^\s]+)$/.exec(t);
      if (m) return (l: Record<string, string>) => !(m![1]! in l);
      m = /^([^\s]+)\s+(in|notin)\s+\((.*)\)$/.exec(t);
      if (m) {
        const vals = m[3]!.split(",").map((v) => v.trim());
        return (l: Record<string, string>) => (m![2] === "in" ? vals.includes(l[m![1]!]!) : !vals.includes(l[m![1]!]!));
      }
      if (/^[^\s]+$/.test(t)) return (l: Record<string, string>) => t in l;
      throw new ActionError(`unable to parse requirement: invalid label selector "${selector}"`);
    });
  return (labels) => terms.every((f) => f(labels));
}

export async function listReleases(cfg: ActionConfig, o: ListOptions = {}): Promise<Release[]> {
  const storage = cfg.storage(o.allNamespaces ? "" : cfg.namespace);
  const states = o.all ? undefined : o.states && o.states.length > 0 ? o.states : (["deployed", "failed"] as ReleaseStatus[]);
  let filter: RegExp | undefined;
  try {
    filter = o.filter ? new RegExp(o.filter) : undefined;
  } catch (err) {
    throw new ActionError(`error parsing regexp: ${(err as Error).message}`);
  }
  const matches = o.selector ? selectorMatcher(o.selector) : undefined;
  /** helm's order of steps: filter by name and labels, sort, then the page (offset, max). */
  const page = <T extends { name: string; labels?: Record<string, string> }>(items: T[], compare: (a: T, b: T) => number): T[] => {
    let out = items.filter((r) => (!filter || filter.test(r.name)) && (!matches || matches(r.labels ?? {})));
    out.sort(compare);
    if (o.reverse) out.reverse();
    if (o.offset) out = out.slice(o.offset);
    if (o.max && o.max > 0) out = out.slice(0, o.max);
    return out;
  };
  const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  const wanted = (r: Release) => !states || states.includes(r.info.status ?? "unknown");
  // By name, the storage labels are enough to pick the page: only its releases are decoded.
  if (!o.byDate) return (await storage.latestReleases(states, (heads) => page(heads, byName))).filter(wanted);
  const latest = (await storage.latestReleases(states)).filter(wanted);
  return page(latest, (a, b) => timeMillis(a.info.last_deployed) - timeMillis(b.info.last_deployed) || a.version - b.version);
}
