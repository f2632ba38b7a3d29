// AST nodes. Each prints back to template source exactly as Go's node.go
// String() does: that text is what execution errors quote ("at <...>"), and
// it makes every parser test a one-line round trip.
import { formatAny } from "./fmt.js";
import { GoInt, GoObject } from "./value.js";

/** A Go complex128 constant (only literals like 2i or 1+2i produce one). */
export class GoComplex extends GoObject {
  constructor(
    readonly re: number,
    readonly im: number,
  ) {
    super();
  }
  goType(): string {
    return "complex128";
  }
  override goKind(): string {
    return "complex128";
  }
  override goString(): string {
    const sign = this.im >= 0 || Number.isNaN(this.im) ? "+" : "";
    return `(${formatAny(this.re)}${sign}${formatAny(this.im)}i)`;
  }
}
import { goQuote } from "./literals.js";

export enum N {
  Text,
  Action,
  Bool,
  Chain,
  Command,
  Dot,
  Field,
  Identifier,
  If,
  List,
  Nil,
  Number,
  Pipe,
  Range,
  String,
  Template,
  Variable,
  With,
  Comment,
  Break,
  Continue,
  Else,
  End,
}

export type Node =
  | TextNode
  | ActionNode
  | BoolNode
  | ChainNode
  | CommandNode
  | DotNode
  | FieldNode
  | IdentifierNode
  | BranchNode
  | ListNode
  | NilNode
  | NumberNode
  | PipeNode
  | StringNode
  | TemplateNode
  | VariableNode
  | BreakNode
  | ContinueNode
  | ElseNode
  | EndNode;

export class TextNode {
  readonly type = N.Text;
  constructor(
    readonly pos: number,
    readonly text: string,
  ) {}
  toString(): string {
    return this.text;
  }
}

export class ListNode {
  readonly type = N.List;
  readonly nodes: Node[] = [];
  constructor(readonly pos: number) {}
  toString(): string {
    let s = "";
    for (const n of this.nodes) s += n.toString();
    return s;
  }
}

export class ActionNode {
  readonly type = N.Action;
  constructor(
    readonly pos: number,
    readonly line: number,
    readonly pipe: PipeNode,
  ) {}
  toString(): string {
    return `{{${this.pipe}}}`;
  }
}

export class PipeNode {
  readonly type = N.Pipe;
  isAssign = false;
  readonly decl: VariableNode[] = [];
  readonly cmds: CommandNode[] = [];
  constructor(
    readonly pos: number,
    readonly line: number,
  ) {}
  toString(): string {
    let s = "";
    if (this.decl.length > 0) s = this.decl.join(", ") + (this.isAssign ? " = " : " := ");
    return s + this.cmds.join(" | ");
  }
}

export type Arg =
  | BoolNode
  | ChainNode
  | DotNode
  | FieldNode
  | IdentifierNode
  | NilNode
  | NumberNode
  | PipeNode
  | StringNode
  | VariableNode;

export class CommandNode {
  readonly type = N.Command;
  readonly args: Arg[] = [];
  constructor(readonly pos: number) {}
  toString(): string {
    let s = "";
    for (let i = 0; i < this.args.length; i++) {
      if (i > 0) s += " ";
      const a = this.args[i];
      s += a.type === N.Pipe ? `(${a})` : a.toString();
    }
    return s;
  }
}

export class IdentifierNode {
  readonly type = N.Identifier;
  constructor(
    readonly pos: number,
    readonly ident: string,
  ) {}
  toString(): string {
    return this.ident;
  }
}

/** $x or $x.Field.Chain: ident[0] is the variable name. */
export class VariableNode {
  readonly type = N.Variable;
  readonly ident: string[];
  constructor(
    readonly pos: number,
    text: string,
  ) {
    this.ident = text.split(".");
  }
  toString(): string {
    return this.ident.join(".");
  }
}

export class DotNode {
  readonly type = N.Dot;
  constructor(readonly pos: number) {}
  toString(): string {
    return ".";
  }
}

export class NilNode {
  readonly type = N.Nil;
  constructor(readonly pos: number) {}
  toString(): string {
    return "nil";
  }
}

/** .A.B.C: ident holds the names without dots. */
export class FieldNode {
  readonly type = N.Field;
  readonly ident: string[];
  constructor(
    readonly pos: number,
    text: string,
  ) {
    this.ident = text.slice(1).split(".");
  }
  toString(): string {
    return "." + this.ident.join(".");
  }
}

