// Sprig's defaults and reflection functions: default/empty/coalesce/all/any/
// ternary, and typeOf/typeIs/typeIsLike/kindOf/kindIs/deepEqual, with Go's
// type names from the value model.
import { deepEqual, isEmpty, kindOf, typeOf } from "../template/reflect.js";
import type { FuncMap, Value } from "../template/value.js";

const ANY = "interface {}";
const S = "string";

export const typesFuncs: FuncMap = {
  default: {
    params: [ANY],
    variadic: ANY,
    fn: (d: Value, ...given: Value[]) => (given.length === 0 || isEmpty(given[0]) ? d : given[0]),
  },
  empty: { params: [ANY], fn: isEmpty },
  coalesce: { params: [], variadic: ANY, fn: (...xs: Value[]) => xs.find((x) => !isEmpty(x)) ?? null },
  all: { params: [], variadic: ANY, fn: (...xs: Value[]) => xs.every((x) => !isEmpty(x)) },
  any: { params: [], variadic: ANY, fn: (...xs: Value[]) => xs.some((x) => !isEmpty(x)) },
  ternary: { params: [ANY, ANY, "bool"], fn: (t: Value, f: Value, c: boolean) => (c ? t : f) },
  typeOf: { params: [ANY], fn: typeOf },
  typeIs: { params: [S, ANY], fn: (target: string, v: Value) => target === typeOf(v) },
  typeIsLike: {
    params: [S, ANY],
    fn: (target: string, v: Value) => {
      const t = typeOf(v);
      return t === target || t === "*" + target;
    },
  },
  kindOf: { params: [ANY], fn: kindOf },
  kindIs: { params: [S, ANY], fn: (target: string, v: Value) => target === kindOf(v) },
  deepEqual: { params: [ANY, ANY], fn: deepEqual },
};
