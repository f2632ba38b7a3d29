import { describe, expect, test } from "vitest";
import type { KeyPress, NamedKey } from "../../src/tui/keymap.js";
import { type InputState, inputFrom, inputKey } from "../../src/tui/view/input.js";

const type = (input: string): KeyPress => ({ input, ctrl: false, shift: false });
const named = (name: NamedKey, input = ""): KeyPress => ({ input, name, ctrl: false, shift: false });
const ctrl = (input: string): KeyPress => ({ input, ctrl: true, shift: false });
/** "ab|cd" is text "abcd" with the cursor before "c". */
const at = (marked: string): InputState => ({ text: marked.replace("|", ""), cursor: marked.indexOf("|") });
const show = (s: InputState | undefined) => (s === undefined ? undefined : `${s.text.slice(0, s.cursor)}|${s.text.slice(s.cursor)}`);
const press = (marked: string, p: KeyPress) => show(inputKey(at(marked), p));

describe("inputFrom", () => {
  test("the cursor starts at the end", () => {
    expect(inputFrom()).toEqual({ text: "", cursor: 0 });
    expect(inputFrom("nginx")).toEqual({ text: "nginx", cursor: 5 });
  });
});

describe("typing", () => {
  test("inserts at the cursor", () => {
    expect(press("|", type("a"))).toBe("a|");
    expect(press("ngnx|", type("!"))).toBe("ngnx!|");
    expect(press("ng|nx", type("i"))).toBe("ngi|nx");
    expect(press("|nx", type("A"))).toBe("A|nx");
  });

  test("a paste arrives as one chunk and keeps only printable characters", () => {
    expect(press("repo |", type("demo/hello-web"))).toBe("repo demo/hello-web|");
    expect(press("a|z", type("b\tc\r\nd\x7f\x1be"))).toBe("abcde|z");
    expect(press("|", type("héllo 🚀"))).toBe("héllo 🚀|");
  });

  test("nothing printable is not an edit", () => {
    expect(inputKey(at("ab|"), type(""))).toBeUndefined();
    expect(inputKey(at("ab|"), type("\x1b"))).toBeUndefined();
    expect(inputKey(at("ab|"), type("\r\n"))).toBeUndefined();
  });
});

describe("cursor moves", () => {
  test("left and right stop at the ends", () => {
    expect(press("ab|c", named("left"))).toBe("a|bc");
    expect(press("|abc", named("left"))).toBe("|abc");
    expect(press("ab|c", named("right"))).toBe("abc|");
    expect(press("abc|", named("right"))).toBe("abc|");
  });

  test("home and end, Ctrl-A and Ctrl-E", () => {
    expect(press("ab|c", named("home"))).toBe("|abc");
    expect(press("ab|c", named("end"))).toBe("abc|");
    expect(press("ab|c", ctrl("a"))).toBe("|abc");
    expect(press("a|bc", ctrl("e"))).toBe("abc|");
  });
});

describe("deletion", () => {
  test("backspace erases before the cursor", () => {
    expect(press("abc|", named("backspace"))).toBe("ab|");
    expect(press("a|bc", named("backspace"))).toBe("|bc");
  });

  test("delete erases backwards too: terminals send DEL for Backspace", () => {
    expect(press("abc|", named("delete"))).toBe("ab|");
    expect(press("ab|c", named("delete"))).toBe("a|c");
  });

  test("at the start there is nothing to erase: the same state comes back", () => {
    const s = at("|abc");
    expect(inputKey(s, named("backspace"))).toBe(s);
    expect(inputKey(s, named("delete"))).toBe(s);
  });

  test("Ctrl-U erases to the start, Ctrl-K to the end", () => {
    expect(press("foo b|ar", ctrl("u"))).toBe("|ar");
    expect(press("foo b|ar", ctrl("k"))).toBe("foo b|");
    expect(press("|abc", ctrl("u"))).toBe("|abc");
    expect(press("abc|", ctrl("k"))).toBe("abc|");
  });

  test("Ctrl-W erases the word before the cursor and the blanks after it", () => {
    expect(press("repo demo/web|", ctrl("w"))).toBe("repo |");
    expect(press("repo demo/web  |", ctrl("w"))).toBe("repo |");
    expect(press("repo de|mo/web", ctrl("w"))).toBe("repo |mo/web");
    expect(press("repo |demo", ctrl("w"))).toBe("|demo");
    expect(press("word|", ctrl("w"))).toBe("|");
    expect(press("|word", ctrl("w"))).toBe("|word");
  });

  test("Ctrl-W erases blanks with no word before them, as readline does", () => {
    expect(press("   |", ctrl("w"))).toBe("|");
    expect(press("  |x", ctrl("w"))).toBe("|x");
  });
});

describe("keys that are not edits", () => {
  test.each(["return", "escape", "tab", "up", "down", "pageUp", "pageDown"] as const)("%s is the owner's", (name) => {
    expect(inputKey(at("ab|c"), named(name))).toBeUndefined();
  });

  test("other control keys are the owner's", () => {
    expect(inputKey(at("ab|c"), ctrl("c"))).toBeUndefined();
    expect(inputKey(at("ab|c"), ctrl("x"))).toBeUndefined();
  });

  test("a named key with shift or input is still that key", () => {
    expect(press("ab|c", { input: "", name: "left", ctrl: false, shift: true })).toBe("a|bc");
    expect(inputKey(at("ab|c"), named("return", "\r"))).toBeUndefined();
  });
});
