// Public API of the Go text/template engine.
//
// A TemplateSet is Go's *template.Template "common" part: named parsed trees
// plus a function map. Trees are parsed once and executed many times.
//
// Binding helm's include/tpl (done by the render layer, per render):
//   const set = new TemplateSet(baseFuncs());
//   set.setFuncs({ include: { params: ["string", "interface {}"],
//     fn: (name, data) => set.execute(name, data) }, tpl: ... });
//   // then parse every file, then execute each.
// A function that throws (TemplateError included) surfaces as Go's
// `error calling NAME: MESSAGE`, which is how a nested include's error chains.
// `tpl` is `const c = set.clone(); c.setFuncs({include/tpl bound to c});
// c.parse("gotpl", text); c.execute("gotpl", data)`, as helm parses tpl text
// into a clone of its template named after the parent ("gotpl").
// helm's include recursion guard (a per-name counter, limit 1000, error
// "rendering template has a nested reference name: NAME: unable to execute
// template") lives in the render layer's include closure, as in helm.
// `fail`/`required` should throw FuncError(warnWrap(msg)) so that
// helmErrorMessage turns the error into helm's "execution error at (...)".
import { builtins } from "./builtins.js";
import { TemplateError } from "./errors.js";
import { type MissingKey, State, type Templates } from "./exec.js";
import { goQuote } from "./literals.js";
import { isEmptyTree, type Tree } from "./node.js";
import { parseFile } from "./parse.js";
import type { FuncDef, FuncMap, Value } from "./value.js";

export { helmErrorMessage, TemplateError, warnWrap } from "./errors.js";
export type { MissingKey } from "./exec.js";
export { parseFile } from "./parse.js";
export { builtins } from "./builtins.js";

const NO_FUNCS = Object.freeze(Object.create(null)) as FuncMap;

export class TemplateSet implements Templates {
  private trees: Map<string, Tree>;
  private funcs: FuncMap;
  /** The set's own name, used in Go's "no template ... associated with template" error. */
  name = "gotpl";
  /** Go's Option("missingkey=..."): helm renders with "zero". */
  missingKey: MissingKey = "zero";

  constructor(funcs: FuncMap, trees?: Map<string, Tree>) {
    // A null-prototype map (the function table every render starts from) is
    // inherited rather than copied: copying ~250 functions cost each render
    // about a millisecond. Functions set later are the set's own.
    this.funcs = Object.getPrototypeOf(funcs) === null ? (Object.create(funcs) as FuncMap) : Object.assign(Object.create(null) as FuncMap, funcs);
    this.trees = trees ?? new Map();
  }

  /** Sets Go's missingkey option ("zero" is helm's default, "error" its --strict). */
  setMissingKey(mode: MissingKey): void {
    this.missingKey = mode;
  }

  /** Adds or replaces functions (Go's Template.Funcs). */
  setFuncs(funcs: FuncMap): void {
    Object.assign(this.funcs, funcs);
  }

  /**
   * Parses one file named `name`. Its {{define}}s join the set; a later file
   * replaces an earlier definition unless its own body is empty (Go's
   * AddParseTree). Throws TemplateError (kind "parse") with Go's message.
   */
  parse(name: string, text: string): Tree | undefined {
    const trees = parseFile(name, text, (f) => f in this.funcs || f in builtins);
    for (const [n, tree] of trees) {
      // Go keeps a non-empty definition over an empty one, but the template
      // being parsed always gets its own new tree (what Execute then runs).
      if (n !== name && this.trees.has(n) && isEmptyTree(tree.root)) continue;
      this.trees.set(n, tree);
    }
    // The file's own tree, even when it was empty and so not installed in the
    // set: Go's t.New(name).Parse(text) then t.Execute runs exactly this tree.
    return trees.get(name);
  }

  /** Executes a tree returned by parse() (Go's Template.Execute on that template). */
  executeTree(tree: Tree, data: Value): string {
    return new State(this, tree, data).run();
  }

  has(name: string): boolean {
    return this.trees.has(name);
  }

  names(): string[] {
    return [...this.trees.keys()];
  }

  /** Executes the template `name` with `data` as dot. Throws TemplateError. */
  execute(name: string, data: Value): string {
    const tree = this.trees.get(name);
    if (tree === undefined) {
      throw new TemplateError(
        "lookup",
        `template: no template ${goQuote(name)} associated with template ${goQuote(this.name)}`,
        name,
      );
    }
    return new State(this, tree, data).run();
  }

  /** A copy sharing the parsed trees; later parses and setFuncs on either side stay separate. */
  clone(): TemplateSet {
    // The same table underneath; the functions set on this one copied.
    const c = new TemplateSet((Object.getPrototypeOf(this.funcs) as FuncMap | null) ?? NO_FUNCS, new Map(this.trees));
    Object.assign(c.funcs, this.funcs);
    c.name = this.name;
    c.missingKey = this.missingKey;
    return c;
  }

  // Templates (used by the executor)
  tree(name: string): Tree | undefined {
    return this.trees.get(name);
  }
  func(name: string): FuncDef | undefined {
    return this.funcs[name] ?? builtins[name];
  }
  isBuiltin(name: string, fn: FuncDef): boolean {
    return builtins[name] === fn;
  }
}
