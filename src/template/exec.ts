// The executor, after Go's text/template/exec.go (Go 1.23, as helm v3.17.3
// runs it with missingkey=zero). One State per top-level execution; nested
// {{template}} calls reuse it with a new variable frame.
//
// Go distinguishes an invalid reflect.Value (no value at all) from a nil held
// in an interface{} (a map entry or []interface{} element that is nil, or a
// missing key under missingkey=zero). They behave differently: `.x` on the
// first quietly yields no value, on the second it is a "nil pointer" error.
// Here `undefined` is the former and `null` the latter; a pipeline's result
// is unwrapped to `undefined` as Go's evalPipeline does.
import { evalArg, evalCall, MISSING, type Missing } from "./call.js";
import { evalFieldChain } from "./fields.js";
import { TemplateError } from "./errors.js";
import { formatV } from "./fmt.js";
import { goQuote } from "./literals.js";
import {
  type Arg,
  type BranchNode,
  type ChainNode,
  type CommandNode,
  type FieldNode,
  type IdentifierNode,
  N,
  type Node,
  type NumberNode,
  type PipeNode,
  type TemplateNode,
  type Tree,
  type VariableNode,
} from "./node.js";
import { isTrue, sortedKeys } from "./reflect.js";
import { elemType, type FuncDef, GoInt, type GoMap, isMap, mapValueType, type Value } from "./value.js";

/** What an execution needs from its template set. */
export interface Templates {
  tree(name: string): Tree | undefined;
  /** A function by name and whether it is a text/template builtin. */
  func(name: string): FuncDef | undefined;
  isBuiltin(name: string, fn: FuncDef): boolean;
  /** Go's missingkey option; helm uses "zero" (and "error" for --strict). */
  readonly missingKey: MissingKey;
}

export type MissingKey = "default" | "zero" | "error";

const MAX_DEPTH = 100000;
const BREAK = 1;
const CONTINUE = 2;

const smallInts: GoInt[] = [];
function intValue(i: number): GoInt {
  if (i < 1024) return (smallInts[i] ??= new GoInt(BigInt(i), "int"));
  return new GoInt(BigInt(i), "int");
}

function isStackOverflow(e: unknown): boolean {
  return e instanceof RangeError && e.message.includes("call stack");
}

export class State {
  out = "";
  node: Node;
  depth = 0;
  /** Whether the current dot / the last field result came out of an interface{} slot. */
  dotIface = false;
  iface = false;
  private names: string[] = [];
  private vals: Value[] = [];
  private ifaces: boolean[] = [];
  private base = 0;

  constructor(
    readonly set: Templates,
    public tree: Tree,
    data: Value,
  ) {
    this.node = tree.root;
    this.push("$", data, false);
  }

  run(): string {
    const dot = this.vals[0];
    const nodes = this.tree.root.nodes;
    for (let i = 0; i < nodes.length; i++) this.walk(dot, nodes[i]);
    return this.out;
  }

  // --- variables ---

  private push(name: string, v: Value, iface: boolean): void {
    this.names.push(name);
    this.vals.push(v);
    this.ifaces.push(iface);
  }
  private mark(): number {
    return this.names.length;
  }
  private pop(mark: number): void {
    if (this.names.length === mark) return;
    this.names.length = mark;
    this.vals.length = mark;
    this.ifaces.length = mark;
  }
  private find(name: string): number {
    for (let i = this.names.length - 1; i >= this.base; i--) if (this.names[i] === name) return i;
    return this.errorf(`undefined variable: ${name}`);
  }
  private setVar(name: string, v: Value, iface: boolean): void {
    const i = this.find(name);
    this.vals[i] = v;
    this.ifaces[i] = iface;
  }
  private setTopVar(n: number, v: Value, iface: boolean): void {
    const i = this.names.length - n;
    this.vals[i] = v;
    this.ifaces[i] = iface;
  }

  // --- errors ---

  at(node: Node): void {
    this.node = node;
  }

  errorf(msg: string): never {
    const tree = this.tree;
    throw new TemplateError(
      "exec",
      `template: ${location(tree, this.node.pos)}: executing ${goQuote(tree.name)} at <${this.node}>: ${msg}`,
      tree.name,
    );
  }

  // --- walking ---

