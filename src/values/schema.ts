// values.schema.json checking with the rules and messages of
// xeipuuv/gojsonschema, the validator inside helm v3.17: the same keyword
// order (type first and alone, then combinators, object/array/number/string
// keywords, then each property), the same "(root)"-relative field names and
// the same English descriptions.
import { type Chart, chartName } from "../chart/model.js";
import { GoInt, type GoMap, isMap, newMap, type Value } from "../template/value.js";
import { checkFormat } from "./schema-format.js";

export class SchemaValidationError extends Error {
  override name = "SchemaValidationError";
  readonly userFacing = true;
}

type Schema = boolean | Record<string, unknown>;

interface Ctx {
  root: Schema;
  errors: string[];
  score: number;
}

/** big.Float's %v: 'g' with 10 significant digits. */
function bigFloat(n: unknown): string {
  const x = Number(n);
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return "0";
  const [m, e] = x.toExponential(9).split("e") as [string, string];
  const digits = m.replace("-", "").replace(".", "").replace(/0+$/, "") || "0";
  const exp = Number(e);
  const neg = x < 0 ? "-" : "";
  if (exp < -4 || exp >= 10) {
    const mm = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    return `${neg}${mm}e${exp < 0 ? "-" : "+"}${String(Math.abs(exp)).padStart(2, "0")}`;
  }
  if (exp < 0) return `${neg}0.${"0".repeat(-exp - 1)}${digits}`;
  if (digits.length <= exp + 1) return `${neg}${digits}${"0".repeat(exp + 1 - digits.length)}`;
  return `${neg}${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}`;
}

/** encoding/json with sorted keys and HTML escaping, as Go marshals. */
export function goJson(v: unknown): string {
  if (v === null || v === undefined) return "null";
  if (v instanceof GoInt) return v.toString();
  if (typeof v === "number") return Number.isInteger(v) && Math.abs(v) < 1e21 ? v.toFixed(0) : String(v);
  if (typeof v === "string")
    return JSON.stringify(v).replace(/</g, "\\u003c").replace(/>/g, "\\u003e").replace(/&/g, "\\u0026");
  if (typeof v === "boolean") return String(v);
  if (Array.isArray(v)) return `[${v.map(goJson).join(",")}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o)
    .sort()
    .map((k) => `${goJson(k)}:${goJson(o[k])}`)
    .join(",")}}`;
}

function typesOf(s: Record<string, unknown>): string[] {
  const t = s.type;
  if (typeof t === "string") return [t];
  if (Array.isArray(t)) return t.filter((x): x is string => typeof x === "string");
  return [];
}

function isNumber(v: unknown): v is number | GoInt {
  return typeof v === "number" || v instanceof GoInt;
}

function num(v: number | GoInt): number {
  return v instanceof GoInt ? Number(v.v) : v;
}

function field(path: string[]): string {
  return path.length === 0 ? "(root)" : path.join(".");
}

