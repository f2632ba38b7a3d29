// The fast index reader agrees with the full YAML parser on what search needs,
// and declines shapes it does not handle.
import { describe, expect, it } from "vitest";
import { fastCompactIndex } from "../../src/repo/fast-index.js";
import { parseIndex, serializeIndex } from "../../src/repo/index.js";

function slow(text: string) {
  const out: Record<string, unknown[]> = {};
  for (const [n, list] of Object.entries(parseIndex(text, "t").entries))
    out[n] = list.map((c) => ({ name: c.name, version: c.version, appVersion: c.appVersion ?? "", description: c.description ?? "", keywords: c.keywords ?? [] }));
  return out;
}

const helmStyle = `apiVersion: v1
entries:
  web:
  - annotations:
      category: Infra
    apiVersion: v2
    appVersion: 1.16.0
    created: "2026-01-01T00:00:00Z"
    dependencies:
    - name: common
      repository: https://x
      version: 1.x
    description: A very long description that go-yaml wraps onto a second line because
      it is longer than eighty characters
    digest: 0123
    keywords:
    - http
    - "quoted: kw"
    maintainers:
    - email: a@b.c
      name: someone
    name: web
    urls:
    - web-0.1.0.tgz
    version: 0.1.0
  - appVersion: "2.0"
    description: 'it''s newer'
    name: web
    urls:
    - web-0.2.0.tgz
    version: 0.2.0
generated: "2026-01-01T00:00:00Z"
`;

describe("fastCompactIndex", () => {
  it("matches the full parser on helm's layout, newest first", () => {
    expect(fastCompactIndex(helmStyle)).toEqual(slow(helmStyle));
    expect(fastCompactIndex(helmStyle)?.web?.map((c) => c.version)).toEqual(["0.2.0", "0.1.0"]);
    const written = serializeIndex(parseIndex(helmStyle, "t"));
    expect(fastCompactIndex(written)).toEqual(slow(written));
  });

  it("declines what it does not read", () => {
    expect(fastCompactIndex("apiVersion: v1\nentries: {}\n")).toBeUndefined();
    expect(fastCompactIndex(helmStyle.replace("name: web\n    urls", "name: &a web\n    urls"))).toBeUndefined();
    expect(fastCompactIndex(helmStyle.replace("    description: 'it''s newer'", "    description: |\n      block"))).toBeUndefined();
    expect(fastCompactIndex("entries:\n  x:\n  - name: x\n    version: 1.0.0\n")).toBeUndefined();
  });
});
