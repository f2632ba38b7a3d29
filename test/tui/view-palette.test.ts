import { describe, expect, test } from "vitest";
import { PANE_IDS } from "../../src/tui/view/panes.js";
import { paletteSuggestions, parsePalette, VERBS } from "../../src/tui/view/palette.js";

describe("parsePalette: every verb and alias", () => {
  test.each([
    ["releases", { type: "pane", pane: "releases" }],
    ["rel", { type: "pane", pane: "releases" }],
    ["helm", { type: "pane", pane: "releases" }],
    ["repos", { type: "pane", pane: "repositories" }],
    ["repositories", { type: "pane", pane: "repositories" }],
    ["repo", { type: "pane", pane: "repositories" }],
    ["search", { type: "pane", pane: "search", arg: undefined }],
    ["charts", { type: "pane", pane: "search", arg: undefined }],
    ["search nginx", { type: "pane", pane: "search", arg: "nginx" }],
    ["charts  ingress nginx ", { type: "pane", pane: "search", arg: "ingress nginx" }],
    ["values", { type: "pane", pane: "values", arg: undefined }],
    ["values ./charts/web", { type: "pane", pane: "values", arg: "./charts/web" }],
    ["ns apps", { type: "namespace", name: "apps" }],
    ["namespace all", { type: "namespace", name: "all" }],
    ["ctx kind-dev", { type: "context", name: "kind-dev" }],
    ["context prod-eu", { type: "context", name: "prod-eu" }],
    ["theme light", { type: "theme", name: "light" }],
    ["install", { type: "install", chart: undefined }],
    ["install demo/hello-web", { type: "install", chart: "demo/hello-web" }],
    ["help", { type: "help" }],
    ["?", { type: "help" }],
    ["quit", { type: "quit" }],
    ["q", { type: "quit" }],
    ["q!", { type: "quit" }],
  ])(":%s", (input, command) => {
    expect(parsePalette(input)).toStrictEqual(command);
  });

  test("every alias of every verb parses to a command, never an error", () => {
    for (const v of VERBS)
      for (const name of v.names) {
        const input = v.arg === "required" ? `${name} x` : name;
        expect(parsePalette(input), input).not.toHaveProperty("error");
      }
  });

  test("the pane verbs cover every pane", () => {
    const panes = VERBS.map((v) => v.build("x")).flatMap((c) => (c.type === "pane" ? [c.pane] : []));
    expect([...panes].sort()).toEqual([...PANE_IDS].sort());
  });

  test("the verb ignores case and surrounding blanks; the argument keeps its case", () => {
    expect(parsePalette("  REL  ")).toStrictEqual({ type: "pane", pane: "releases" });
    expect(parsePalette("Ctx Kind-Dev")).toStrictEqual({ type: "context", name: "Kind-Dev" });
    expect(parsePalette("ns\tapps")).toStrictEqual({ type: "namespace", name: "apps" });
    expect(parsePalette("Q")).toStrictEqual({ type: "quit" });
  });
});

describe("parsePalette: errors", () => {
  test("nothing typed", () => {
    const error = { error: "type a command: releases, repos, search, values, ns, ctx, theme, install, sandbox, help, quit" };
    expect(parsePalette("")).toEqual(error);
    expect(parsePalette("   ")).toEqual(error);
  });

  test("a required argument is missing, named by the word typed", () => {
    expect(parsePalette("ns")).toEqual({ error: ":ns needs an argument: :ns NAME|all" });
    expect(parsePalette("namespace   ")).toEqual({ error: ":namespace needs an argument: :ns NAME|all" });
    expect(parsePalette("ctx")).toEqual({ error: ":ctx needs an argument: :ctx NAME" });
    expect(parsePalette("CONTEXT")).toEqual({ error: ":context needs an argument: :ctx NAME" });
    expect(parsePalette("theme")).toEqual({ error: ":theme needs an argument: :theme NAME" });
  });

  test("an argument where none is taken", () => {
    expect(parsePalette("rel web")).toEqual({ error: ":rel takes no argument" });
    expect(parsePalette("repos x")).toEqual({ error: ":repos takes no argument" });
    expect(parsePalette("help keys")).toEqual({ error: ":help takes no argument" });
    expect(parsePalette("q now")).toEqual({ error: ":q takes no argument" });
  });

  test("an unknown verb, with the verbs it could start", () => {
    expect(parsePalette("re")).toEqual({ error: 'unknown command ":re" (did you mean :releases, :repos?)' });
    expect(parsePalette("h")).toEqual({ error: 'unknown command ":h" (did you mean :releases, :help?)' });
    expect(parsePalette("c foo")).toEqual({ error: 'unknown command ":c" (did you mean :search, :ctx?)' });
    expect(parsePalette("inst")).toEqual({ error: 'unknown command ":inst" (did you mean :install?)' });
    expect(parsePalette("Deploy web")).toEqual({ error: 'unknown command ":deploy"' });
    expect(parsePalette("releasesx")).toEqual({ error: 'unknown command ":releasesx"' });
  });
});

describe("paletteSuggestions", () => {
  const usages = (input: string) => paletteSuggestions(input).map((s) => s.usage);

  test("everything before a word is typed", () => {
    expect(usages("")).toEqual(["releases", "repos", "search [QUERY]", "values [PATH]", "ns NAME|all", "ctx NAME", "theme NAME", "install [CHART]", "sandbox", "help", "quit"]);
    expect(usages("   ")).toHaveLength(11);
  });

  test("verbs any of whose names start with the word, in the palette's order", () => {
    expect(usages("re")).toEqual(["releases", "repos"]);
    expect(usages("c")).toEqual(["search [QUERY]", "ctx NAME"]);
    expect(usages("h")).toEqual(["releases", "help"]);
    expect(usages("  TH")).toEqual(["theme NAME"]);
    expect(usages("q!")).toEqual(["quit"]);
    expect(usages("zzz")).toEqual([]);
  });

  test("only the first word counts once an argument follows", () => {
    expect(usages("ns kube-system")).toEqual(["ns NAME|all"]);
    expect(usages("namespace ")).toEqual(["ns NAME|all"]);
  });

  test("each suggestion carries its description", () => {
    expect(paletteSuggestions("ins")).toEqual([{ usage: "install [CHART]", description: "open the install wizard" }]);
  });
});
