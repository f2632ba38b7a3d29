// --post-renderer: pipe the rendered manifests through an executable, as helm does.
import { spawnSync } from "node:child_process";
import { RenderError } from "./engine.js";

export function runPostRenderer(binary: string, args: string[], manifests: string): string {
  const res = spawnSync(binary, args, { input: manifests, encoding: "utf8", maxBuffer: 1 << 30 });
  if (res.error) {
    const code = (res.error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") {
      throw new RenderError(`error while running post render on files: unable to find binary at ${binary}: executable file not found in $PATH`);
    }
    throw new RenderError(`error while running post render on files: ${res.error.message}`);
  }
  if (res.status !== 0) {
    throw new RenderError(
      `error while running post render on files: error while running command ${binary}. error output:\n${res.stderr}: exit status ${res.status}`,
    );
  }
  if (res.stdout.trim() === "") {
    throw new RenderError("error while running post render on files: post-renderer returned empty output");
  }
  return res.stdout;
}
