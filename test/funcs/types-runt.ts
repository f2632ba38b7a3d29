// Sprig-style test helpers: render a template string with this area's
// functions (the other areas are not needed) and compare with helm's output.
import { expect } from "vitest";
import { dictsFuncs } from "../../src/funcs/dicts.js";
import { listsFuncs } from "../../src/funcs/lists.js";
import { mathFuncs } from "../../src/funcs/math.js";
import { regexFuncs } from "../../src/funcs/regex.js";
import { stringsFuncs } from "../../src/funcs/strings.js";
import { typesFuncs } from "../../src/funcs/types.js";
import { TemplateSet } from "../../src/template/index.js";
import { newMap, type Value } from "../../src/template/value.js";

const funcs = { ...stringsFuncs, ...regexFuncs, ...listsFuncs, ...dictsFuncs, ...typesFuncs, ...mathFuncs };

/** Dot as helm gives it, with empty .Values. */
function helmDot(): Value {
  const dot = newMap();
  dot.Values = newMap();
  return dot;
}

export function render(tpl: string, data: Value = helmDot()): string {
  const set = new TemplateSet(funcs);
  set.parse("t", tpl);
  return set.execute("t", data);
}

/** Renders tpl and expects helm's output. */
export function runt(tpl: string, expected: string, data?: Value): void {
  expect(render(tpl, data), tpl).toBe(expected);
}

/** Expects rendering to fail with a message containing `part`. */
export function runtErr(tpl: string, part: string, data?: Value): void {
  expect(() => render(tpl, data), tpl).toThrow(part);
}
