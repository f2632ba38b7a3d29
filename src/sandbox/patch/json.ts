// RFC 6902 JSON patch and RFC 7386 JSON merge patch.
import { ApiError, badRequest } from "../errors.js";

function isMap(v: unknown): v is Record<string, any> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

export function mergePatch(target: any, patch: any): any {
  if (!isMap(patch)) return patch;
  const out: Record<string, any> = isMap(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}

function decodePointer(path: string): string[] {
  if (path === "") return [];
  if (!path.startsWith("/")) throw badRequest(`the server rejected our request due to an error in our request: invalid JSON pointer "${path}"`);
  return path
    .slice(1)
    .split("/")
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
}

function walk(doc: any, parts: string[], op: string, path: string): any {
  let cur = doc;
  for (const p of parts) {
    if (Array.isArray(cur)) cur = cur[Number(p)];
    else if (isMap(cur)) cur = cur[p];
    else cur = undefined;
    if (cur === undefined) throw unprocessable(`${op} operation does not apply: doc is missing path: "${path}": missing value`);
  }
  return cur;
}

function unprocessable(message: string): ApiError {
  return new ApiError(422, "Invalid", message);
}

function remove(doc: any, parts: string[], op: string, path: string): any {
  const parent = walk(doc, parts.slice(0, -1), op, path);
  const last = parts[parts.length - 1];
  if (Array.isArray(parent)) {
    const i = Number(last);
    if (!(i >= 0 && i < parent.length)) throw unprocessable(`${op} operation does not apply: doc is missing path: "${path}": missing value`);
    return parent.splice(i, 1)[0];
  }
  if (!isMap(parent) || !(last in parent)) {
    throw unprocessable(`${op} operation does not apply: doc is missing path: "${path}": missing value`);
  }
  const v = parent[last];
  delete parent[last];
  return v;
}

function add(doc: any, parts: string[], value: any, op: string, path: string, replace: boolean): any {
  if (parts.length === 0) return value;
  const parent = walk(doc, parts.slice(0, -1), op, path);
  const last = parts[parts.length - 1];
  if (Array.isArray(parent)) {
    const i = last === "-" ? parent.length : Number(last);
    if (!(i >= 0 && i <= parent.length) || (replace && i >= parent.length)) {
      throw unprocessable(`${op} operation does not apply: doc is missing path: "${path}": missing value`);
    }
    if (replace) parent[i] = value;
    else parent.splice(i, 0, value);
  } else if (isMap(parent)) {
    if (replace && !(last in parent)) {
      throw unprocessable(`${op} operation does not apply: doc is missing key: ${path}: missing value`);
    }
    parent[last] = value;
  } else {
    throw unprocessable(`${op} operation does not apply: doc is missing path: "${path}": missing value`);
  }
  return doc;
}

export function jsonPatch(doc: any, ops: unknown): any {
  if (!Array.isArray(ops)) throw badRequest("json patch must be a JSON array of operations");
  let out = structuredClone(doc);
  for (const o of ops) {
    const path = String(o?.path ?? "");
    const parts = decodePointer(path);
    switch (o?.op) {
      case "add":
        out = add(out, parts, structuredClone(o.value), "add", path, false);
        break;
      case "replace":
        out = add(out, parts, structuredClone(o.value), "replace", path, true);
        break;
      case "remove":
        remove(out, parts, "remove", path);
        break;
      case "move": {
        const from = String(o.from ?? "");
        const v = remove(out, decodePointer(from), "move", from);
        out = add(out, parts, v, "move", path, false);
        break;
      }
      case "copy": {
        const from = String(o.from ?? "");
        const v = structuredClone(walk(out, decodePointer(from), "copy", from));
        out = add(out, parts, v, "copy", path, false);
        break;
      }
      case "test": {
        const v = walk(out, parts, "test", path);
        if (JSON.stringify(v) !== JSON.stringify(o.value)) {
          throw unprocessable(`testing value ${path} failed: test failed`);
        }
        break;
      }
      default:
        throw badRequest(`Unexpected kind: ${o?.op}`);
    }
  }
  return out;
}
