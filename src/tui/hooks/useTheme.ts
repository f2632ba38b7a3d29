// The theme reaches components through context so a runtime theme switch
// (issue 8's `:theme NAME`) is one provider value change.
import { createContext, useContext } from "react";
import type { Theme, TokenName } from "../theme.js";

export const ThemeContext = createContext<Theme | null>(null);

export function useTheme(): Theme {
  const theme = useContext(ThemeContext);
  if (!theme) throw new Error("useTheme used outside <ThemeContext.Provider>");
  return theme;
}

/** The colour for a token, undefined under NO_COLOR so Ink leaves the text unstyled. */
export function useColor(): (token: TokenName) => string | undefined {
  const theme = useTheme();
  return (token) => theme.tokens[token];
}
