import { describe, expect, it } from "vitest";
import { goStringBytes, goStringFromBytes } from "../../src/template/gostring.js";

describe("Go byte strings", () => {
  it("keeps valid UTF-8 as ordinary text", () => {
    const b = Buffer.from("héllo ✓ 𝄞", "utf8");
    const s = goStringFromBytes(b);
    expect(s).toBe("héllo ✓ 𝄞");
    expect(goStringBytes(s)).toEqual(b);
  });

  it("round-trips arbitrary binary data byte for byte", () => {
    const b = Buffer.alloc(4096);
    let x = 12345;
    for (let i = 0; i < b.length; i++) {
      x = (x * 1103515245 + 12345) & 0x7fffffff;
      b[i] = x >> 16;
    }
    const s = goStringFromBytes(b);
    expect(goStringBytes(s).equals(b)).toBe(true);
  });

  it("escapes surrogate-encoding bytes (ED A0 80) instead of decoding them", () => {
    const b = Buffer.from([0x61, 0xed, 0xa0, 0x80, 0x62]);
    expect(goStringBytes(goStringFromBytes(b))).toEqual(b);
  });

  it("keeps real astral characters whose low surrogate is in the escape range", () => {
    const s = "\u{1F480}"; // U+1F480 = D83D DC80
    expect(goStringBytes(s)).toEqual(Buffer.from(s, "utf8"));
  });
});
