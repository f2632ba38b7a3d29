// TLS for repositories: verification on by default, a custom CA, and
// --insecure-skip-tls-verify, against an HTTPS server on loopback.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import https from "node:https";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addRepo } from "../../src/repo/index.js";
import { helmEnv, tempDir } from "./helpers.js";

const openssl = spawnSync("openssl", ["version"]).status === 0;
let server: https.Server | undefined;
let url = "";
let ca = "";

beforeAll(async () => {
  if (!openssl) return;
  const dir = tempDir();
  ca = join(dir, "cert.pem");
  const key = join(dir, "key.pem");
  const r = spawnSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", key, "-out", ca]);
  expect(r.status).toBe(0);
  server = https.createServer({ cert: readFileSync(ca), key: readFileSync(key) }, (req, res) => {
    if (req.url === "/index.yaml") res.end("apiVersion: v1\nentries: {}\n");
    else res.writeHead(404).end();
  });
  await new Promise<void>((r2) => server?.listen(0, "127.0.0.1", r2));
  url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => {
  server?.close();
});

describe.skipIf(!openssl)("https repositories", () => {
  it("refuses an unknown certificate by default", async () => {
    await expect(addRepo("tls", url, { ...helmEnv(tempDir()), entry: {} })).rejects.toThrow(/self[- ]signed certificate/);
  });

  it("accepts it with --ca-file or --insecure-skip-tls-verify", async () => {
    expect(await addRepo("tls", url, { ...helmEnv(tempDir()), entry: { caFile: ca } })).toBe('"tls" has been added to your repositories');
    expect(await addRepo("tls", url, { ...helmEnv(tempDir()), entry: { insecure_skip_tls_verify: true } })).toBe('"tls" has been added to your repositories');
  });
});
