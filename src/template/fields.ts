// Field chains (.A.B.C, $x.A, (pipe).A): map keys, struct fields and
// methods, with missingkey handling and Go's error texts (exec.go evalField).
import { evalCall, MISSING, type Missing } from "./call.js";
import type { State } from "./exec.js";
import { goQuote } from "./literals.js";
import type { Arg, Node } from "./node.js";
import { typeOf } from "./reflect.js";
import { GoInt, GoObject, isMap, mapValueType, methodsOf, type Value } from "./value.js";

export function evalFieldChain(
s: State,
  dot: Value,
  recv: Value,
  iface: boolean,
  node: Node,
  ident: string[],
  start: number,
  args: Arg[] | null,
  final: Value | Missing,
): Value {
  const last = ident.length - 1;
  for (let i = start; i < last; i++) {
    recv = evalField(s, dot, ident[i], node, null, MISSING, recv, iface);
    iface = s.iface;
  }
  return evalField(s, dot, ident[last], node, args, final, recv, iface);
}

function evalField(
s: State,
  dot: Value,
  name: string,
  node: Node,
  args: Arg[] | null,
  final: Value | Missing,
  recv: Value,
  recvIface: boolean,
): Value {
  if (recv === undefined) {
    if (s.set.missingKey === "error") s.errorf(`nil data; no entry for key ${goQuote(name)}`);
    s.iface = false;
    return undefined;
  }
  if (recv === null) return s.errorf(`nil pointer evaluating interface {}.${name}`);
  if (typeof recv === "object") {
    const method = recv instanceof GoObject ? recv.method(name) : methodsOf(recv)?.[name];
    if (method !== undefined) {
      s.iface = false;
      return evalCall(s, dot, method, false, node, name, args, final);
    }
    const hasArgs = (args !== null && args.length > 1) || final !== MISSING;
    if (isMap(recv)) {
      if (hasArgs) s.errorf(`${name} is not a method but has arguments`);
      const v = recv[name];
      const vt = mapValueType(recv);
      s.iface = vt === "interface {}";
      if (v !== undefined) return v;
      const mode = s.set.missingKey;
      if (mode === "zero") return zeroOf(vt);
      if (mode === "error") s.errorf(`map has no entry for key ${goQuote(name)}`);
      return undefined;
    }
    if (recv instanceof GoObject && recv.hasField(name)) {
      if (hasArgs) s.errorf(`${name} has arguments but cannot be invoked as function`);
      const v = recv.field(name);
      s.iface = false;
      return v === undefined ? null : v;
    }
  }
  return s.errorf(`can't evaluate field ${name} in type ${recvIface ? "interface {}" : typeOf(recv)}`);
}

const zeroInts = new Map<string, GoInt>();

/** The zero value missingkey=zero yields for a map's element type. */
function zeroOf(typ: string): Value {
  switch (typ) {
    case "interface {}":
      return null;
    case "string":
      return "";
    case "bool":
      return false;
    case "float64":
    case "float32":
      return 0;
    case "[]uint8":
      return new Uint8Array(0);
  }
  if (/^u?int(8|16|32|64)?$/.test(typ)) {
    let z = zeroInts.get(typ);
    if (z === undefined) zeroInts.set(typ, (z = new GoInt(0n, typ as GoInt["kind"])));
    return z;
  }
  return null;
}
