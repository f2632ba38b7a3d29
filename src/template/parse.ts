// The parser, after Go's text/template/parse/parse.go: the same grammar, the
// same three-token look-ahead, variable scoping and error texts, so helm's
// "parse error at (file:line): ..." messages come out identical.
import { TemplateError } from "./errors.js";
import { type Item, itemString, lex, T } from "./lex.js";
import { goQuote, goUnquote } from "./literals.js";
import { newNumber } from "./number.js";
import {
  ActionNode,
  type Arg,
  BoolNode,
  BranchNode,
  BreakNode,
  ChainNode,
  CommandNode,
  ContinueNode,
  DotNode,
  ElseNode,
  EndNode,
  FieldNode,
  IdentifierNode,
  isEmptyTree,
  ListNode,
  N,
  type Node,
  NilNode,
  PipeNode,
  StringNode,
  TemplateNode,
  TextNode,
  Tree,
  VariableNode,
} from "./node.js";


const EOF_ITEM: Item = { typ: T.EOF, pos: 0, val: "", line: 0 };

type Ended = ElseNode | EndNode;

class Parser {
  private idx = 0;
  private token: Item[] = [EOF_ITEM, EOF_ITEM, EOF_ITEM];
  private peekCount = 0;
  private vars: string[] = ["$"];
  private rangeDepth = 0;
  private actionLine = 0;
  readonly trees = new Map<string, Tree>();

  constructor(
    private readonly parseName: string,
    private readonly text: string,
    private readonly items: Item[],
    private readonly hasFunc: (name: string) => boolean,
  ) {}

  // --- token stream ---

  private lexNext(): Item {
    const it = this.items[this.idx];
    if (it === undefined) return { ...EOF_ITEM, pos: this.text.length, line: this.token[0].line };
    this.idx++;
    return it;
  }
  private next(): Item {
    if (this.peekCount > 0) this.peekCount--;
    else this.token[0] = this.lexNext();
    return this.token[this.peekCount];
  }
  private backup(): void {
    this.peekCount++;
  }
  private backup2(t1: Item): void {
    this.token[1] = t1;
    this.peekCount = 2;
  }
  private backup3(t2: Item, t1: Item): void {
    this.token[1] = t1;
    this.token[2] = t2;
    this.peekCount = 3;
  }
  private peek(): Item {
    if (this.peekCount > 0) return this.token[this.peekCount - 1];
    this.peekCount = 1;
    this.token[0] = this.lexNext();
    return this.token[0];
  }
  private nextNonSpace(): Item {
    let t: Item;
    do t = this.next();
    while (t.typ === T.Space);
    return t;
  }
  private peekNonSpace(): Item {
    const t = this.nextNonSpace();
    this.backup();
    return t;
  }

  // --- errors ---

  errorf(msg: string): never {
    throw new TemplateError("parse", `template: ${this.parseName}:${this.token[0].line}: ${msg}`, this.parseName);
  }
  private expect(typ: T, context: string): Item {
    const t = this.nextNonSpace();
    if (t.typ !== typ) this.unexpected(t, context);
    return t;
  }
  private unexpected(t: Item, context: string): never {
    if (t.typ === T.Error) {
      let extra = "";
      if (this.actionLine !== 0 && this.actionLine !== t.line) {
        extra = ` in action started at ${this.parseName}:${this.actionLine}`;
        if (t.val.endsWith(" action")) extra = extra.slice(" in action".length);
      }
      this.errorf(t.val + extra);
    }
    this.errorf(`unexpected ${itemString(t)} in ${context}`);
  }

  // --- trees ---

  /** Parses the whole input as the tree `name`; {{define}}s become their own trees. */
  parseTop(name: string): void {
    const root = new ListNode(this.peek().pos);
    while (this.peek().typ !== T.EOF) {
      if (this.peek().typ === T.LeftDelim) {
        const delim = this.next();
        if (this.nextNonSpace().typ === T.Define) {
          this.inNewTree(() => this.parseDefinition());
          continue;
        }
        this.backup2(delim);
      }
      const n = this.textOrAction();
      if (n.type === N.End || n.type === N.Else) this.errorf(`unexpected ${n}`);
      root.nodes.push(n);
    }
    this.add(new Tree(name, this.parseName, this.text, root));
  }

  private inNewTree(body: () => void): void {
    const vars = this.vars;
    const depth = this.rangeDepth;
    const actionLine = this.actionLine;
    this.vars = ["$"];
    this.rangeDepth = 0;
    try {
      body();
    } finally {
      this.vars = vars;
      this.rangeDepth = depth;
      this.actionLine = actionLine;
    }
  }

  private add(tree: Tree): void {
    const old = this.trees.get(tree.name);
    if (old === undefined || isEmptyTree(old.root)) {
      this.trees.set(tree.name, tree);
      return;
    }
    if (!isEmptyTree(tree.root)) this.errorf(`template: multiple definition of template ${goQuote(tree.name)}`);
  }

  private unquote(t: Item): string {
    try {
      return goUnquote(t.val);
    } catch (e) {
      return this.errorf((e as Error).message);
    }
  }

