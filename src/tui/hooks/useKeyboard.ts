// Who holds the keyboard. Ink hands every key press to every listener in turn,
// and React may re-render between two listeners of the same press. So each
// press gets a sequence number (counted by a listener registered before any
// other), and a text field that opens or closes on press N ignores press N:
// the `/` that opens a filter is not typed into it, and the Enter that closes
// it does not also open the selected row.
import { useInput, useStdin } from "ink";
import { createContext, useCallback, useContext, useEffect, useRef, useState } from "react";
import { type KeyPress, type Scope, toKeyPress } from "../keymap.js";

export interface Keyboard {
  /** The number of the key press being dispatched. */
  seq(): number;
  /** Takes (or gives back) the keyboard for raw typing, at once. */
  capture(owner: string, on: boolean): void;
  /** True while anyone types, and for the rest of the press that ended the typing. */
  held(): boolean;
  /** A hint line the owner of the keyboard shows in the status bar. */
  captureHint(owner: string, hint: string | undefined): void;
  /**
   * The scopes live right now, highest precedence first. Kept by the app as
   * each key changes them, ahead of React's render: a key typed right after
   * `2` already goes to the Search pane.
   */
  scopes(): readonly Scope[];
}

export const KeyboardContext = createContext<Keyboard>({ seq: () => 0, capture: () => {}, held: () => false, captureHint: () => {}, scopes: () => [] });

export function useKeyboard(): Keyboard {
  return useContext(KeyboardContext);
}

/** The app's keyboard: call once at the root, during its first render. */
export function useRootKeyboard(liveScopes: () => readonly Scope[]): { keyboard: Keyboard; captured: boolean; hint?: string } {
  const { internal_eventEmitter: emitter } = useStdin() as unknown as { internal_eventEmitter?: NodeJS.EventEmitter };
  const state = useRef({ seq: 0, releasedAt: -1, owners: new Set<string>(), hints: new Map<string, string>(), subscribed: false });
  const [, rerender] = useState(0);
  const s = state.current;
  // Subscribed during render, before any child effect subscribes a listener of its own.
  const count = useRef(() => {
    s.seq++;
  }).current;
  if (!s.subscribed && emitter) {
    emitter.prependListener("input", count);
    splitTypeahead(emitter);
    s.subscribed = true;
  }
  useEffect(() => () => void emitter?.removeListener("input", count), [emitter, count]);

  const keyboard = useRef<Keyboard>({
    seq: () => s.seq,
    capture(owner, on) {
      const had = s.owners.size > 0;
      if (on) s.owners.add(owner);
      else if (s.owners.delete(owner)) s.releasedAt = s.seq;
      if (!on) s.hints.delete(owner);
      if (had !== s.owners.size > 0) rerender((n) => n + 1);
    },
    held: () => s.owners.size > 0 || s.releasedAt === s.seq,
    scopes: () => liveScopes(),
    captureHint(owner, hint) {
      if (hint === undefined) s.hints.delete(owner);
      else s.hints.set(owner, hint);
      rerender((n) => n + 1);
    },
  }).current;
  const owner = [...s.owners].pop();
  return { keyboard, captured: s.owners.size > 0, hint: owner ? s.hints.get(owner) : undefined };
}

/**
 * A busy app reads several keys typed ahead in one chunk ("/web"), and Ink
 * hands a run of plain characters over as one input, as it does a paste. Each
 * character is a key press of its own here: `/` opens the filter and "web" is
 * typed into it, and a pasted line break is an Enter. Likewise Esc followed
 * at once by a key.
 */
function splitTypeahead(emitter: NodeJS.EventEmitter): void {
  const emit = emitter.emit.bind(emitter);
  emitter.emit = (event: string | symbol, ...args: unknown[]): boolean => {
    const input = args[0];
    if (event !== "input" || typeof input !== "string" || input.length < 2) return emit(event, ...args);
    // Esc then a key, read together, is not Alt+key here (no binding uses Alt): two presses.
    if (/^\x1b[^[O\x1b]$/.test(input)) return [emit(event, "\x1b"), emit(event, input.slice(1))].some(Boolean);
    if (input.includes("\x1b")) return emit(event, ...args);
    let handled = false;
    for (const ch of input) handled = emit(event, ch) || handled;
    return handled;
  };
}

export interface Typing {
  /** True while the field has the keyboard. */
  active: boolean;
  start(): void;
  stop(): void;
  isActive(): boolean;
}

/**
 * Raw typing for a field, a prompt or a form. `start()` takes the keyboard at
 * once; every later press goes to `onKey` until `stop()`.
 */
export function useTyping(owner: string, onKey: (press: KeyPress, input: string) => void, hint?: string, keyboard?: Keyboard): Typing {
  const context = useKeyboard();
  const kb = keyboard ?? context;
  const [active, setActive] = useState(false);
  const ref = useRef({ active: false, startedAt: -1, onKey });
  ref.current.onKey = onKey;
  const start = useCallback(() => {
    if (ref.current.active) return;
    ref.current.active = true;
    ref.current.startedAt = kb.seq();
    kb.capture(owner, true);
    setActive(true);
  }, [kb, owner]);
  const stop = useCallback(() => {
    if (!ref.current.active) return;
    ref.current.active = false;
    kb.capture(owner, false);
    setActive(false);
  }, [kb, owner]);
  useEffect(() => {
    if (active) kb.captureHint(owner, hint);
  }, [active, hint, kb, owner]);
  // Unmounting while typing gives the keyboard back.
  useEffect(() => () => kb.capture(owner, false), [kb, owner]);
  useInput((input, key) => {
    const r = ref.current;
    if (!r.active || kb.seq() === r.startedAt) return;
    r.onKey(toKeyPress(input, key as unknown as Record<string, unknown>), input);
  });
  return { active, start, stop, isActive: () => ref.current.active };
}
