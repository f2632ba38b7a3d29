// Sprig's key and certificate functions (crypto.go) plus bcrypt/htpasswd.
// Certificates are real: node:crypto keys and our own DER/X.509 encoder.
import bcryptjs from "bcryptjs";
import { formatAny } from "../template/fmt.js";
import { type FuncDef, FuncError, type FuncMap, GoObject, type Value } from "../template/value.js";
import { pem } from "./crypto-der.js";
import { generateKey, KeyError, keyToPem, type PrivKey, parsePrivateKeyPem } from "./crypto-keys.js";
import { CertError, type CertTemplate, createCertificate, type Issuer, parseIP, parseIssuer } from "./crypto-x509.js";
import { intArg } from "./types-go.js";

const S = "string";
const I = "int";
const LIST = "[]interface {}";
const CERT = "sprig.certificate";
const def = (params: string[], fn: FuncDef["fn"]): FuncDef => ({ params, fn });

/** Sprig's `certificate` struct: fields Cert and Key, both PEM text. */
export class Certificate extends GoObject {
  constructor(
    readonly Cert: string,
    readonly Key: string,
  ) {
    super();
  }
  goType(): string {
    return CERT;
  }
  override fieldNames(): string[] {
    return ["Cert", "Key"];
  }
  override hasField(name: string): boolean {
    return name === "Cert" || name === "Key";
  }
  override field(name: string): Value | undefined {
    return name === "Cert" ? this.Cert : name === "Key" ? this.Key : undefined;
  }
}

function bcrypt(input: string): string {
  if (Buffer.byteLength(input, "utf8") > 72) {
    return "failed to encrypt string with bcrypt: bcrypt: password length exceeds 72 bytes";
  }
  // Go's x/crypto/bcrypt writes the $2a$ variant at its default cost of 10.
  const salt = `$2a$10$${bcryptjs.genSaltSync(10).slice(7)}`;
  return bcryptjs.hashSync(input, salt);
}

function htpasswd(user: string, password: string): string {
  if (user.includes(":")) return `invalid username: ${user}`;
  return `${user}:${bcrypt(password)}`;
}

function genPrivateKey(kind: string): string {
  switch (kind) {
    case "":
    case "rsa":
      return keyToPem(generateKey("rsa", 4096));
    case "dsa":
    case "ecdsa":
    case "ed25519":
      return keyToPem(generateKey(kind));
    default:
      return `Unknown type ${kind}`;
  }
}

function ips(list: Value[] | null): Buffer[] {
  return (list ?? []).map((ip) => {
    if (typeof ip !== "string") throw new FuncError(`error parsing ip: ${formatAny(ip)} is not a string`);
    const b = parseIP(ip);
    if (!b) throw new FuncError(`error parsing ip: ${ip}`);
    return b;
  });
}

function dnsNames(list: Value[] | null): string[] {
  return (list ?? []).map((d) => {
    if (typeof d !== "string") throw new FuncError(`error processing alternate dns name: ${formatAny(d)} is not a string`);
    return d;
  });
}

function template(cn: string, ipList: Value[] | null, dnsList: Value[] | null, days: unknown, isCA: boolean): CertTemplate {
  const ipBytes = ips(ipList);
  const names = dnsNames(dnsList);
  const now = new Date();
  return {
    cn,
    ips: ipBytes,
    dnsNames: names,
    notBefore: now,
    notAfter: new Date(now.getTime() + intArg(days) * 86_400_000),
    isCA,
  };
}

function withKeyPem(pemText: string): PrivKey {
  try {
    return parsePrivateKeyPem(pemText);
  } catch (err) {
    if (err instanceof KeyError) throw new FuncError(`parsing private key: ${err.message}`);
    throw err;
  }
}

function issue(t: CertTemplate, key: PrivKey, issuer: Issuer | "self", signer: PrivKey): Certificate {
  try {
    const der = createCertificate(t, key, issuer, signer);
    return new Certificate(pem("CERTIFICATE", der), keyToPem(key));
  } catch (err) {
    if (err instanceof CertError) throw new FuncError(`error creating certificate: ${err.message}`);
    throw err;
  }
}

function genCA(cn: string, days: unknown, key: PrivKey): Certificate {
  return issue(template(cn, null, null, days, true), key, "self", key);
}

function genSelfSigned(cn: string, ipList: Value[] | null, dnsList: Value[] | null, days: unknown, key: PrivKey): Certificate {
  return issue(template(cn, ipList, dnsList, days, false), key, "self", key);
}

function genSigned(cn: string, ipList: Value[] | null, dnsList: Value[] | null, days: unknown, ca: Certificate, key: PrivKey): Certificate {
  let issuer: Issuer;
  let signer: PrivKey;
  try {
    issuer = parseIssuer(ca.Cert);
  } catch (err) {
    if (err instanceof CertError) throw new FuncError(err.message);
    throw err;
  }
  try {
    signer = parsePrivateKeyPem(ca.Key);
  } catch (err) {
    if (err instanceof KeyError) throw new FuncError(`error parsing private key: ${err.message}`);
    throw err;
  }
  return issue(template(cn, ipList, dnsList, days, false), key, issuer, signer);
}

function buildCustomCert(b64cert: string, b64key: string): Certificate {
  const strict = (s: string) => /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(s.replace(/[\r\n]/g, ""));
  if (!strict(b64cert)) throw new FuncError("unable to decode base64 certificate");
  if (!strict(b64key)) throw new FuncError("unable to decode base64 private key");
  const cert = Buffer.from(b64cert, "base64").toString("utf8");
  const key = Buffer.from(b64key, "base64").toString("utf8");
  try {
    parseIssuer(cert);
  } catch (err) {
    if (err instanceof CertError) {
      throw new FuncError(err.message.replace("decodedSignerCert", "decodedCert"));
    }
    throw err;
  }
  try {
    parsePrivateKeyPem(key);
  } catch (err) {
    if (err instanceof KeyError) throw new FuncError(`error parsing private key: ${err.message}`);
    throw err;
  }
  return new Certificate(cert, key);
}

const rsa2048 = () => generateKey("rsa", 2048);

export const cryptoFuncs: FuncMap = {
  bcrypt: def([S], bcrypt),
  htpasswd: def([S, S], htpasswd),
  genPrivateKey: def([S], genPrivateKey),
  buildCustomCert: def([S, S], buildCustomCert),
  genCA: def([S, I], (cn: string, days: unknown) => genCA(cn, days, rsa2048())),
  genCAWithKey: def([S, I, S], (cn: string, days: unknown, key: string) => genCA(cn, days, withKeyPem(key))),
  genSelfSignedCert: def([S, LIST, LIST, I], (cn: string, ipl: Value[], dns: Value[], days: unknown) =>
    genSelfSigned(cn, ipl, dns, days, rsa2048()),
  ),
  genSelfSignedCertWithKey: def([S, LIST, LIST, I, S], (cn: string, ipl: Value[], dns: Value[], days: unknown, key: string) =>
    genSelfSigned(cn, ipl, dns, days, withKeyPem(key)),
  ),
  genSignedCert: def([S, LIST, LIST, I, CERT], (cn: string, ipl: Value[], dns: Value[], days: unknown, ca: Certificate) =>
    genSigned(cn, ipl, dns, days, ca, rsa2048()),
  ),
  genSignedCertWithKey: def(
    [S, LIST, LIST, I, CERT, S],
    (cn: string, ipl: Value[], dns: Value[], days: unknown, ca: Certificate, key: string) =>
      genSigned(cn, ipl, dns, days, ca, withKeyPem(key)),
  ),
};
