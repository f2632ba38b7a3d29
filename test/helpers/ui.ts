// Rendering helpers for Ink components under test, over ink-testing-library:
// a sized render, polling waits that report the last frame on timeout, and
// named key presses. In the style of Shopify cli-kit's testing/ui.ts.
import { stripVTControlCharacters } from "node:util";
import chalk from "chalk";
import { render } from "ink-testing-library";
import type { ReactElement } from "react";

export type Rendered = ReturnType<typeof render> & {
  /** The last frame without ANSI escapes. */
  frame(): string;
  /** Changes the reported terminal size and emits `resize`, as a real terminal does. */
  resize(columns: number, rows: number): void;
};

export interface RenderOptions {
  columns?: number;
  rows?: number;
  /** Force colour output so tests can see escapes (chalk turns colour off when stdout is not a TTY). */
  color?: boolean;
}

/**
 * Renders `tree` in a fake terminal of the given size (80x24 by default) and
 * resolves once a frame drawn at that size has arrived.
 */
export async function renderApp(tree: ReactElement, { columns = 80, rows = 24, color = false }: RenderOptions = {}): Promise<Rendered> {
  chalk.level = color ? 3 : 0;
  const instance = render(tree);
  const size = { columns, rows };
  // ink-testing-library's stdout is fixed at 100 columns with no rows; give it a real size.
  Object.defineProperty(instance.stdout, "columns", { get: () => size.columns, configurable: true });
  Object.defineProperty(instance.stdout, "rows", { get: () => size.rows, configurable: true });
  instance.stdout.emit("resize");
  const rendered = Object.assign(instance, {
    frame: () => stripVTControlCharacters(instance.lastFrame() ?? ""),
    resize(c: number, r: number) {
      size.columns = c;
      size.rows = r;
      instance.stdout.emit("resize");
    },
  });
  // The first frame was drawn at the library's fixed 100 columns; wait for one that fits.
  await waitForFrame(rendered, (f) => {
    const lines = f.split("\n");
    return lines.length <= rows && lines.every((l) => l.length <= columns);
  });
  return rendered;
}

export interface WaitOptions {
  timeout?: number;
  interval?: number;
}

/** Retries `fn` until it returns without throwing (and not `false`); rethrows its last error on timeout. */
export async function waitFor<T>(fn: () => T | Promise<T>, { timeout = 2000, interval = 10 }: WaitOptions = {}): Promise<T> {
  const deadline = Date.now() + timeout;
  let lastError: unknown;
  for (;;) {
    try {
      const result = await fn();
      if (result !== false) return result;
      lastError = new Error("condition returned false");
    } catch (err) {
      lastError = err;
    }
    if (Date.now() >= deadline) break;
    await sleep(interval);
  }
  if (lastError instanceof Error) lastError.message = `waitFor timed out after ${timeout}ms: ${lastError.message}`;
  throw lastError;
}

/** Waits until the (ANSI-stripped) last frame satisfies `predicate`; returns that frame. */
export function waitForFrame(r: Pick<Rendered, "frame">, predicate: (frame: string) => boolean, opts?: WaitOptions): Promise<string> {
  return waitFor(() => {
    const frame = r.frame();
    if (!predicate(frame)) throw new Error(`no frame matched; last frame:\n${frame}`);
    return frame;
  }, opts);
}

/** Key names understood by press(), as the byte sequences a terminal sends. */
export const KEYS = {
  Tab: "\t",
  "Shift-Tab": "\x1b[Z",
  Escape: "\x1b",
  Enter: "\r",
  Backspace: "\x7f",
  Up: "\x1b[A",
  Down: "\x1b[B",
  Right: "\x1b[C",
  Left: "\x1b[D",
  PageUp: "\x1b[5~",
  PageDown: "\x1b[6~",
  Home: "\x1b[H",
  End: "\x1b[F",
  "Ctrl-C": "\x03",
} as const;

export type KeyName = keyof typeof KEYS;

/** Types a named key (see KEYS) or literal text, then lets Ink's input loop run. */
export async function press(stdin: { write(data: string): void }, key: KeyName | (string & {})): Promise<void> {
  stdin.write(key in KEYS ? KEYS[key as KeyName] : key);
  // Ink resolves a lone Escape on setImmediate; give it, and the render after it, a turn.
  await sleep(5);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
