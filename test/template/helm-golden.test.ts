// Every case in test/fixtures/template/cases.mjs, compared with what real
// helm v3.17.3 printed for it (golden.json; regenerate with update-golden.mjs).
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { helmErrorMessage } from "../../src/template/index.js";
import { cases, values } from "../fixtures/template/cases.mjs";
import { helmData, helmLikeSet } from "./helpers.js";

type Golden = Record<string, { output?: string; error?: string }>;
const golden: Golden = JSON.parse(readFileSync(new URL("../fixtures/template/golden.json", import.meta.url), "utf8"));
const TRAILER = "\n\nUse --debug flag to render out invalid YAML";

/** Renders a case the way update-golden.mjs laid it out for helm. */
function render(tmpl: string, partial?: string): { output?: string; error?: string } {
  const set = helmLikeSet();
  try {
    set.parse("vec/templates/t.yaml", 'v: {{ toJson (include "x" .) }}\n');
    set.parse("vec/templates/_v.tpl", `{{ define "x" }}${tmpl}{{ end }}`);
    if (partial !== undefined) set.parse("vec/templates/_p.tpl", partial);
    const out = set.execute("vec/templates/t.yaml", helmData(values));
    return { output: JSON.parse(out.slice(3)) };
  } catch (err) {
    return { error: "Error: " + helmErrorMessage(err, "vec/templates/t.yaml") + TRAILER };
  }
}

describe("templates render as helm renders them", () => {
  test.each(cases as [string, string, string?][])("%s", (name, tmpl, partial) => {
    expect(golden[name], `no golden entry for ${name}`).toBeDefined();
    expect(render(tmpl, partial)).toEqual(golden[name]);
  });
});