/** (pipe).A.B or a literal followed by fields. */
export class ChainNode {
  readonly type = N.Chain;
  readonly field: string[] = [];
  constructor(
    readonly pos: number,
    readonly node: Arg,
  ) {}
  add(field: string): void {
    this.field.push(field.slice(1));
  }
  toString(): string {
    let s = this.node.type === N.Pipe ? `(${this.node})` : this.node.toString();
    for (const f of this.field) s += "." + f;
    return s;
  }
}

export class BoolNode {
  readonly type = N.Bool;
  constructor(
    readonly pos: number,
    readonly value: boolean,
  ) {}
  toString(): string {
    return this.value ? "true" : "false";
  }
}

/**
 * A number literal with every Go interpretation that succeeded (like Go's
 * NumberNode): an argument is converted to the parameter's type from these.
 */
export class NumberNode {
  readonly type = N.Number;
  isInt = false;
  isUint = false;
  isFloat = false;
  isComplex = false;
  int64 = 0n;
  uint64 = 0n;
  float64 = 0;
  complex: GoComplex | null = null;
  /** Cached GoInt per kind, so execution does not allocate. */
  private ints: Record<string, GoInt> = Object.create(null);
  constructor(
    readonly pos: number,
    readonly text: string,
  ) {}
  intOf(kind: GoInt["kind"]): GoInt {
    let v = this.ints[kind];
    if (v === undefined) {
      const n = kind.startsWith("u") ? this.uint64 : this.int64;
      v = this.ints[kind] = new GoInt(n, kind);
    }
    return v;
  }
  toString(): string {
    return this.text;
  }
}

export class StringNode {
  readonly type = N.String;
  constructor(
    readonly pos: number,
    readonly quoted: string,
    readonly text: string,
  ) {}
  toString(): string {
    return this.quoted;
  }
}

export type BranchType = N.If | N.Range | N.With;

/** if, range and with share one shape. */
export class BranchNode {
  constructor(
    readonly type: BranchType,
    readonly pos: number,
    readonly line: number,
    readonly pipe: PipeNode,
    readonly list: ListNode,
    readonly elseList: ListNode | null,
  ) {}
  toString(): string {
    const name = this.type === N.If ? "if" : this.type === N.Range ? "range" : "with";
    const els = this.elseList ? `{{else}}${this.elseList}` : "";
    return `{{${name} ${this.pipe}}}${this.list}${els}{{end}}`;
  }
}

export class TemplateNode {
  readonly type = N.Template;
  constructor(
    readonly pos: number,
    readonly line: number,
    readonly name: string,
    readonly pipe: PipeNode | null,
  ) {}
  toString(): string {
    if (this.pipe === null) return `{{template ${goQuote(this.name)}}}`;
    return `{{template ${goQuote(this.name)} ${this.pipe}}}`;
  }
}

export class BreakNode {
  readonly type = N.Break;
  constructor(
    readonly pos: number,
    readonly line: number,
  ) {}
  toString(): string {
    return "{{break}}";
  }
}

export class ContinueNode {
  readonly type = N.Continue;
  constructor(
    readonly pos: number,
    readonly line: number,
  ) {}
  toString(): string {
    return "{{continue}}";
  }
}

/** Parse-time only: the {{else}} and {{end}} that close a list. */
export class ElseNode {
  readonly type = N.Else;
  constructor(
    readonly pos: number,
    readonly line: number,
  ) {}
  toString(): string {
    return "{{else}}";
  }
}

export class EndNode {
  readonly type = N.End;
  constructor(readonly pos: number) {}
  toString(): string {
    return "{{end}}";
  }
}

/** Go's parse.IsEmptyTree: only whitespace text (and nested empty lists). */
export function isEmptyTree(n: Node): boolean {
  switch (n.type) {
    case N.List:
      return n.nodes.every(isEmptyTree);
    case N.Text:
      return n.text.trim() === "";
    default:
      return false;
  }
}

/** A parsed template: its root list, plus the file it came from for error positions. */
export class Tree {
  constructor(
    readonly name: string,
    readonly parseName: string,
    readonly text: string,
    readonly root: ListNode,
  ) {}
}
