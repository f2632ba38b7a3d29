// Chart provenance with real GnuPG keyrings: several keys in one exported
// keyring (a signing subkey, a passphrase, an Ed25519 key), legacy keyrings
// with trust packets, key selection and failures in helm's words, and the
// signed text of a chart with a full Chart.yaml compared with helm's.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as openpgp from "openpgp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultKeyring, messageBlock, signArchive, verificationText, verifyChart, verifyProvenance } from "../../src/chart/provenance.js";
import { makeChartArchive, tempDir } from "../repo/helpers.js";
import { helmBinary, run } from "../sandbox/helpers.js";

const CLI = join(import.meta.dirname, "../../bin/chartroom.js");

function findGpg(): string | undefined {
  for (const p of [process.env.GPG, "/usr/bin/gpg", "/usr/local/bin/gpg"]) if (p && existsSync(p)) return p;
  return undefined;
}
const GPG = findGpg();
const helm = await helmBinary();

describe("defaultKeyring", () => {
  it("is $GNUPGHOME/pubring.gpg, else ~/.gnupg/pubring.gpg, as helm's", () => {
    expect(defaultKeyring({ GNUPGHOME: "/g", HOME: "/h" })).toBe("/g/pubring.gpg");
    expect(defaultKeyring({ HOME: "/h" })).toBe("/h/.gnupg/pubring.gpg");
  });
});

describe("messageBlock", () => {
  it("is the Chart.yaml, the YAML end marker and the archive's SHA-256", async () => {
    const dir = tempDir("chartroom-prov-");
    const archive = await makeChartArchive(dir, { name: "demo", version: "1.2.3", appVersion: "4.5" });
    const hex = createHash("sha256").update(readFileSync(archive)).digest("hex");
    expect(messageBlock(archive)).toBe(`apiVersion: v2\nappVersion: "4.5"\nname: demo\ntype: application\nversion: 1.2.3\n\n...\nfiles:\n  demo-1.2.3.tgz: sha256:${hex}\n`);
  });
});

describe("a .prov signed at a past date", () => {
  it("verifies with a key that has expired since, as helm judges it", async () => {
    const dir = tempDir("chartroom-prov-");
    const archive = await makeChartArchive(dir, { name: "old", version: "1.0.0" });
    const then = new Date(Date.now() - 3600_000);
    const k = await openpgp.generateKey({ type: "rsa", rsaBits: 2048, userIDs: [{ name: "Old Key" }], date: then, keyExpirationTime: 600, format: "object" });
    const message = await openpgp.createCleartextMessage({ text: messageBlock(archive).replace(/\n$/, "") });
    const prov = await openpgp.sign({ message, signingKeys: k.privateKey, date: new Date(then.getTime() + 1000), config: { preferredHashAlgorithm: openpgp.enums.hash.sha512 } });
    writeFileSync(join(dir, "pub.gpg"), k.publicKey.write());
    const v = await verifyProvenance(readFileSync(archive), prov, "old-1.0.0.tgz", join(dir, "pub.gpg"));
    expect(v.identities).toEqual(["Old Key"]);
    expect(v.fingerprint).toBe(k.publicKey.getFingerprint().toUpperCase());
  });
});

