// Errors -> messages and exit codes. A UserError is something the user can fix
// (bad flag, missing file, invalid chart): one line, an optional hint, exit 1.
// Anything else is a bug: a short message, and the stack only with --debug.

export class UserError extends Error {
  override name = "UserError";
  constructor(
    message: string,
    readonly hint?: string,
    readonly exitCode = 1,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Errors raised by engine layers that are the user's to fix carry this flag. */
export function isUserFacing(err: unknown): err is Error & { hint?: string; exitCode?: number } {
  if (err instanceof UserError) return true;
  return err instanceof Error && (err as { userFacing?: boolean }).userFacing === true;
}

export function reportError(err: unknown, debug: boolean, stderr: NodeJS.WritableStream = process.stderr): number {
  if (isUserFacing(err)) {
    stderr.write(`Error: ${err.message}\n`);
    if (err.hint) stderr.write(`\n${err.hint}\n`);
    if (debug && err.stack) stderr.write(`\n${err.stack}\n`);
    return err.exitCode ?? 1;
  }
  const message = err instanceof Error ? err.message : String(err);
  stderr.write(`Error: internal error: ${message}\n`);
  if (debug && err instanceof Error && err.stack) stderr.write(`\n${err.stack}\n`);
  else stderr.write("(run again with --debug for details, and please report it)\n");
  return 2;
}
