// Template errors carry Go's raw message ("template: NAME:LINE:COL: executing
// ..."); helmErrorMessage applies the rewriting helm v3.17.3 does in
// pkg/engine/engine.go before printing them.

export type TemplateErrorKind = "parse" | "exec" | "lookup";

/**
 * A parse or execution error, or an unknown template name. `message` is
 * exactly what Go's text/template returns as err.Error().
 */
export class TemplateError extends Error {
  override name = "TemplateError";
  readonly userFacing = true;
  constructor(
    readonly kind: TemplateErrorKind,
    message: string,
    /** The template being parsed or executed (for parse errors: the file name). */
    readonly templateName: string,
  ) {
    super(message);
  }
}

// helm's fail/required wrap their message in these markers so the engine can
// lift it out of Go's error chain (see engine.go warnWrap).
const WARN_START = "HELM_ERR_START";
const WARN_END = "HELM_ERR_END";

/** Wraps a message as helm's `fail` and `required` do; throw it in a FuncError. */
export function warnWrap(msg: string): string {
  return WARN_START + msg + WARN_END;
}

/**
 * The message helm prints (after "Error: ") for an error from rendering the
 * file `fileName`:
 * - parse errors become `parse error at (FILE:LINE): REASON` (the last
 *   ": "-separated part of Go's message);
 * - execution errors whose chain holds a fail/required message become
 *   `execution error at (FILE:LINE:COL): MESSAGE`; other execution errors
 *   are printed unchanged.
 */
export function helmErrorMessage(err: unknown, fileName?: string): string {
  if (!(err instanceof TemplateError)) return err instanceof Error ? err.message : String(err);
  const file = fileName ?? err.templateName;
  const msg = err.message;
  if (err.kind === "parse") {
    const tokens = msg.split(": ");
    if (tokens.length === 1) return `parse error in (${file}): ${msg}`;
    return `parse error at (${tokens[1]}): ${tokens[tokens.length - 1]}`;
  }
  if (err.kind !== "exec") return msg;
  const first = msg.indexOf(": ");
  const second = first < 0 ? -1 : msg.indexOf(": ", first + 2);
  if (second < 0) return `execution error in (${file}): ${msg}`;
  const location = msg.slice(first + 2, second);
  const rest = msg.slice(second + 2);
  // Go's regexp `START((?s).*)END` is greedy: first START to last END.
  const s = rest.indexOf(WARN_START);
  const e = rest.lastIndexOf(WARN_END);
  if (s >= 0 && e >= s + WARN_START.length) {
    return `execution error at (${location}): ${rest.slice(s + WARN_START.length, e)}`;
  }
  return msg;
}
