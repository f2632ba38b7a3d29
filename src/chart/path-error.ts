// Go's *PathError text for a failed file operation, as helm prints it:
// "open PATH: no such file or directory". Go opens a directory without
// complaint and fails on the read, so EISDIR is always "read PATH: ...".
export function goPathError(op: string, path: string, err: unknown): string {
  const code = (err as { code?: string }).code;
  if (code === "EISDIR") return `read ${path}: is a directory`;
  const reason =
    code === "ENOENT"
      ? "no such file or directory"
      : code === "ENOTDIR"
        ? "not a directory"
        : code === "EACCES"
          ? "permission denied"
          : err instanceof Error
            ? err.message
            : String(err);
  return `${op} ${path}: ${reason}`;
}
