#!/usr/bin/env node
// Bundles the compiled CLI (dist/cli/main.js, from tsc) into dist/bundle/
// with esbuild. Node resolves and compiles each module file on its own, and
// the CLI's dependencies are hundreds of small files (es-toolkit, which Ink
// loads, is ~300; the yaml package ~100): that alone took ~900 ms before the
// TUI's first frame and ~100 ms of every `template`. A bundle loads in a
// fraction of that. Each command's implementation, the TUI and the engine
// parts it loads on demand stay separate chunks, loaded when first used, so
// `chartroom version` still loads only the command table. React runs its
// production build.
import { build } from "esbuild";
import { rmSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const outdir = `${root}dist/bundle`;
rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: [`${root}dist/cli/main.js`],
  outdir,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  minify: true,
  // The Kubernetes client is loaded only when a command first talks to a cluster.
  external: ["@kubernetes/client-node", "react-devtools-core"],
  define: { "process.env.NODE_ENV": '"production"' },
  // CommonJS dependencies call require(); an ES module bundle has to provide it.
  banner: { js: "import { createRequire as __chartroomRequire } from 'node:module'; const require = __chartroomRequire(import.meta.url);" },
  logLevel: "warning",
});
