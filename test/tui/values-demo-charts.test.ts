// The demo charts of the tour render exactly as helm v3.17.3 renders them
// (goldens from `helm template demo demo/charts/NAME`).
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { runTemplate } from "../../src/actions/template.js";

const CHARTS = ["hello-web", "redis-lite", "batch-job"];

describe("demo charts", () => {
  test.each(CHARTS)("%s renders as helm template does", (name) => {
    const out = runTemplate({ args: ["demo", `demo/charts/${name}`], namespace: "default", values: {} });
    expect(out).toBe(readFileSync(`test/fixtures/demo-goldens/${name}.yaml`, "utf8"));
  });
});