function resolvePointer(root: Schema, ref: string): Schema | undefined {
  if (!ref.startsWith("#")) return undefined;
  let cur: unknown = root;
  const ptr = ref.slice(1);
  if (ptr === "" || ptr === "/") return root;
  for (const raw of ptr.replace(/^\//, "").split("/")) {
    const part = decodeURIComponent(raw).replace(/~1/g, "/").replace(/~0/g, "~");
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur as Schema | undefined;
}

function sub(ctx: Ctx, schema: Schema, value: Value, path: string[]): Ctx {
  const c: Ctx = { root: ctx.root, errors: [], score: 0 };
  validate(c, schema, value, path);
  return c;
}

function add(ctx: Ctx, path: string[], desc: string): void {
  ctx.errors.push(`${field(path)}: ${desc}`);
}

function validate(ctx: Ctx, schema: Schema, value: Value, path: string[]): void {
  if (typeof schema === "boolean") {
    if (!schema) add(ctx, path, "False always fails validation");
    return;
  }
  if (typeof schema.$ref === "string") {
    const target = resolvePointer(ctx.root, schema.$ref);
    if (target === undefined) throw new SchemaValidationError(`unable to resolve $ref ${schema.$ref}`);
    validate(ctx, target, value, path);
    return;
  }
  const types = typesOf(schema);
  const expected = types.length > 1 ? `[${types.join(",")}]` : (types[0] ?? "");
  const given =
    value === null || value === undefined
      ? "null"
      : isNumber(value)
        ? Number.isInteger(num(value))
          ? "integer"
          : "number"
        : Array.isArray(value)
          ? "array"
          : isMap(value)
            ? "object"
            : typeof value === "boolean"
              ? "boolean"
              : "string";
  if (types.length > 0) {
    const ok = types.includes(given) || (given === "integer" && types.includes("number"));
    if (!ok) {
      add(ctx, path, `Invalid type. Expected: ${expected}, given: ${given}`);
      return;
    }
  }
  validateCombinators(ctx, schema, value, path);
  if (isNumber(value)) {
    validateNumber(ctx, schema, num(value), path);
    validateCommon(ctx, schema, value, path);
  } else if (Array.isArray(value)) {
    validateArray(ctx, schema, value, path);
    validateCommon(ctx, schema, value, path);
  } else if (isMap(value)) {
    validateObject(ctx, schema, value, path);
    validateCommon(ctx, schema, value, path);
    const props = (schema.properties ?? {}) as Record<string, Schema>;
    for (const k of Object.keys(props)) {
      if (Object.hasOwn(value, k)) validate(ctx, props[k] as Schema, value[k], [...path, k]);
    }
  } else {
    validateCommon(ctx, schema, value, path);
    if (typeof value === "string") validateString(ctx, schema, value, path);
  }
  ctx.score++;
}

function validateCombinators(ctx: Ctx, s: Record<string, unknown>, value: Value, path: string[]): void {
  if (Array.isArray(s.anyOf) && s.anyOf.length > 0) {
    let best: Ctx | undefined;
    let ok = false;
    for (const a of s.anyOf as Schema[]) {
      const r = sub(ctx, a, value, path);
      if (r.errors.length === 0) {
        ok = true;
        break;
      }
      if (!best || r.score > best.score) best = r;
    }
    if (!ok) {
      add(ctx, path, "Must validate at least one schema (anyOf)");
      if (best) ctx.errors.push(...best.errors);
    }
  }
  if (Array.isArray(s.oneOf) && s.oneOf.length > 0) {
    let n = 0;
    let best: Ctx | undefined;
    for (const o of s.oneOf as Schema[]) {
      const r = sub(ctx, o, value, path);
      if (r.errors.length === 0) n++;
      else if (n === 0 && (!best || r.score > best.score)) best = r;
    }
    if (n !== 1) {
      add(ctx, path, "Must validate one and only one schema (oneOf)");
      if (n === 0 && best) ctx.errors.push(...best.errors);
    }
  }
  if (Array.isArray(s.allOf) && s.allOf.length > 0) {
    let n = 0;
    for (const a of s.allOf as Schema[]) {
      const r = sub(ctx, a, value, path);
      if (r.errors.length === 0) n++;
      ctx.errors.push(...r.errors);
    }
    if (n !== s.allOf.length) add(ctx, path, "Must validate all the schemas (allOf)");
  }
  if (s.not !== undefined && sub(ctx, s.not as Schema, value, path).errors.length === 0)
    add(ctx, path, "Must not validate the schema (not)");
  if (s.dependencies && typeof s.dependencies === "object" && isMap(value)) {
    const deps = s.dependencies as Record<string, unknown>;
    for (const k of Object.keys(value).sort()) {
      const d = deps[k];
      if (d === undefined) continue;
      if (Array.isArray(d)) {
        for (const need of d) if (!Object.hasOwn(value, String(need))) add(ctx, path, `Has a dependency on ${need}`);
      } else validate(ctx, d as Schema, value, path);
    }
  }
  if (s.if !== undefined) {
    const ifOk = sub(ctx, s.if as Schema, value, path).errors.length === 0;
    if (ifOk && s.then !== undefined) {
      const r = sub(ctx, s.then as Schema, value, path);
      if (r.errors.length > 0) {
        add(ctx, path, 'Must validate "then" as "if" was valid');
        ctx.errors.push(...r.errors);
      }
    }
    if (!ifOk && s.else !== undefined) {
      const r = sub(ctx, s.else as Schema, value, path);
      if (r.errors.length > 0) {
        add(ctx, path, 'Must validate "else" as "if" was not valid');
        ctx.errors.push(...r.errors);
      }
    }
  }
}

function validateCommon(ctx: Ctx, s: Record<string, unknown>, value: Value, path: string[]): void {
  const f = path.length === 0 ? "(root)" : path.join(".");
  if (s.const !== undefined && goJson(value) !== goJson(s.const))
    add(ctx, path, `${f} does not match: ${goJson(s.const)}`);
  if (Array.isArray(s.enum) && s.enum.length > 0) {
    const allowed = s.enum.map(goJson);
    if (!allowed.includes(goJson(value))) add(ctx, path, `${f} must be one of the following: ${allowed.join(", ")}`);
  }
  if (typeof s.format === "string" && !checkFormat(s.format, value))
    add(ctx, path, `Does not match format '${s.format}'`);
}

function validateNumber(ctx: Ctx, s: Record<string, unknown>, v: number, path: string[]): void {
  if (typeof s.multipleOf === "number" && s.multipleOf > 0) {
    const q = v / s.multipleOf;
    if (Math.abs(q - Math.round(q)) > 1e-9) add(ctx, path, `Must be a multiple of ${bigFloat(s.multipleOf)}`);
  }
  const exMax = s.exclusiveMaximum === true ? s.maximum : s.exclusiveMaximum;
  const exMin = s.exclusiveMinimum === true ? s.minimum : s.exclusiveMinimum;
  if (typeof s.maximum === "number" && s.exclusiveMaximum !== true && v > s.maximum)
    add(ctx, path, `Must be less than or equal to ${bigFloat(s.maximum)}`);
  if (typeof exMax === "number" && v >= exMax) add(ctx, path, `Must be less than ${bigFloat(exMax)}`);
  if (typeof s.minimum === "number" && s.exclusiveMinimum !== true && v < s.minimum)
    add(ctx, path, `Must be greater than or equal to ${bigFloat(s.minimum)}`);
  if (typeof exMin === "number" && v <= exMin) add(ctx, path, `Must be greater than ${bigFloat(exMin)}`);
}

function validateString(ctx: Ctx, s: Record<string, unknown>, v: string, path: string[]): void {
  const len = Array.from(v).length;
  if (typeof s.minLength === "number" && len < s.minLength)
    add(ctx, path, `String length must be greater than or equal to ${s.minLength}`);
  if (typeof s.maxLength === "number" && len > s.maxLength)
    add(ctx, path, `String length must be less than or equal to ${s.maxLength}`);
  if (typeof s.pattern === "string" && !new RegExp(s.pattern, "u").test(v))
    add(ctx, path, `Does not match pattern '${s.pattern}'`);
}

function validateArray(ctx: Ctx, s: Record<string, unknown>, v: Value[], path: string[]): void {
  if (s.items !== undefined && !Array.isArray(s.items)) {
    v.forEach((item, i) => {
      ctx.errors.push(...sub(ctx, s.items as Schema, item, [...path, String(i)]).errors);
    });
  } else if (Array.isArray(s.items) && s.items.length > 0) {
    const items = s.items as Schema[];
    for (let i = 0; i < items.length && i < v.length; i++)
      ctx.errors.push(...sub(ctx, items[i] as Schema, v[i], [...path, String(i)]).errors);
    if (items.length < v.length) {
      if (s.additionalItems === false) add(ctx, path, "No additional items allowed on array");
      else if (s.additionalItems !== undefined && typeof s.additionalItems === "object")
        for (let i = items.length; i < v.length; i++)
          ctx.errors.push(...sub(ctx, s.additionalItems as Schema, v[i], [...path, String(i)]).errors);
    }
  }
  if (typeof s.minItems === "number" && v.length < s.minItems) add(ctx, path, `Array must have at least ${s.minItems} items`);
  if (typeof s.maxItems === "number" && v.length > s.maxItems) add(ctx, path, `Array must have at most ${s.maxItems} items`);
  if (s.uniqueItems === true) {
    const seen = new Map<string, number>();
    v.forEach((item, j) => {
      const key = goJson(item);
      const i = seen.get(key);
      if (i !== undefined) add(ctx, path, `array items[${i},${j}] must be unique`);
      seen.set(key, j);
    });
  }
  if (s.contains !== undefined) {
    let ok = false;
    let best: Ctx | undefined;
    v.forEach((item, i) => {
      if (ok) return;
      const r = sub(ctx, s.contains as Schema, item, [...path, String(i)]);
      if (r.errors.length === 0) ok = true;
      else if (!best || r.score > best.score) best = r;
    });
    if (!ok) {
      add(ctx, path, "At least one of the items must match");
      if (best) ctx.errors.push(...best.errors);
    }
  }
}

function validateObject(ctx: Ctx, s: Record<string, unknown>, v: GoMap, path: string[]): void {
  const keys = Object.keys(v);
  if (typeof s.minProperties === "number" && keys.length < s.minProperties)
    add(ctx, path, `Must have at least ${s.minProperties} properties`);
  if (typeof s.maxProperties === "number" && keys.length > s.maxProperties)
    add(ctx, path, `Must have at most ${s.maxProperties} properties`);
  for (const r of Array.isArray(s.required) ? s.required : []) {
    if (!Object.hasOwn(v, String(r))) add(ctx, path, `${r} is required`);
  }
  const props = (s.properties ?? {}) as Record<string, Schema>;
  const patterns = (s.patternProperties ?? {}) as Record<string, Schema>;
  for (const k of [...keys].sort()) {
    let matched = false;
    for (const [p, ps] of Object.entries(patterns)) {
      if (new RegExp(p, "u").test(k)) {
        matched = true;
        ctx.errors.push(...sub(ctx, ps, v[k], [...path, k]).errors);
      }
    }
    if (Object.hasOwn(props, k) || matched) continue;
    if (s.additionalProperties === false) add(ctx, path, `Additional property ${k} is not allowed`);
    else if (s.additionalProperties && typeof s.additionalProperties === "object")
      ctx.errors.push(...sub(ctx, s.additionalProperties as Schema, v[k], [...path, k]).errors);
  }
  if (s.propertyNames !== undefined) {
    for (const k of [...keys].sort()) {
      const r = sub(ctx, s.propertyNames as Schema, k, path);
      if (r.errors.length > 0) {
        add(ctx, path, `Property name of "${k}" does not match`);
        ctx.errors.push(...r.errors);
      }
    }
  }
}

/** Validate values against one schema; returns gojsonschema's "- field: desc" lines. */
export function validateAgainstSingleSchema(values: GoMap, schemaJson: Buffer | string): string[] {
  let schema: Schema;
  try {
    schema = JSON.parse(typeof schemaJson === "string" ? schemaJson : schemaJson.toString("utf8")) as Schema;
  } catch (err) {
    return [`${(err as Error).message}`];
  }
  const ctx: Ctx = { root: schema, errors: [], score: 0 };
  validate(ctx, schema, values ?? newMap(), []);
  return ctx.errors.map((e) => `- ${e}`);
}

function collect(chart: Chart, values: GoMap): string {
  let out = "";
  if (chart.schema) {
    const errs = validateAgainstSingleSchema(values, chart.schema);
    if (errs.length > 0) out += `${chartName(chart)}:\n${errs.join("\n")}\n`;
  }
  for (const d of chart.dependencies) {
    const dv = values[chartName(d)];
    out += collect(d, isMap(dv) ? dv : newMap());
  }
  return out;
}

/** helm's ValidateAgainstSchema for a chart and all its subcharts; throws with helm's message. */
export function validateSchema(chart: Chart, values: GoMap): void {
  const msg = collect(chart, values);
  if (msg.length > 0)
    throw new SchemaValidationError(
      `values don't meet the specifications of the schema(s) in the following chart(s):\n${msg}`,
    );
}
