// A lint run's findings, as helm's lint/support package keeps them: each rule
// either passes or adds a message with a severity and the path it concerns.

export const Severity = { Unknown: 0, Info: 1, Warning: 2, Error: 3 } as const;
export type Severity = (typeof Severity)[keyof typeof Severity];

const names = ["UNKNOWN", "INFO", "WARNING", "ERROR"];

export interface LintMessage {
  severity: Severity;
  /** "Chart.yaml", "values.yaml", "templates/x.yaml", the chart directory, or "". */
  path: string;
  /** The rule's error text. */
  text: string;
}

/** "[WARNING] templates/x.yaml: ...", as helm prints a message. */
export function formatMessage(m: LintMessage): string {
  return `[${names[m.severity]}] ${m.path}: ${m.text}`;
}

export class Linter {
  readonly messages: LintMessage[] = [];
  highestSeverity: Severity = Severity.Unknown;
  constructor(
    /** Absolute chart directory. */
    readonly chartDir: string,
  ) {}

  /** Records a failed rule (problem defined); returns whether the rule passed. */
  rule(severity: Severity, path: string, problem: string | undefined): boolean {
    if (problem === undefined) return true;
    this.messages.push({ severity, path, text: problem });
    if (severity > this.highestSeverity) this.highestSeverity = severity;
    return false;
  }
}

/** An error's text for a lint message (Go prints err.Error()). */
export function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Go's *PathError text for a failed file operation ("open PATH: no such file or directory"). */
export { goPathError as pathErrorText } from "../../chart/path-error.js";
