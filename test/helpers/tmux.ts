// Drives a real terminal for end-to-end tests: a detached tmux session of a
// fixed size on a private socket (so parallel tests never share a server),
// with keys sent and the screen read back as plain text.
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import { promisify } from "node:util";
import { sleep, type WaitOptions, waitFor } from "./ui.js";

const exec = promisify(execFile);
export const TMUX = process.env.TMUX_BIN ?? "/usr/bin/tmux";

export interface TmuxOptions {
  columns?: number;
  rows?: number;
  cwd?: string;
  /** Extra environment for the shell; CI variables are always removed (Ink draws nothing live under CI). */
  env?: Record<string, string>;
}

export class TmuxSession {
  private socketPath?: string;

  private constructor(
    readonly socket: string,
    readonly target: string,
  ) {}

  /** Starts a plain bash (prompt `$ `) in a detached session of columns x rows. */
  static async start({ columns = 80, rows = 24, cwd = process.cwd(), env = {} }: TmuxOptions = {}): Promise<TmuxSession> {
    const socket = `chartroom-test-${process.pid}-${randomBytes(4).toString("hex")}`;
    const session = new TmuxSession(socket, "main");
    // An empty HISTFILE: bash would otherwise write history into HOME as the session dies.
    const vars = { TERM: "xterm-256color", PS1: "$ ", HISTFILE: "", ...env };
    const shell = [
      "env",
      "-u",
      "CI",
      "-u",
      "CONTINUOUS_INTEGRATION",
      ...Object.entries(vars).map(([k, v]) => `${k}=${shellQuote(v)}`),
      "bash --norc --noprofile",
    ].join(" ");
    await session.tmux("-f", "/dev/null", "new-session", "-d", "-s", "main", "-x", String(columns), "-y", String(rows), "-c", cwd, shell);
    session.socketPath = (await session.tmux("display-message", "-p", "#{socket_path}")).trim();
    await session.waitForText("$", { timeout: 5000 });
    return session;
  }

  async tmux(...args: string[]): Promise<string> {
    try {
      const { stdout } = await exec(TMUX, ["-L", this.socket, ...args]);
      return stdout;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ENOENT") {
        throw new Error(`tmux not found at ${TMUX}: terminal tests need it (apt-get install tmux, or set TMUX_BIN)`);
      }
      throw err;
    }
  }

  /** Types a command line and presses Enter. */
  async run(command: string): Promise<void> {
    await this.tmux("send-keys", "-t", this.target, "-l", command);
    await this.tmux("send-keys", "-t", this.target, "Enter");
  }

  /** Sends tmux key names (Tab, BTab, Escape, Enter, C-c, Up) or single characters. */
  async sendKeys(...keys: string[]): Promise<void> {
    for (const key of keys) {
      await this.tmux("send-keys", "-t", this.target, key);
      await sleep(20);
    }
  }

  /** The visible screen as plain text, one line per row, trailing blanks trimmed. */
  async capture(): Promise<string> {
    const text = await this.tmux("capture-pane", "-p", "-t", this.target);
    return text.replace(/\s+$/, "");
  }

  async resize(columns: number, rows: number): Promise<void> {
    await this.tmux("resize-window", "-t", this.target, "-x", String(columns), "-y", String(rows));
  }

  /** Waits until the screen contains `text` (or matches it); returns the screen. */
  waitForText(text: string | RegExp, opts: WaitOptions = {}): Promise<string> {
    return this.waitForScreen((s) => (typeof text === "string" ? s.includes(text) : text.test(s)), `${text}`, opts);
  }

  waitForScreen(predicate: (screen: string) => boolean, what = "condition", { timeout = 15_000, interval = 50 }: WaitOptions = {}): Promise<string> {
    return waitFor(
      async () => {
        const screen = await this.capture();
        if (!predicate(screen)) throw new Error(`screen never showed ${what}; last screen:\n${screen}`);
        return screen;
      },
      { timeout, interval },
    );
  }

  /** Ends the session and its private server; safe to call twice. */
  async kill(): Promise<void> {
    await this.tmux("kill-server").catch(() => {});
    // tmux leaves the socket file behind; one per test run would pile up in /tmp.
    if (this.socketPath) rmSync(this.socketPath, { force: true });
  }
}

function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}