  walk(dot: Value, node: Node): number {
    this.node = node;
    switch (node.type) {
      case N.Text:
        this.out += node.text;
        return 0;
      case N.Action: {
        // Inlined (not a helper) to keep include recursion's JS stack shallow.
        const v = this.evalPipeline(dot, node.pipe);
        if (node.pipe.decl.length === 0) {
          this.node = node;
          this.out += v === undefined ? "<no value>" : typeof v === "string" ? v : formatV(v);
        }
        return 0;
      }
      case N.List: {
        const nodes = node.nodes;
        for (let i = 0; i < nodes.length; i++) {
          const r = this.walk(dot, nodes[i]);
          if (r !== 0) return r;
        }
        return 0;
      }
      case N.If:
      case N.With:
        return this.walkIfOrWith(dot, node);
      case N.Range:
        return this.walkRange(dot, node);
      case N.Template:
        this.walkTemplate(dot, node);
        return 0;
      case N.Break:
        return BREAK;
      case N.Continue:
        return CONTINUE;
    }
    return this.errorf(`unknown node: ${node}`);
  }

  private walkIfOrWith(dot: Value, node: BranchNode): number {
    const mark = this.mark();
    const val = this.evalPipeline(dot, node.pipe);
    let r = 0;
    if (isTrue(val)) {
      if (node.type === N.With) {
        const saved = this.dotIface;
        this.dotIface = false;
        r = this.walk(val, node.list);
        this.dotIface = saved;
      } else r = this.walk(dot, node.list);
    } else if (node.elseList !== null) r = this.walk(dot, node.elseList);
    this.pop(mark);
    return r;
  }

  private walkRange(dot: Value, node: BranchNode): number {
    this.at(node);
    const outer = this.mark();
    const val = this.evalPipeline(dot, node.pipe);
    const mark = this.mark();
    const savedIface = this.dotIface;
    let ran = false;
    try {
      if (Array.isArray(val)) {
        const iface = elemType(val) === "interface {}";
        for (let i = 0; i < val.length; i++) {
          ran = true;
          if (this.iteration(node, mark, intValue(i), val[i], iface) === BREAK) break;
        }
      } else if (val instanceof Uint8Array) {
        for (let i = 0; i < val.length; i++) {
          ran = true;
          if (this.iteration(node, mark, intValue(i), new GoInt(BigInt(val[i]), "uint8"), false) === BREAK) break;
        }
      } else if (isMap(val)) {
        const iface = mapValueType(val) === "interface {}";
        const keys = sortedKeys(val);
        for (let i = 0; i < keys.length; i++) {
          ran = true;
          if (this.iteration(node, mark, keys[i], (val as GoMap)[keys[i]], iface) === BREAK) break;
        }
      } else if (val !== undefined && val !== null) {
        this.errorf(`range can't iterate over ${formatV(val)}`);
      }
    } finally {
      this.dotIface = savedIface;
    }
    if (!ran && node.elseList !== null) this.walk(dot, node.elseList);
    this.pop(outer);
    return 0;
  }

  private iteration(node: BranchNode, mark: number, index: Value, elem: Value, iface: boolean): number {
    const decl = node.pipe.decl;
    if (decl.length > 0) {
      if (node.pipe.isAssign) {
        if (decl.length > 1) this.setVar(decl[0].ident[0], index, false);
        else this.setVar(decl[0].ident[0], elem, iface);
      } else this.setTopVar(1, elem, iface);
    }
    if (decl.length > 1) {
      if (node.pipe.isAssign) this.setVar(decl[1].ident[0], elem, iface);
      else this.setTopVar(2, index, false);
    }
    this.dotIface = iface;
    const r = this.walk(elem, node.list);
    this.pop(mark);
    return r;
  }

  private walkTemplate(dot: Value, node: TemplateNode): void {
    this.at(node);
    const tree = this.set.tree(node.name);
    if (tree === undefined) this.errorf(`template ${goQuote(node.name)} not defined`);
    if (this.depth === MAX_DEPTH) this.errorf(`exceeded maximum template depth (${MAX_DEPTH})`);
    const newDot = node.pipe === null ? undefined : this.evalPipeline(dot, node.pipe);
    const saved = { tree: this.tree, base: this.base, iface: this.dotIface };
    const mark = this.mark();
    this.tree = tree;
    this.base = mark;
    this.depth++;
    this.dotIface = false;
    this.push("$", newDot, false);
    try {
      this.walk(newDot, tree.root);
    } catch (e) {
      if (!isStackOverflow(e)) throw e;
      // JS runs out of stack long before Go's limit; report it as Go would.
      this.tree = saved.tree;
      this.node = node;
      this.errorf(`exceeded maximum template depth (${MAX_DEPTH})`);
    } finally {
      this.pop(mark);
      this.tree = saved.tree;
      this.base = saved.base;
      this.dotIface = saved.iface;
      this.depth--;
    }
  }

  // --- evaluation ---

