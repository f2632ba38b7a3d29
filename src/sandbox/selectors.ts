// Label and field selectors in their query-string forms
// (`app=web,tier!=db,env in (a,b),!legacy`; `metadata.name=x,status.phase!=Running`).
import { badRequest } from "./errors.js";

type LabelReq =
  | { op: "=" | "!="; key: string; value: string }
  | { op: "in" | "notin"; key: string; values: string[] }
  | { op: "exists" | "!exists"; key: string };

export type Matcher = (obj: any) => boolean;

/** Splits on commas outside parentheses. */
function splitTerms(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = "";
  for (const ch of s) {
    if (ch === "(") depth++;
    else if (ch === ")") depth--;
    if (ch === "," && depth === 0) {
      out.push(cur);
      cur = "";
    } else cur += ch;
  }
  if (cur.trim() !== "") out.push(cur);
  return out.map((t) => t.trim()).filter((t) => t !== "");
}

function parseLabelTerm(term: string): LabelReq {
  const set = /^([^\s!=()]+)\s+(in|notin)\s*\(([^)]*)\)$/.exec(term);
  if (set) {
    const values = set[3].split(",").map((v) => v.trim()).filter((v) => v !== "");
    return { op: set[2] as "in" | "notin", key: set[1], values };
  }
  const neq = /^([^\s!=]+)\s*!=\s*(\S*)$/.exec(term);
  if (neq) return { op: "!=", key: neq[1], value: neq[2] };
  const eq = /^([^\s!=]+)\s*==?\s*(\S*)$/.exec(term);
  if (eq) return { op: "=", key: eq[1], value: eq[2] };
  const not = /^!\s*([^\s!=]+)$/.exec(term);
  if (not) return { op: "!exists", key: not[1] };
  if (/^[^\s!=(),]+$/.test(term)) return { op: "exists", key: term };
  throw badRequest(`unable to parse requirement: found '${term}', expected: identifier`);
}

export function labelMatcher(selector: string | null | undefined): Matcher | undefined {
  if (!selector) return undefined;
  const reqs = splitTerms(selector).map(parseLabelTerm);
  return (obj) => {
    const labels: Record<string, string> = obj.metadata?.labels ?? {};
    for (const r of reqs) {
      const has = Object.hasOwn(labels, r.key);
      switch (r.op) {
        case "=":
          if (labels[r.key] !== r.value) return false;
          break;
        case "!=":
          if (has && labels[r.key] === r.value) return false;
          break;
        case "in":
          if (!has || !r.values.includes(labels[r.key])) return false;
          break;
        case "notin":
          if (has && r.values.includes(labels[r.key])) return false;
          break;
        case "exists":
          if (!has) return false;
          break;
        case "!exists":
          if (has) return false;
          break;
      }
    }
    return true;
  };
}

function fieldValue(obj: any, path: string): string {
  let cur = obj;
  for (const part of path.split(".")) {
    if (cur === null || typeof cur !== "object") return "";
    cur = cur[part];
  }
  if (cur === undefined || cur === null) return "";
  return String(cur);
}

export function fieldMatcher(selector: string | null | undefined): Matcher | undefined {
  if (!selector) return undefined;
  const reqs = splitTerms(selector).map((term) => {
    const m = /^([A-Za-z0-9_.\-/]+)\s*(==|!=|=)\s*(.*)$/.exec(term);
    if (!m) throw badRequest(`invalid selector: '${selector}'; can't understand '${term}'`);
    return { path: m[1], neg: m[2] === "!=", value: m[3] };
  });
  return (obj) => reqs.every((r) => (fieldValue(obj, r.path) === r.value) !== r.neg);
}
