// Routes key presses through the keymap. Every listener sees every key (Ink
// fans input out), so each resolves the press against all live scopes and acts
// only when the winning binding belongs to a scope it owns: a pane that claims
// a key shadows a global binding instead of both firing.
import { useInput } from "ink";
import { type Command, KEYMAP, type KeyBinding, resolveKey, type Scope, toKeyPress } from "../keymap.js";

export interface KeymapOptions {
  /** Live scopes, highest precedence first (see activeScopes). */
  scopes: readonly Scope[];
  /** Scopes whose bindings this listener handles. */
  owns: readonly Scope[];
  isActive?: boolean;
  keymap?: readonly KeyBinding[];
}

export function useKeymap(onCommand: (command: Command, binding: KeyBinding) => void, opts: KeymapOptions): void {
  const { scopes, owns, isActive = true, keymap = KEYMAP } = opts;
  useInput(
    (input, key) => {
      const binding = resolveKey(toKeyPress(input, key as unknown as Record<string, unknown>), scopes, keymap);
      if (binding && owns.includes(binding.scope)) onCommand(binding.command, binding);
    },
    { isActive },
  );
}

/** A pane's own bindings (scope = its id), live only while it has focus and no overlay is open. */
export function usePaneKeys(
  scope: Scope,
  isActive: boolean,
  handlers: Record<string, () => void>,
  keymap: readonly KeyBinding[] = KEYMAP,
): void {
  useKeymap(
    (command) => {
      if (command.type === "paneAction") handlers[command.action]?.();
    },
    { scopes: [scope], owns: [scope], isActive, keymap },
  );
}
