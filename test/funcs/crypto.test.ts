import { createPrivateKey, X509Certificate } from "node:crypto";
import bcryptjs from "bcryptjs";
import { describe, expect, it } from "vitest";
import { baseFuncs } from "../../src/funcs/index.js";
import { TemplateSet } from "../../src/template/index.js";

function run(text: string, data: unknown = null): string {
  const set = new TemplateSet(baseFuncs());
  set.parse("t", text);
  return set.execute("t", data as never);
}

const certOf = (pemText: string) => new X509Certificate(pemText);

describe("certificates", () => {
  it("genCA is a self-signed RSA CA with Go's extensions", () => {
    const out = run(`{{ $ca := genCA "my-ca" 365 }}{{ $ca.Cert }}@@{{ $ca.Key }}`);
    const [certPem, keyPem] = out.split("@@") as [string, string];
    expect(keyPem.startsWith("-----BEGIN RSA PRIVATE KEY-----\n")).toBe(true);
    const c = certOf(certPem);
    expect(c.subject).toBe("CN=my-ca");
    expect(c.issuer).toBe("CN=my-ca");
    expect(c.ca).toBe(true);
    expect(c.verify(c.publicKey)).toBe(true);
    expect(c.checkPrivateKey(createPrivateKey(keyPem))).toBe(true);
    const days = (Date.parse(c.validTo) - Date.parse(c.validFrom)) / 86_400_000;
    expect(days).toBe(365);
    expect(c.keyUsage).toEqual(["1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2"]);
  });

  it("genSignedCert chains to its CA and carries the SANs", () => {
    const out = run(
      `{{ $ca := genCA "ca" 10 }}{{ $c := genSignedCert "foo.com" (list "10.0.0.1" "::1") (list "foo.com" "*.foo.com") 30 $ca }}{{ $ca.Cert }}@@{{ $c.Cert }}`,
    );
    const [caPem, leafPem] = out.split("@@") as [string, string];
    const ca = certOf(caPem);
    const leaf = certOf(leafPem);
    expect(leaf.ca).toBe(false);
    expect(leaf.issuer).toBe("CN=ca");
    expect(leaf.verify(ca.publicKey)).toBe(true);
    expect(leaf.checkIssued(ca)).toBe(true);
    expect(leaf.subjectAltName).toBe("DNS:foo.com, DNS:*.foo.com, IP Address:10.0.0.1, IP Address:0:0:0:0:0:0:0:1");
  });

  it("uses a supplied key and signs with its algorithm", () => {
    const out = run(`{{ $k := genPrivateKey "ecdsa" }}{{ $c := genSelfSignedCertWithKey "x" nil nil 1 $k }}{{ $c.Cert }}@@{{ $c.Key }}@@{{ $k }}`);
    const [certPem, keyPem, given] = out.split("@@") as [string, string, string];
    expect(keyPem).toBe(given);
    expect(keyPem.startsWith("-----BEGIN EC PRIVATE KEY-----")).toBe(true);
    const c = certOf(certPem);
    expect(c.publicKey.asymmetricKeyType).toBe("ec");
    expect(c.verify(c.publicKey)).toBe(true);
    const ed = run(`{{ $c := genCAWithKey "e" 1 (genPrivateKey "ed25519") }}{{ $c.Cert }}`);
    expect(certOf(ed).publicKey.asymmetricKeyType).toBe("ed25519");
  });

  it("writes each key type in Sprig's PEM form", () => {
    expect(run(`{{ genPrivateKey "ed25519" }}`)).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    expect(run(`{{ genPrivateKey "foo" }}`)).toBe("Unknown type foo");
  });

  it("round-trips buildCustomCert and reports bad input as Sprig does", () => {
    const out = run(`{{ $ca := genCA "c" 1 }}{{ $b := buildCustomCert ($ca.Cert | b64enc) ($ca.Key | b64enc) }}{{ eq $b.Cert $ca.Cert }} {{ typeOf $b }}`);
    expect(out).toBe("true sprig.certificate");
    expect(() => run(`{{ buildCustomCert "!!" "" }}`)).toThrow("unable to decode base64 certificate");
    expect(() => run(`{{ genCAWithKey "c" 1 "nope" }}`)).toThrow("parsing private key: no PEM data in input");
    expect(() => run(`{{ genSelfSignedCert "c" (list 1) nil 1 }}`)).toThrow("error parsing ip: 1 is not a string");
    expect(() => run(`{{ genSelfSignedCert "c" (list "1.2.3") nil 1 }}`)).toThrow("error parsing ip: 1.2.3");
  });
});

describe("bcrypt and htpasswd", () => {
  it("hashes with Go's $2a$ prefix at cost 10", () => {
    const h = run(`{{ bcrypt "pw" }}`);
    expect(h).toMatch(/^\$2a\$10\$.{53}$/);
    expect(bcryptjs.compareSync("pw", h)).toBe(true);
    expect(run(`{{ htpasswd "us:er" "p" }}`)).toBe("invalid username: us:er");
    expect(run(`{{ htpasswd "u" "p" }}`)).toMatch(/^u:\$2a\$10\$/);
  });
});

describe("AES", () => {
  it("decrypts what it encrypts and what Sprig encrypted", () => {
    expect(run(`{{ "hello secret" | encryptAES "k3y" | decryptAES "k3y" }}`)).toBe("hello secret");
    // Produced by helm: {{ encryptAES "secretkey" "plaintext" }}
    expect(run(`{{ decryptAES "secretkey" "/FcJGF637O2qHh25px/cDdU1vfdorRyqUn4E60A3xbA=" }}`)).toBe("plaintext");
  });
});
