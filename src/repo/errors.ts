// The repo layer's errors. `userFacing` marks what the user can fix (a bad
// URL, a missing repository, a refused download); the CLI prints its message.

export class RepoError extends Error {
  override name = "RepoError";
  readonly userFacing = true;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** An HTTP download that failed: status, size limit, TLS, connection. */
export class FetchError extends RepoError {
  override name = "FetchError";
  constructor(
    message: string,
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