describe.skipIf(!GPG)(`GnuPG keyrings${GPG ? "" : " (skipped: gpg is not installed)"}`, () => {
  const dir = tempDir("chartroom-gpg-");
  const home = join(dir, "g");
  const env = { GNUPGHOME: home };
  const gpg = (...args: string[]) => execFileSync(GPG!, ["--batch", "--pinentry-mode", "loopback", ...args], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  const fpr = (uid: string) => /^fpr:+([0-9A-F]{40}):/m.exec(gpg("--with-colons", "--list-keys", uid).toString())?.[1] as string;
  const ring = (name: string) => join(dir, name);
  let archive: string;

  beforeAll(async () => {
    mkdirSync(home, { mode: 0o700 });
    gpg("--passphrase", "", "--quick-gen-key", "Alice Signer <alice@example.com>", "rsa2048", "sign", "never");
    gpg("--passphrase", "", "--quick-gen-key", "Bob Signer (helm) <bob@example.com>", "rsa2048", "sign", "never");
    // A signing subkey: helm signs with the primary key all the same.
    gpg("--passphrase", "", "--quick-add-key", fpr("bob@example.com"), "rsa2048", "sign", "never");
    gpg("--passphrase", "pw", "--quick-gen-key", "Carol Locked <carol@example.com>", "rsa2048", "sign", "never");
    gpg("--passphrase", "", "--quick-gen-key", "Dave Ed <dave@example.com>", "ed25519", "sign", "never");
    writeFileSync(ring("pub.gpg"), gpg("--export"));
    writeFileSync(ring("sec.gpg"), gpg("--passphrase", "pw", "--export-secret-keys"));
    // helm's OpenPGP library loses the key before an Ed25519 one, so helm gets the RSA keys alone.
    writeFileSync(ring("pub-rsa.gpg"), gpg("--export", "alice", "bob", "carol"));
    writeFileSync(ring("sec-rsa.gpg"), gpg("--passphrase", "pw", "--export-secret-keys", "alice", "bob", "carol"));
    writeFileSync(ring("pass"), "pw\n");
    archive = await makeChartArchive(join(dir, "charts"), { name: "demo", version: "1.2.3" });
  }, 60_000);
  afterAll(() => {
    try {
      execFileSync("gpgconf", ["--kill", "gpg-agent"], { env: { ...process.env, ...env }, stdio: "ignore" });
    } catch {
      // no agent was started
    }
  });

  const sign = async (key: string, keyring = ring("sec.gpg"), passphrase?: string) => {
    const prov = await signArchive(archive, { keyring, key, passphrase: passphrase === undefined ? undefined : async () => passphrase });
    writeFileSync(`${archive}.prov`, prov);
    return prov;
  };

  it("signs with any key of a keyring of several, with the primary key, and verifies against the public keyring", async () => {
    for (const [key, uid] of [
      ["Alice", "Alice Signer <alice@example.com>"],
      ["bob@example.com", "Bob Signer (helm) <bob@example.com>"],
      ["Carol Locked <carol@example.com>", "Carol Locked <carol@example.com>"],
    ] as const) {
      const prov = await sign(key, ring("sec.gpg"), "pw");
      expect(prov).toMatch(/^-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA512\n\napiVersion: v2\n/);
      expect(prov).toMatch(/\n-----END PGP SIGNATURE-----$/);
      // Go's armour: base64 in lines of 64, then the checksum line.
      const armour = prov.slice(prov.indexOf("-----BEGIN PGP SIGNATURE-----")).split("\n");
      const b64 = armour.slice(2, -2);
      expect(armour[1]).toBe("");
      expect(armour.at(-2)).toMatch(/^=[A-Za-z0-9+/]{4}$/);
      expect(b64.slice(0, -1).every((l) => l.length === 64) && (b64.at(-1)?.length ?? 0) <= 64).toBe(true);
      const signer = fpr(uid);
      const ids = (await openpgp.readCleartextMessage({ cleartextMessage: prov })).getSigningKeyIDs().map((id) => id.toHex().toUpperCase());
      expect(ids).toEqual([signer.slice(-16)]);
      const v = await verifyChart(archive, ring("pub.gpg"));
      expect(verificationText(v)).toBe(`Signed by: ${uid}\nUsing Key With Fingerprint: ${signer}\nChart Hash Verified: sha256:${createHash("sha256").update(readFileSync(archive)).digest("hex")}\n`);
    }
  });

  it("picks keys as helm does and says what is wrong", async () => {
    await expect(sign("Signer")).rejects.toThrow('more than one key contain the id "Signer"');
    await expect(sign("Nobody")).rejects.toThrow(/^private key not found$/);
    await expect(sign("Alice", ring("pub.gpg"))).rejects.toThrow("provided key is not a private key. Try providing a keyring with secret keys");
    await expect(sign("Carol")).rejects.toThrow("the key is protected by a passphrase");
    await expect(sign("Carol", ring("sec.gpg"), "wrong")).rejects.toThrow(/^openpgp: invalid data: private key checksum failure$/);
    await expect(sign("Dave")).rejects.toThrow('the key "Dave Ed <dave@example.com>" is an eddsaLegacy key (OpenPGP version 4), which helm cannot read: sign with an RSA, DSA or ECDSA key');
    await expect(sign("Alice", ring("missing.gpg"))).rejects.toThrow(`open ${ring("missing.gpg")}: no such file or directory`);
  });

  it("fails verification as helm does", async () => {
    await sign("Alice");
    const good = readFileSync(`${archive}.prov`, "utf8");
    const bytes = readFileSync(archive);
    const name = "demo-1.2.3.tgz";
    const failure = (p: Promise<unknown>) => p.then(() => "verified", (err: Error) => err.message);
    expect(await failure(verifyProvenance(Buffer.concat([bytes, Buffer.from("x")]), good, name, ring("pub.gpg")))).toMatch(/^sha256 sum does not match for demo-1\.2\.3\.tgz: "sha256:[0-9a-f]{64}" != "sha256:[0-9a-f]{64}"$/);
    expect(await failure(verifyProvenance(bytes, good.replace("name: demo", "name: demo2"), name, ring("pub.gpg")))).toMatch(/^openpgp: invalid signature: /);
    expect(await failure(verifyProvenance(bytes, good, "other-1.2.3.tgz", ring("pub.gpg")))).toBe('provenance does not contain a SHA for a file named "other-1.2.3.tgz"');
    expect(await failure(verifyProvenance(bytes, good, name, ring("pass")))).toMatch(/^failed to load keyring: /);
    writeFileSync(ring("bob.gpg"), gpg("--export", "bob"));
    expect(await failure(verifyProvenance(bytes, good, name, ring("bob.gpg")))).toBe("openpgp: signature made by unknown entity");
    expect(await failure(verifyProvenance(bytes, "no signature here", name, ring("pub.gpg")))).toBe("failed to decode signature: signature block not found");
    expect(await failure(verifyChart(join(dir, "charts"), ring("pub.gpg")))).toBe("unpacked charts cannot be verified");
    copyFileSync(archive, join(dir, "unsigned-1.0.0.tgz"));
    expect(await failure(verifyChart(join(dir, "unsigned-1.0.0.tgz"), ring("pub.gpg")))).toBe(
      `could not load provenance file ${join(dir, "unsigned-1.0.0.tgz.prov")}: stat ${join(dir, "unsigned-1.0.0.tgz.prov")}: no such file or directory`,
    );
    // An Ed25519 signature is one helm's library cannot check.
    const dave = (await openpgp.readKeys({ binaryKeys: new Uint8Array(readFileSync(ring("sec.gpg"))) })).find((k) => k.getUserIDs()[0]?.startsWith("Dave")) as openpgp.PrivateKey;
    const edProv = await openpgp.sign({ message: await openpgp.createCleartextMessage({ text: messageBlock(archive).replace(/\n$/, "") }), signingKeys: dave });
    expect(await failure(verifyProvenance(bytes, edProv, name, ring("pub.gpg")))).toBe("openpgp: unsupported feature: public key algorithm 22");
  });

  it("reads a legacy keyring file with trust packets", async () => {
    // gpg writes the old format when the keyring file exists; its own home stays apart.
    const legacy = ring("legacy.gpg");
    writeFileSync(legacy, "");
    const other = join(dir, "g2");
    mkdirSync(other, { mode: 0o700 });
    const opts = { env: { ...process.env, GNUPGHOME: other }, stdio: ["ignore", "pipe", "pipe"] } as const;
    try {
      execFileSync(GPG!, ["--batch", "--no-default-keyring", "--keyring", legacy, "--import", ring("pub-rsa.gpg")], opts);
      expect(execFileSync(GPG!, ["--list-packets", legacy], opts).toString()).toContain("trust packet");
    } finally {
      try {
        execFileSync("gpgconf", ["--kill", "gpg-agent"], opts);
      } catch {
        // no agent was started
      }
    }
    await sign("Bob");
    expect((await verifyChart(archive, legacy)).identities).toEqual(["Bob Signer (helm) <bob@example.com>"]);
  });

  describe("with helm", () => {
    const helmEnv = { ...env, HELM_CONFIG_HOME: join(dir, "hc"), HELM_CACHE_HOME: join(dir, "hcache"), HELM_DATA_HOME: join(dir, "hd") };
    const theirs = (...args: string[]) => run(helm.path!, args, helmEnv);
    const ours = (...args: string[]) => run(process.execPath, [CLI, ...args], helmEnv);

    it.skipIf(!helm.path)(`signs what helm verifies and the other way round, with GnuPG's keys${helm.path ? "" : ` (${helm.reason})`}`, async () => {
      const src = join(dir, "full");
      mkdirSync(join(src, "templates"), { recursive: true });
      mkdirSync(join(src, "charts", "sub"), { recursive: true });
      writeFileSync(
        join(src, "Chart.yaml"),
        [
          "apiVersion: v2",
          "name: full",
          "version: 2.0.0-rc.1+build.5",
          'appVersion: "1.10"',
          'description: "A chart: with \'quotes\', a # and unicode: ünïcødé"',
          "home: https://example.com/full",
          "icon: https://example.com/icon.png",
          "keywords: [web, 'true', '1.0']",
          "sources: [https://github.com/example/full]",
          "maintainers:",
          "  - name: Jane Doe",
          "    email: jane@example.com",
          "    url: https://jane.example.com",
          "annotations:",
          "  category: Infrastructure",
          '  "artifacthub.io/links": |',
          "    - name: docs",
          "      url: https://example.com/docs",
          "kubeVersion: '>=1.20.0-0'",
          "deprecated: false",
          "type: application",
          "dependencies:",
          "  - name: sub",
          "    version: 0.1.0",
          "    repository: file://charts/sub",
          "    condition: sub.enabled",
          "    tags: [backend]",
          "    import-values: [data]",
          "    alias: subby",
          "",
        ].join("\n"),
      );
      writeFileSync(join(src, "values.yaml"), "sub:\n  enabled: true\n");
      writeFileSync(join(src, "templates", "cm.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\n");
      writeFileSync(join(src, "charts", "sub", "Chart.yaml"), "apiVersion: v2\nname: sub\nversion: 0.1.0\n");
      const [h, o] = [join(dir, "by-helm"), join(dir, "by-ours")];
      for (const d of [h, o]) mkdirSync(d);
      const signArgs = ["--sign", "--key", "Carol", "--keyring", ring("sec-rsa.gpg"), "--passphrase-file", ring("pass")];
      const hp = await theirs("package", src, "-d", h, ...signArgs);
      expect(hp.stderr).toBe("");
      const op = await ours("package", src, "-d", o, ...signArgs);
      expect(op.stderr).toBe("");
      const helms = join(h, "full-2.0.0-rc.1+build.5.tgz");
      const mine = join(o, "full-2.0.0-rc.1+build.5.tgz");
      // The signed text helm wrote for its archive is the one we make for it.
      const head = "-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA512\n\n";
      const body = (p: string) => readFileSync(p, "utf8").slice(0, readFileSync(p, "utf8").indexOf("-----BEGIN PGP SIGNATURE-----"));
      // Lines starting with a dash are dash-escaped in a clear-signed text.
      const escaped = (text: string) => text.replace(/^-/gm, "- -");
      expect(body(`${helms}.prov`)).toContain("\n- - web\n");
      expect(body(`${helms}.prov`)).toBe(`${head}${escaped(messageBlock(helms))}`);
      expect(body(`${mine}.prov`)).toBe(`${head}${escaped(messageBlock(mine))}`);
      // helm's archive signed by us: the text before the signature is helm's, byte for byte.
      const again = await signArchive(helms, { keyring: ring("sec-rsa.gpg"), key: "Carol", passphrase: async () => "pw" });
      expect(again.slice(0, again.indexOf("-----BEGIN PGP SIGNATURE-----"))).toBe(body(`${helms}.prov`));
      for (const [chart, keyring] of [
        [helms, ring("pub-rsa.gpg")],
        [mine, ring("pub-rsa.gpg")],
      ] as const) {
        const [a, b] = await Promise.all([ours("verify", chart, "--keyring", keyring), theirs("verify", chart, "--keyring", keyring)]);
        expect(b.code).toBe(0);
        expect(a).toEqual(b);
      }
      const res = await ours("verify", helms, "--keyring", ring("pub-rsa.gpg"));
      expect(res.stdout).toContain(`Using Key With Fingerprint: ${fpr("carol@example.com")}`);
    }, 60_000);

    it.skipIf(!helm.path)("an Ed25519 signature fails in both, with the same words", async () => {
      const dave = (await openpgp.readKeys({ binaryKeys: new Uint8Array(readFileSync(ring("sec.gpg"))) })).find((k) => k.getUserIDs()[0]?.startsWith("Dave")) as openpgp.PrivateKey;
      const edDir = join(dir, "ed");
      mkdirSync(edDir);
      const chart = join(edDir, "demo-1.2.3.tgz");
      copyFileSync(archive, chart);
      const text = messageBlock(chart).replace(/\n$/, "");
      writeFileSync(`${chart}.prov`, await openpgp.sign({ message: await openpgp.createCleartextMessage({ text }), signingKeys: dave }));
      const [a, b] = await Promise.all([ours("verify", chart, "--keyring", ring("pub.gpg")), theirs("verify", chart, "--keyring", ring("pub.gpg"))]);
      expect(b).toEqual({ code: 1, stdout: "", stderr: "Error: openpgp: unsupported feature: public key algorithm 22\n" });
      expect(a).toEqual(b);
    }, 60_000);
  });
});
