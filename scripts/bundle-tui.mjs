#!/usr/bin/env node
// Bundles the terminal UI (dist/tui/index.js, compiled by tsc) into
// dist/tui-bundle/ with esbuild: Node resolves and reads hundreds of small
// modules for React and Ink (es-toolkit alone has ~300), which made the first
// frame take ~900 ms; one bundle loads in ~150 ms. Parts the UI loads on
// demand (the engine, the Kubernetes client) stay separate chunks, loaded when
// first used. React runs its production build here.
import { build } from "esbuild";
import { rmSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const outdir = `${root}dist/tui-bundle`;
rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: [`${root}dist/tui/index.js`],
  outdir,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  // The Kubernetes client is loaded only when the engine first talks to a cluster.
  external: ["@kubernetes/client-node", "react-devtools-core"],
  define: { "process.env.NODE_ENV": '"production"' },
  // CommonJS dependencies call require(); an ES module bundle has to provide it.
  banner: { js: "import { createRequire as __chartroomRequire } from 'node:module'; const require = __chartroomRequire(import.meta.url);" },
  minify: true,
  logLevel: "warning",
});
