// The alternate screen buffer: the UI draws on a screen of its own and the
// user's shell scrollback comes back untouched when it exits, however it exits.

const ENTER = "\x1b[?1049h\x1b[H";
const LEAVE = "\x1b[?1049l";
const SHOW_CURSOR = "\x1b[?25h";

export interface ScreenSession {
  /** Idempotent: safe to call from both a finally block and the exit handler. */
  restore(): void;
}

export function enterAlternateScreen(out: NodeJS.WriteStream = process.stdout): ScreenSession {
  let active = true;
  const restore = () => {
    if (!active) return;
    active = false;
    process.off("exit", restore);
    // A synchronous write: on process exit there is no later tick to flush in.
    out.write(SHOW_CURSOR + LEAVE);
  };
  out.write(ENTER);
  process.on("exit", restore);
  return { restore };
}