  private parseDefinition(): void {
    const context = "define clause";
    const t = this.nextNonSpace();
    if (t.typ !== T.String && t.typ !== T.RawString) this.unexpected(t, context);
    const name = this.unquote(t);
    this.expect(T.RightDelim, context);
    const [root, end] = this.itemList();
    if (end.type !== N.End) this.errorf(`unexpected ${end} in ${context}`);
    this.add(new Tree(name, this.parseName, this.text, root));
  }

  private itemList(): [ListNode, Ended] {
    const list = new ListNode(this.peekNonSpace().pos);
    while (this.peekNonSpace().typ !== T.EOF) {
      const n = this.textOrAction();
      if (n.type === N.End || n.type === N.Else) return [list, n];
      list.nodes.push(n);
    }
    return this.errorf("unexpected EOF");
  }

  private textOrAction(): Node {
    const t = this.nextNonSpace();
    switch (t.typ) {
      case T.Text:
        return new TextNode(t.pos, t.val);
      case T.LeftDelim: {
        this.actionLine = t.line;
        try {
          return this.action();
        } finally {
          this.actionLine = 0;
        }
      }
      default:
        return this.unexpected(t, "input");
    }
  }

  private action(): Node {
    const t = this.nextNonSpace();
    switch (t.typ) {
      case T.Block:
        return this.blockControl();
      case T.Break:
      case T.Continue:
        return this.loopControl(t);
      case T.Else:
        return this.elseControl();
      case T.End:
        return new EndNode(this.expect(T.RightDelim, "end").pos);
      case T.If:
        return this.branch(N.If, "if");
      case T.Range:
        return this.branch(N.Range, "range");
      case T.Template:
        return this.templateControl();
      case T.With:
        return this.branch(N.With, "with");
    }
    this.backup();
    const p = this.peek();
    return new ActionNode(p.pos, p.line, this.pipeline("command", T.RightDelim));
  }

  private loopControl(t: Item): Node {
    const word = t.typ === T.Break ? "break" : "continue";
    const next = this.nextNonSpace();
    if (next.typ !== T.RightDelim) this.unexpected(next, `{{${word}}}`);
    if (this.rangeDepth === 0) this.errorf(`{{${word}}} outside {{range}}`);
    return t.typ === T.Break ? new BreakNode(t.pos, t.line) : new ContinueNode(t.pos, t.line);
  }

  private elseControl(): Node {
    const p = this.peekNonSpace();
    // "{{else if" and "{{else with" leave the keyword pending for branch().
    if (p.typ === T.If || p.typ === T.With) return new ElseNode(p.pos, p.line);
    const t = this.expect(T.RightDelim, "else");
    return new ElseNode(t.pos, t.line);
  }

  private branch(type: N.If | N.Range | N.With, context: string): BranchNode {
    const mark = this.vars.length;
    try {
      const pipe = this.pipeline(context, T.RightDelim);
      if (type === N.Range) this.rangeDepth++;
      let [list, next] = this.itemList();
      if (type === N.Range) this.rangeDepth--;
      let elseList: ListNode | null = null;
      if (next.type === N.Else) {
        if (type === N.If && this.peek().typ === T.If) {
          this.next();
          elseList = new ListNode(next.pos);
          elseList.nodes.push(this.branch(N.If, "if"));
        } else if (type === N.With && this.peek().typ === T.With) {
          this.next();
          elseList = new ListNode(next.pos);
          elseList.nodes.push(this.branch(N.With, "with"));
        } else {
          [elseList, next] = this.itemList();
          if (next.type !== N.End) this.errorf(`expected end; found ${next}`);
        }
      }
      list = list as ListNode;
      return new BranchNode(type, pipe.pos, pipe.line, pipe, list, elseList);
    } finally {
      this.vars.length = mark;
    }
  }

  private templateName(t: Item, context: string): string {
    if (t.typ !== T.String && t.typ !== T.RawString) this.unexpected(t, context);
    return this.unquote(t);
  }

  private templateControl(): Node {
    const context = "template clause";
    const t = this.nextNonSpace();
    const name = this.templateName(t, context);
    let pipe: PipeNode | null = null;
    if (this.nextNonSpace().typ !== T.RightDelim) {
      this.backup();
      pipe = this.pipeline(context, T.RightDelim);
    }
    return new TemplateNode(t.pos, t.line, name, pipe);
  }

  private blockControl(): Node {
    const context = "block clause";
    const t = this.nextNonSpace();
    const name = this.templateName(t, context);
    const pipe = this.pipeline(context, T.RightDelim);
    this.inNewTree(() => {
      const [root, end] = this.itemList();
      if (end.type !== N.End) this.errorf(`unexpected ${end} in ${context}`);
      this.add(new Tree(name, this.parseName, this.text, root));
    });
    return new TemplateNode(t.pos, t.line, name, pipe);
  }

  // --- pipelines ---

