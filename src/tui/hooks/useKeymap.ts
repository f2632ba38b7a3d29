// Routes key presses through the keymap. Every listener sees every key (Ink
// fans input out), so each resolves the press against all live scopes and acts
// only when the winning binding belongs to a scope it owns: a pane that claims
// a key shadows a global binding instead of both firing. Nothing fires while a
// field holds the keyboard (see useKeyboard).
import { useInput } from "ink";
import { useCallback, useRef } from "react";
import { type Command, KEYMAP, type KeyBinding, resolveKey, type Scope, toKeyPress } from "../keymap.js";
import { type Keyboard, useKeyboard } from "./useKeyboard.js";

export interface KeymapOptions {
  /** Live scopes, highest precedence first (see activeScopes); the keyboard's live scopes when absent. */
  scopes?: readonly Scope[];
  /** Scopes whose bindings this listener handles. */
  owns: readonly Scope[];
  isActive?: boolean;
  keymap?: readonly KeyBinding[];
  /** The root passes its own keyboard: it sits above the context provider. */
  keyboard?: Keyboard;
}

export function useKeymap(onCommand: (command: Command, binding: KeyBinding) => void, opts: KeymapOptions): void {
  const { scopes, owns, isActive = true, keymap = KEYMAP } = opts;
  const context = useKeyboard();
  const kb = opts.keyboard ?? context;
  // Ink (un)subscribes a handler in a passive effect, which can run several
  // milliseconds after the render that moved focus; a key typed in that gap
  // would reach the old pane or none. So every listener stays subscribed and
  // reads focus and scopes from a ref that the latest render wrote.
  const latest = useRef({ onCommand, scopes, owns, keymap, isActive });
  latest.current = { onCommand, scopes, owns, keymap, isActive };
  const handler = useCallback(
    (input: string, key: object) => {
      const { onCommand, scopes = kb.scopes(), owns, keymap, isActive } = latest.current;
      if (!isActive || kb.held()) return;
      const binding = resolveKey(toKeyPress(input, key as Record<string, unknown>), scopes, keymap);
      if (binding && owns.includes(binding.scope)) onCommand(binding.command, binding);
    },
    [kb],
  );
  useInput(handler);
}

/**
 * A pane's or view's own bindings. They fire while `scope` is live (its pane
 * has focus, its view is shown, no modal is open) and `isActive` holds: the
 * component is in the mode that owns the scope.
 */
export function usePaneKeys(scope: Scope, isActive: boolean, handlers: Record<string, () => void>, keymap: readonly KeyBinding[] = KEYMAP): void {
  useKeymap(
    (command) => {
      if (command.type === "paneAction") handlers[command.action]?.();
    },
    { owns: [scope], isActive, keymap },
  );
}
