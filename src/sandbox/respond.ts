// Response helpers: JSON bodies and Status failures.
import type { ServerResponse } from "node:http";
import { ApiError, internalError } from "./errors.js";

export function sendJson(res: ServerResponse, code: number, body: unknown, contentType = "application/json"): void {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  res.writeHead(code, { "Content-Type": contentType, "Content-Length": Buffer.byteLength(text), "Cache-Control": "no-cache, private" });
  res.end(text);
}

export function sendError(res: ServerResponse, err: unknown): void {
  const api = err instanceof ApiError ? err : internalError(err instanceof Error ? err.message : String(err));
  if (res.headersSent) {
    res.end();
    return;
  }
  const headers: Record<string, string> = {};
  if (api.code === 429) headers["Retry-After"] = String(api.details?.retryAfterSeconds ?? 1);
  const text = JSON.stringify(api.toStatus());
  res.writeHead(api.code, { ...headers, "Content-Type": "application/json", "Content-Length": Buffer.byteLength(text) });
  res.end(text);
}
