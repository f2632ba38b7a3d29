// metadata.name checks as helm lint makes them: the Kubernetes name rule for
// the object's kind (DNS-1123 subdomain by default), worded as
// k8s.io/apimachinery words its field errors.
import { quoteGo } from "../../template/strconv.js";

const dns1123LabelFmt = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
const dns1123SubdomainFmt = `${dns1123LabelFmt}(\\.${dns1123LabelFmt})*`;
const dns1035LabelFmt = "[a-z]([-a-z0-9]*[a-z0-9])?";
const dns1123Label = new RegExp(`^${dns1123LabelFmt}$`);
const dns1123Subdomain = new RegExp(`^${dns1123SubdomainFmt}$`);
const dns1035Label = new RegExp(`^${dns1035LabelFmt}$`);

function maxLenError(n: number): string {
  return `must be no more than ${n} characters`;
}

function regexError(msg: string, fmt: string, ...examples: string[]): string {
  return `${msg} (e.g. ${examples.map((e) => `'${e}', `).join(" or ")}regex used for validation is '${fmt}')`;
}

/** Go's len(): the name's length in UTF-8 bytes. */
function byteLength(s: string): number {
  return Buffer.byteLength(s, "utf8");
}

function isDns1123Subdomain(v: string): string[] {
  const errs: string[] = [];
  if (byteLength(v) > 253) errs.push(maxLenError(253));
  if (!dns1123Subdomain.test(v))
    errs.push(
      regexError(
        "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character",
        dns1123SubdomainFmt,
        "example.com",
      ),
    );
  return errs;
}

function isDns1123Label(v: string): string[] {
  const errs: string[] = [];
  if (byteLength(v) > 63) errs.push(maxLenError(63));
  if (!dns1123Label.test(v)) {
    if (dns1123Subdomain.test(v)) errs.push("must not contain dots");
    else
      errs.push(
        regexError(
          "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character",
          dns1123LabelFmt,
          "my-name",
          "123-abc",
        ),
      );
  }
  return errs;
}

function isDns1035Label(v: string): string[] {
  const errs: string[] = [];
  if (byteLength(v) > 63) errs.push(maxLenError(63));
  if (!dns1035Label.test(v))
    errs.push(
      regexError(
        "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character",
        dns1035LabelFmt,
        "my-name",
        "abc-123",
      ),
    );
  return errs;
}

function isValidPathSegmentName(v: string): string[] {
  for (const bad of [".", ".."]) if (v === bad) return [`may not be '${bad}'`];
  const errs: string[] = [];
  for (const bad of ["/", "%"]) if (v.includes(bad)) errs.push(`may not contain '${bad}'`);
  return errs;
}

/** The name rule helm lint picks for a kind (as the Kubernetes API validations do). */
function nameRule(kind: string): (name: string) => string[] {
  switch (kind.toLowerCase()) {
    case "service":
      return isDns1035Label;
    case "namespace":
      return isDns1123Label;
    case "certificatesigningrequest":
      return () => [];
    case "role":
    case "clusterrole":
    case "rolebinding":
    case "clusterrolebinding":
      return isValidPathSegmentName;
    default:
      return isDns1123Subdomain;
  }
}

/** helm's validateMetadataName: undefined when the name is fine, else the warning text. */
export function metadataNameProblem(kind: string, name: string): string | undefined {
  const details = nameRule(kind)(name);
  if (details.length === 0) return undefined;
  const q = quoteGo(name);
  // field.ErrorList.ToAggregate drops repeated messages; one error prints bare, several in brackets.
  const errs = [...new Set(details.map((d) => `metadata.name: Invalid value: ${q}: ${d}`))];
  const agg = errs.length === 1 ? errs[0] : `[${errs.join(", ")}]`;
  return `object name does not conform to Kubernetes naming requirements: ${q}: ${agg}`;
}
