// Sprig's list functions. Each works on any slice or array through reflection
// and returns []interface{}; the plain variants panic where the must*
// variants return the same error. A nil list panics as reflect.TypeOf(nil).Kind().
import { deepEqual, isEmpty } from "../template/reflect.js";
import { elemType, type FuncDef, type FuncMap, setElemType, type Value } from "../template/value.js";
import { toInt } from "./math-cast.js";
import { goError, goPanic, intArg, isListKind, kindOrPanic, listItems } from "./types-go.js";

const ANY = "interface {}";

type Fail = (msg: string) => never;

/** The items of a list argument, or the Sprig error naming the operation. */
function items(v: Value, fail: Fail, message: (kind: string) => string): Value[] {
  const kind = kindOrPanic(v);
  if (!isListKind(kind)) fail(message(kind));
  return listItems(v);
}

const findOn = (op: string) => (kind: string) => `Cannot find ${op} on type ${kind}`;

/** The plain (panicking) and must* (erroring) definitions of one list function. */
function pair(params: string[], op: (fail: Fail, ...args: any[]) => Value, variadic?: string): [FuncDef, FuncDef] {
  const mk = (fail: Fail): FuncDef => ({ params, ...(variadic ? { variadic } : {}), fn: (...a: any[]) => op(fail, ...a) });
  return [mk(goPanic), mk(goError)];
}

const [push, mustPush] = pair([ANY, ANY], (fail, l: Value, v: Value) => [
  ...items(l, fail, (k) => `Cannot push on type ${k}`),
  v,
]);
const [prepend, mustPrepend] = pair([ANY, ANY], (fail, l: Value, v: Value) => [
  v,
  ...items(l, fail, (k) => `Cannot prepend on type ${k}`),
]);
const [first, mustFirst] = pair([ANY], (fail, l: Value) => items(l, fail, findOn("first"))[0] ?? null);
const [last, mustLast] = pair([ANY], (fail, l: Value) => {
  const xs = items(l, fail, findOn("last"));
  return xs.length === 0 ? null : xs[xs.length - 1];
});
const [rest, mustRest] = pair([ANY], (fail, l: Value) => items(l, fail, findOn("rest")).slice(1));
const [initial, mustInitial] = pair([ANY], (fail, l: Value) => items(l, fail, findOn("initial")).slice(0, -1));
const [reverse, mustReverse] = pair([ANY], (fail, l: Value) => [...items(l, fail, findOn("reverse"))].reverse());
const [compact, mustCompact] = pair([ANY], (fail, l: Value) =>
  items(l, fail, (k) => `Cannot compact on type ${k}`).filter((x) => !isEmpty(x)),
);

const inList = (xs: Value[], v: Value) => xs.some((x) => deepEqual(v, x));

const [uniq, mustUniq] = pair([ANY], (fail, l: Value) => {
  const out: Value[] = [];
  for (const x of items(l, fail, findOn("uniq"))) if (!inList(out, x)) out.push(x);
  return out;
});
const [without, mustWithout] = pair(
  [ANY],
  (fail, l: Value, ...omit: Value[]) => items(l, fail, findOn("without")).filter((x) => !inList(omit, x)),
  ANY,
);
const [has, mustHas] = pair([ANY, ANY], (fail, needle: Value, hay: Value) => {
  if (hay === null || hay === undefined) return false;
  return inList(items(hay, fail, findOn("has")), needle);
});

/** slice: list[start:end] keeping the list's own type, as reflect.Value.Slice does. */
const [slice, mustSlice] = pair(
  [ANY],
  (fail, l: Value, ...idx: Value[]) => {
    const xs = items(l, fail, (k) => `list should be type of slice or array but ${k}`);
    if (xs.length === 0) return null;
    const start = idx.length > 0 ? toInt(idx[0]) : 0;
    const end = idx.length < 2 ? xs.length : toInt(idx[1]);
    if (start < 0 || end < start || end > xs.length) goPanic("reflect.Value.Slice: slice index out of bounds");
    if (l instanceof Uint8Array) return l.slice(start, end);
    return setElemType(xs.slice(start, end), elemType(l as Value[]));
  },
  ANY,
);

/** chunk: Sprig's float arithmetic for the chunk count, so odd sizes fail as in Go. */
const [chunk, mustChunk] = pair(["int", ANY], (fail, size: unknown, l: Value) => {
  const xs = items(l, fail, (k) => `Cannot chunk type ${k}`);
  const n = intArg(size);
  const count = goIntOf(Math.floor((xs.length - 1) / n) + 1);
  if (count < 0) goPanic("runtime error: makeslice: len out of range");
  const out: Value[] = [];
  for (let i = 0; i < count; i++) {
    let len = n;
    if (i === count - 1) {
      len = goIntOf(Math.floor(xs.length % n));
      if (len === 0) len = n;
    }
    if (len < 0) goPanic("runtime error: makeslice: len out of range");
    const part: Value[] = [];
    for (let j = 0; j < len; j++) {
      const ix = i * n + j;
      if (ix >= xs.length) goPanic(`runtime error: index out of range [${ix}] with length ${xs.length}`);
      part.push(xs[ix]);
    }
    out.push(part);
  }
  return setElemType(out, "[]interface {}");
});

/** int(f) on amd64: NaN and out-of-range values become the minimum int64. */
function goIntOf(f: number): number {
  return Number.isFinite(f) && Math.abs(f) < 2 ** 63 ? Math.trunc(f) : -(2 ** 63);
}

function concat(...lists: Value[]): Value {
  const out: Value[] = [];
  for (const l of lists) {
    const kind = kindOrPanic(l);
    if (!isListKind(kind)) goPanic(`Cannot concat type ${kind} as list`);
    out.push(...listItems(l));
  }
  return out;
}

export const listsFuncs: FuncMap = {
  list: { params: [], variadic: ANY, fn: (...xs: Value[]) => xs },
  tuple: { params: [], variadic: ANY, fn: (...xs: Value[]) => xs },
  append: push,
  push,
  mustAppend: mustPush,
  mustPush,
  prepend,
  mustPrepend,
  first,
  mustFirst,
  rest,
  mustRest,
  last,
  mustLast,
  initial,
  mustInitial,
  reverse,
  mustReverse,
  compact,
  mustCompact,
  uniq,
  mustUniq,
  without,
  mustWithout,
  has,
  mustHas,
  slice,
  mustSlice,
  chunk,
  mustChunk,
  concat: { params: [], variadic: ANY, fn: concat },
};
