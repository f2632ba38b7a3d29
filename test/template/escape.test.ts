// Expected texts recorded from helm v3.17.3 templates using html, js and urlquery.
import { describe, expect, it } from "vitest";
import { evalArgs, htmlEscape, jsEscape, urlQueryEscape } from "../../src/template/escape.js";
import { GoInt } from "../../src/template/value.js";

describe("escapers", () => {
  it("html", () => {
    expect(htmlEscape("<a href=\"x\">'&")).toBe("&lt;a href=&#34;x&#34;&gt;&#39;&amp;");
    expect(htmlEscape("a\x00b")).toBe("a\ufffdb");
    expect(htmlEscape("plain")).toBe("plain");
  });
  it("js", () => {
    expect(jsEscape("'\"\\<>&=")).toBe("\\'\\\"\\\\\\u003C\\u003E\\u0026\\u003D");
    expect(jsEscape("é\n\u2028x")).toBe("é\\u000A\\u2028x");
    expect(jsEscape("`a`")).toBe("`a`");
    expect(jsEscape("\x1f\x7f\u00ad")).toBe("\\u001F\x7f\\u00AD");
  });
  it("urlquery", () => {
    expect(urlQueryEscape("a b&c=d/é?")).toBe("a+b%26c%3Dd%2F%C3%A9%3F");
    expect(urlQueryEscape("a/b?c=d&e f+g#h")).toBe("a%2Fb%3Fc%3Dd%26e+f%2Bg%23h");
    expect(urlQueryEscape("-_.~AZaz09")).toBe("-_.~AZaz09");
  });
});

describe("evalArgs", () => {
  it("uses a lone string as-is and Sprints anything else", () => {
    expect(evalArgs(["<x>"])).toBe("<x>");
    expect(evalArgs([new GoInt(1n), new GoInt(2n)])).toBe("1 2");
    expect(evalArgs(["a", "b"])).toBe("ab");
    expect(evalArgs(["a", "b", new GoInt(1n)])).toBe("ab1");
  });
  it("prints nil as <no value>", () => {
    expect(evalArgs([null])).toBe("<no value>");
    expect(htmlEscape(evalArgs([null]))).toBe("&lt;no value&gt;");
  });
});
