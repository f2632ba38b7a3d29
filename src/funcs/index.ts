// One flat registry of the Sprig and Helm functions a chart can call.
// Functions that need the render context (include, tpl, lookup, required's
// message formatting, .Files) are added by src/render.
import type { FuncMap } from "../template/value.js";
import { cryptoFuncs } from "./crypto.js";
import { dataFuncs } from "./data.js";
import { dateFuncs } from "./date.js";
import { dictsFuncs } from "./dicts.js";
import { encodingFuncs } from "./encoding.js";
import { listsFuncs } from "./lists.js";
import { mathFuncs } from "./math.js";
import { pathsFuncs } from "./paths.js";
import { regexFuncs } from "./regex.js";
import { semverFuncs } from "./semver.js";
import { stringsFuncs } from "./strings.js";
import { typesFuncs } from "./types.js";

/** Functions whose result differs from call to call (Sprig's non-hermetic list). */
export const nonHermetic = new Set([
  "now",
  "date",
  "dateInZone",
  "date_in_zone",
  "dateModify",
  "date_modify",
  "ago",
  "randAlpha",
  "randAlphaNum",
  "randAscii",
  "randNumeric",
  "randBytes",
  "randInt",
  "uuidv4",
  "genPrivateKey",
  "genCA",
  "genCAWithKey",
  "genSelfSignedCert",
  "genSelfSignedCertWithKey",
  "genSignedCert",
  "genSignedCertWithKey",
  "bcrypt",
  "htpasswd",
  "encryptAES",
]);

let cached: FuncMap | undefined;

/** Sprig (less env/expandenv, as helm removes them) plus Helm's data functions. */
export function baseFuncs(): FuncMap {
  if (cached) return cached;
  const all: FuncMap = Object.assign(
      Object.create(null) as FuncMap,
      stringsFuncs,
      regexFuncs,
      listsFuncs,
      dictsFuncs,
      typesFuncs,
      mathFuncs,
      encodingFuncs,
      cryptoFuncs,
      semverFuncs,
      dateFuncs,
      pathsFuncs,
      dataFuncs,
    );
  cached = all;
  return all;
}