  private pipeline(context: string, end: T): PipeNode {
    const first = this.peekNonSpace();
    const pipe = new PipeNode(first.pos, first.line);
    for (;;) {
      const v = this.peekNonSpace();
      if (v.typ !== T.Variable) break;
      this.next();
      // "$x foo" needs three tokens of look-ahead to tell a use from a declaration.
      const afterVar = this.peek();
      const next = this.peekNonSpace();
      if (next.typ === T.Assign || next.typ === T.Declare) {
        pipe.isAssign = next.typ === T.Assign;
        this.nextNonSpace();
        pipe.decl.push(new VariableNode(v.pos, v.val));
        this.vars.push(v.val);
      } else if (next.typ === T.Char && next.val === ",") {
        this.nextNonSpace();
        pipe.decl.push(new VariableNode(v.pos, v.val));
        this.vars.push(v.val);
        if (context === "range" && pipe.decl.length < 2) {
          const p = this.peekNonSpace().typ;
          if (p === T.Variable || p === T.RightDelim || p === T.RightParen) continue;
          this.errorf("range can only initialize variables");
        }
        this.errorf(`too many declarations in ${context}`);
      } else if (afterVar.typ === T.Space) {
        this.backup3(v, afterVar);
      } else {
        this.backup2(v);
      }
      break;
    }
    for (;;) {
      const t = this.nextNonSpace();
      switch (t.typ) {
        case end:
          this.checkPipeline(pipe, context);
          return pipe;
        case T.Bool:
        case T.CharConstant:
        case T.Complex:
        case T.Dot:
        case T.Field:
        case T.Identifier:
        case T.Number:
        case T.Nil:
        case T.RawString:
        case T.String:
        case T.Variable:
        case T.LeftParen:
          this.backup();
          pipe.cmds.push(this.command());
          break;
        default:
          this.unexpected(t, context);
      }
    }
  }

  private checkPipeline(pipe: PipeNode, context: string): void {
    if (pipe.cmds.length === 0) this.errorf(`missing value for ${context}`);
    for (let i = 1; i < pipe.cmds.length; i++) {
      const k = pipe.cmds[i].args[0].type;
      if (k === N.Bool || k === N.Dot || k === N.Nil || k === N.Number || k === N.String) {
        this.errorf(`non executable command in pipeline stage ${i + 1}`);
      }
    }
  }

  private command(): CommandNode {
    const cmd = new CommandNode(this.peekNonSpace().pos);
    for (;;) {
      this.peekNonSpace();
      const operand = this.operand();
      if (operand !== null) cmd.args.push(operand);
      const t = this.next();
      if (t.typ === T.Space) continue;
      if (t.typ === T.RightDelim || t.typ === T.RightParen) this.backup();
      else if (t.typ !== T.Pipe) this.unexpected(t, "operand");
      break;
    }
    if (cmd.args.length === 0) this.errorf("empty command");
    return cmd;
  }

  private operand(): Arg | null {
    const node = this.term();
    if (node === null) return null;
    if (this.peek().typ !== T.Field) return node;
    const chain = new ChainNode(this.peek().pos, node);
    while (this.peek().typ === T.Field) chain.add(this.next().val);
    switch (node.type) {
      case N.Field:
        return new FieldNode(chain.pos, chain.toString());
      case N.Variable:
        return new VariableNode(chain.pos, chain.toString());
      case N.Bool:
      case N.String:
      case N.Number:
      case N.Nil:
      case N.Dot:
        return this.errorf(`unexpected . after term ${goQuote(node.toString())}`);
      default:
        return chain;
    }
  }

  private term(): Arg | null {
    const t = this.nextNonSpace();
    switch (t.typ) {
      case T.Identifier:
        if (!this.hasFunc(t.val)) this.errorf(`function ${goQuote(t.val)} not defined`);
        return new IdentifierNode(t.pos, t.val);
      case T.Dot:
        return new DotNode(t.pos);
      case T.Nil:
        return new NilNode(t.pos);
      case T.Variable:
        if (!this.vars.includes(t.val)) this.errorf(`undefined variable ${goQuote(t.val)}`);
        return new VariableNode(t.pos, t.val);
      case T.Field:
        return new FieldNode(t.pos, t.val);
      case T.Bool:
        return new BoolNode(t.pos, t.val === "true");
      case T.CharConstant:
      case T.Complex:
      case T.Number:
        try {
          return newNumber(t.pos, t.val, t.typ);
        } catch (e) {
          return this.errorf((e as Error).message);
        }
      case T.LeftParen:
        return this.pipeline("parenthesized pipeline", T.RightParen);
      case T.String:
      case T.RawString:
        return new StringNode(t.pos, t.val, this.unquote(t));
    }
    this.backup();
    return null;
  }

}

/**
 * Parses one file. Returns its trees by name: the file's own tree (named
 * `name`) and one per {{define}}/{{block}}. Throws TemplateError.
 */
export function parseFile(name: string, text: string, hasFunc: (name: string) => boolean): Map<string, Tree> {
  const p = new Parser(name, text, lex(text, !hasFunc("break"), !hasFunc("continue")), hasFunc);
  p.parseTop(name);
  return p.trees;
}