  evalPipeline(dot: Value, pipe: PipeNode): Value {
    this.at(pipe);
    let value: Value | Missing = MISSING;
    const cmds = pipe.cmds;
    for (let i = 0; i < cmds.length; i++) {
      const cmd = cmds[i];
      const first = cmd.args[0];
      if (first.type === N.Identifier) {
        // Function calls skip evalCommand so nested includes use less JS stack.
        this.at(first);
        const fn = this.set.func(first.ident);
        if (fn === undefined) return this.errorf(`${goQuote(first.ident)} is not a defined function`);
        value = evalCall(this, dot, fn, this.set.isBuiltin(first.ident, fn), cmd, first.ident, cmd.args, value);
      } else value = this.evalCommand(dot, cmd, value);
      if (value === null) value = undefined;
    }
    const v = value as Value;
    const decl = pipe.decl;
    for (let i = 0; i < decl.length; i++) {
      if (pipe.isAssign) this.setVar(decl[i].ident[0], v, false);
      else this.push(decl[i].ident[0], v, false);
    }
    return v;
  }

  notAFunction(args: Arg[] | null, final: Value | Missing): void {
    if ((args !== null && args.length > 1) || final !== MISSING) {
      this.errorf(`can't give argument to non-function ${args![0]}`);
    }
  }

  private evalCommand(dot: Value, cmd: CommandNode, final: Value | Missing): Value {
    const first = cmd.args[0];
    switch (first.type) {
      case N.Field:
        return this.evalFieldNode(dot, first, cmd.args, final);
      case N.Chain:
        return this.evalChainNode(dot, first, cmd.args, final);
      case N.Identifier:
        return this.evalFunction(dot, first, cmd, cmd.args, final);
      case N.Pipe:
        this.notAFunction(cmd.args, final);
        return this.evalPipeline(dot, first);
      case N.Variable:
        return this.evalVariableNode(dot, first, cmd.args, final);
    }
    this.at(first);
    this.notAFunction(cmd.args, final);
    switch (first.type) {
      case N.Bool:
        return first.value;
      case N.Dot:
        return dot;
      case N.Nil:
        return this.errorf("nil is not a command");
      case N.Number:
        return this.idealConstant(first);
      case N.String:
        return first.text;
    }
  }

  /** A number with no type context: int if it looks integral, else float64. */
  idealConstant(n: NumberNode): Value {
    this.at(n);
    if (n.isComplex) return n.complex;
    const t = n.text;
    const hexInt = t.length > 2 && t[0] === "0" && (t[1] === "x" || t[1] === "X") && !/[pP]/.test(t);
    if (n.isFloat && !hexInt && t[0] !== "'" && /[.eEpP]/.test(t)) return n.float64;
    if (n.isInt) return n.intOf("int");
    if (n.isUint) return this.errorf(`${t} overflows int`);
    return undefined;
  }

  evalFieldNode(dot: Value, field: FieldNode, args: Arg[] | null, final: Value | Missing): Value {
    this.at(field);
    return evalFieldChain(this, dot, dot, this.dotIface, field, field.ident, 0, args, final);
  }

  evalChainNode(dot: Value, chain: ChainNode, args: Arg[] | null, final: Value | Missing): Value {
    this.at(chain);
    if (chain.node.type === N.Nil) this.errorf(`indirection through explicit nil in ${chain}`);
    const recv = evalArg(this, dot, null, chain.node);
    return evalFieldChain(this, dot, recv, recv === null, chain, chain.field, 0, args, final);
  }

  evalVariableNode(dot: Value, v: VariableNode, args: Arg[] | null, final: Value | Missing): Value {
    this.at(v);
    const i = this.find(v.ident[0]);
    const value = this.vals[i];
    if (v.ident.length === 1) {
      this.notAFunction(args, final);
      this.iface = this.ifaces[i];
      return value;
    }
    return evalFieldChain(this, dot, value, this.ifaces[i], v, v.ident, 1, args, final);
  }

  evalFunction(dot: Value, node: IdentifierNode, cmd: Node, args: Arg[] | null, final: Value | Missing): Value {
    this.at(node);
    const name = node.ident;
    const fn = this.set.func(name);
    if (fn === undefined) return this.errorf(`${goQuote(name)} is not a defined function`);
    this.iface = false;
    return evalCall(this, dot, fn, this.set.isBuiltin(name, fn), cmd, name, args, final);
  }

}

const encoder = new TextEncoder();

/** Go's ErrorContext location: NAME:LINE:COL with a 0-based byte column. */
export function location(tree: Tree, pos: number): string {
  const text = tree.text;
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i >= 0 && i < pos; i = text.indexOf("\n", i + 1)) {
    line++;
    lineStart = i + 1;
  }
  const prefix = text.slice(lineStart, pos);
  const col = /^[\x00-\x7f]*$/.test(prefix) ? prefix.length : encoder.encode(prefix).length;
  return `${tree.parseName}:${line}:${col}`;
}
