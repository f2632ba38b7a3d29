// Chart provenance against the real helm: charts chartroom signs verify with
// `helm verify` and the other way round, the signed text is helm's byte for
// byte, failures read as helm's, and pull/install --verify check what they
// fetch. Keys are made here with openpgp and written as GnuPG binary keyrings.
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as openpgp from "openpgp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { messageBlock } from "../../src/chart/provenance.js";
import { type RepoServer, serveRepo } from "../../src/repo/index.js";
import type { Sandbox } from "../../src/sandbox/index.js";
import { helmEnv, REGISTRY_BIN, type RunningRegistry, startRegistry, tempDir } from "../repo/helpers.js";
import { run } from "../sandbox/helpers.js";
import { CLI, helmBinary, newSandbox } from "./release-helpers.js";

const helm = await helmBinary();

async function keyring(dir: string, name: string, passphrase?: string) {
  const k = await openpgp.generateKey({ type: "rsa", rsaBits: 2048, userIDs: [{ name, email: "signer@example.com" }], passphrase, format: "binary" });
  const pub = join(dir, `${name.replace(/\W/g, "")}-pub.gpg`);
  const sec = join(dir, `${name.replace(/\W/g, "")}-sec.gpg`);
  writeFileSync(pub, k.publicKey);
  writeFileSync(sec, k.privateKey);
  return { pub, sec };
}

const body = (prov: string) => prov.slice(0, prov.indexOf("-----BEGIN PGP SIGNATURE-----"));

describe.skipIf(!helm.path)(`chart provenance${helm.path ? "" : ` (${helm.reason})`}`, () => {
  const dir = tempDir("chartroom-prov-");
  const h = helmEnv(tempDir());
  const env = { ...h.env, HELM_DRIVER: "", GNUPGHOME: join(dir, "no-gnupg") } as Record<string, string>;
  const ours = (...args: string[]) => run(process.execPath, [CLI, ...args], env);
  const theirs = (...args: string[]) => run(helm.path!, args, env);
  let keys: { pub: string; sec: string };
  let other: { pub: string; sec: string };

  beforeAll(async () => {
    keys = await keyring(dir, "Chart Signer");
    other = await keyring(dir, "Someone Else");
    expect((await theirs("create", join(dir, "web"))).code).toBe(0);
  }, 60_000);

  it("signs what helm verifies, verifies what helm signs, and signs helm's exact text", async () => {
    const a = join(dir, "a");
    const b = join(dir, "b");
    mkdirSync(a);
    mkdirSync(b);
    const signed = await ours("package", join(dir, "web"), "-d", a, "--sign", "--key", "Chart Signer", "--keyring", keys.sec);
    expect(signed.stderr).toBe("");
    expect(signed.code).toBe(0);
    const mine = join(a, "web-0.1.0.tgz");
    const [v1, v2] = await Promise.all([theirs("verify", mine, "--keyring", keys.pub), ours("verify", mine, "--keyring", keys.pub)]);
    expect(v1.code).toBe(0);
    expect(v2).toEqual(v1);
    expect(v1.stdout).toMatch(/^Signed by: Chart Signer <signer@example.com>\nUsing Key With Fingerprint: [0-9A-F]{40}\nChart Hash Verified: sha256:[0-9a-f]{64}\n$/);

    expect((await theirs("package", join(dir, "web"), "-d", b, "--sign", "--key", "Chart Signer", "--keyring", keys.sec)).code).toBe(0);
    const helms = join(b, "web-0.1.0.tgz");
    const [w1, w2] = await Promise.all([theirs("verify", helms, "--keyring", keys.pub), ours("verify", helms, "--keyring", keys.pub)]);
    expect(w1.code).toBe(0);
    expect(w2).toEqual(w1);
    // The signed text of helm's archive, as helm wrote it.
    expect(`-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA512\n\n${messageBlock(helms)}`).toBe(body(readFileSync(`${helms}.prov`, "utf8")));
    expect(body(readFileSync(`${mine}.prov`, "utf8"))).toBe(`-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA512\n\n${messageBlock(mine)}`);
  }, 60_000);

  it("a key with a passphrase signs with --passphrase-file", async () => {
    const locked = await keyring(dir, "Locked Signer", "s3cret");
    writeFileSync(join(dir, "pass"), "s3cret\n");
    const out = join(dir, "locked");
    mkdirSync(out);
    const r = await ours("package", join(dir, "web"), "-d", out, "--sign", "--key", "Locked", "--keyring", locked.sec, "--passphrase-file", join(dir, "pass"));
    expect(r.code).toBe(0);
    expect((await theirs("verify", join(out, "web-0.1.0.tgz"), "--keyring", locked.pub)).code).toBe(0);
  }, 60_000);

  it("fails as helm fails: unknown signer, altered text or archive, no .prov, no keyring, not an archive", async () => {
    const c = join(dir, "c");
    mkdirSync(c);
    expect((await theirs("package", join(dir, "web"), "-d", c, "--sign", "--key", "Chart Signer", "--keyring", keys.sec)).code).toBe(0);
    const good = join(c, "web-0.1.0.tgz");
    const prov = readFileSync(`${good}.prov`, "utf8");
    // The archive changed after signing.
    copyFileSync(good, join(c, "changed-0.1.0.tgz"));
    writeFileSync(join(c, "changed-0.1.0.tgz.prov"), prov.replace("web-0.1.0.tgz:", "changed-0.1.0.tgz:"));
    writeFileSync(join(c, "archive-0.1.0.tgz"), Buffer.concat([readFileSync(good), Buffer.from("x")]));
    writeFileSync(join(c, "archive-0.1.0.tgz.prov"), prov);
    copyFileSync(good, join(c, "noprov-0.1.0.tgz"));
    copyFileSync(good, join(c, "renamed-0.1.0.tgz"));
    copyFileSync(`${good}.prov`, join(c, "renamed-0.1.0.tgz.prov"));
    const cases = [
      [good, "--keyring", other.pub],
      [join(c, "changed-0.1.0.tgz"), "--keyring", keys.pub],
      [join(c, "archive-0.1.0.tgz"), "--keyring", keys.pub],
      [join(c, "renamed-0.1.0.tgz"), "--keyring", keys.pub],
      [join(c, "noprov-0.1.0.tgz"), "--keyring", keys.pub],
      [join(dir, "web"), "--keyring", keys.pub],
      [join(dir, "web", "Chart.yaml"), "--keyring", keys.pub],
      [join(c, "missing.tgz"), "--keyring", keys.pub],
      [good, "--keyring", join(dir, "no-keyring")],
      [good],
    ];
    for (const args of cases) {
      const [a, b] = await Promise.all([ours("verify", ...args), theirs("verify", ...args)]);
      expect({ args, code: a.code, stderr: a.stderr }).toEqual({ args, code: 1, stderr: b.stderr });
    }
    for (const args of [["--sign", "--keyring", keys.sec], ["--sign", "--key", "Nobody", "--keyring", keys.sec], ["--sign", "--key", "Chart Signer", "--keyring", keys.pub]]) {
      const [a, b] = await Promise.all([ours("package", join(dir, "web"), "-d", c, ...args), theirs("package", join(dir, "web"), "-d", c, ...args)]);
      expect({ args, code: a.code, stderr: a.stderr }).toEqual({ args, code: 1, stderr: b.stderr });
    }
  }, 60_000);

  describe.skipIf(!existsSync(REGISTRY_BIN))(`OCI${existsSync(REGISTRY_BIN) ? "" : ` (skipped: ${REGISTRY_BIN} is absent)`}`, () => {
    let reg: RunningRegistry | undefined;
    beforeAll(async () => {
      reg = await startRegistry();
    }, 60_000);
    afterAll(() => reg?.stop());

    it("push carries the .prov as helm's layer; pull --verify checks it either way round", async () => {
      const signed = join(dir, "oci-signed");
      mkdirSync(signed);
      expect((await ours("package", join(dir, "web"), "-d", signed, "--sign", "--key", "Chart Signer", "--keyring", keys.sec)).code).toBe(0);
      expect((await ours("push", join(signed, "web-0.1.0.tgz"), `oci://${reg?.host}/ours`, "--plain-http")).code).toBe(0);
      expect((await theirs("push", join(signed, "web-0.1.0.tgz"), `oci://${reg?.host}/theirs`, "--plain-http")).code).toBe(0);
      for (const repo of ["ours", "theirs"]) {
        const d1 = join(dir, `oci-pull-ours-${repo}`);
        const d2 = join(dir, `oci-pull-helm-${repo}`);
        for (const d of [d1, d2]) mkdirSync(d);
        const ref = `oci://${reg?.host}/${repo}/web`;
        const [a, b] = await Promise.all([
          ours("pull", ref, "--version", "0.1.0", "--verify", "--keyring", keys.pub, "--plain-http", "-d", d1),
          theirs("pull", ref, "--version", "0.1.0", "--verify", "--keyring", keys.pub, "--plain-http", "-d", d2),
        ]);
        expect({ repo, code: b.code }).toEqual({ repo, code: 0 });
        // helm 3.17 prints its Pulled/Digest lines a second time when it fetches the .prov.
        const once = b.stderr.split("\n").slice(0, 2).join("\n");
        expect({ repo, code: a.code, stderr: a.stderr, stdout: a.stdout }).toEqual({ repo, code: 0, stderr: `${once}\n`, stdout: b.stdout });
        expect(a.stdout).toContain("Chart Hash Verified: sha256:");
        expect(readFileSync(join(d1, "web-0.1.0.tgz.prov"))).toEqual(readFileSync(join(signed, "web-0.1.0.tgz.prov")));
      }
    }, 60_000);
  });

  describe("pull and install --verify", () => {
    let server: RepoServer;
    let sb: Sandbox;
    const repoDir = join(dir, "repo");
    beforeAll(async () => {
      mkdirSync(repoDir, { recursive: true });
      expect((await ours("package", join(dir, "web"), "-d", repoDir, "--sign", "--key", "Chart Signer", "--keyring", keys.sec)).code).toBe(0);
      server = await serveRepo({ dir: repoDir });
      expect((await ours("repo", "add", "signed", server.url)).code).toBe(0);
      sb = await newSandbox();
    }, 60_000);
    afterAll(async () => {
      await server?.stop();
      await sb?.stop();
    });

    it("pull --verify prints the signer as helm does and keeps the .prov; a wrong keyring fails", async () => {
      const d1 = join(dir, "pull-ours");
      const d2 = join(dir, "pull-helm");
      // helm pull does not make the destination directory.
      for (const d of [d1, d2]) mkdirSync(d);
      const [a, b] = await Promise.all([
        ours("pull", "signed/web", "--verify", "--keyring", keys.pub, "-d", d1),
        theirs("pull", "signed/web", "--verify", "--keyring", keys.pub, "-d", d2),
      ]);
      expect(b.stderr).toBe("");
      expect(b.code).toBe(0);
      expect(a).toEqual(b);
      expect(existsSync(join(d1, "web-0.1.0.tgz.prov"))).toBe(true);
      const p = await ours("pull", "signed/web", "--prov", "-d", join(dir, "pull-prov"));
      expect([p.code, p.stdout]).toEqual([0, ""]);
      expect(existsSync(join(dir, "pull-prov", "web-0.1.0.tgz.prov"))).toBe(true);
      const bad = await ours("pull", "signed/web", "--verify", "--keyring", other.pub, "-d", join(dir, "pull-bad"));
      expect([bad.code, bad.stderr]).toEqual([1, "Error: openpgp: signature made by unknown entity\n"]);
    }, 60_000);

    it("a repository without .prov: pull --prov warns on stdout as helm, --verify fails as helm", async () => {
      const plain = join(dir, "plain-repo");
      mkdirSync(plain);
      expect((await ours("package", join(dir, "web"), "-d", plain)).code).toBe(0);
      const unsigned = await serveRepo({ dir: plain });
      try {
        expect((await ours("repo", "add", "plain", unsigned.url)).code).toBe(0);
        for (const args of [["plain/web", "--prov"], ["plain/web", "--verify", "--keyring", keys.pub], ["web", "--repo", unsigned.url, "--prov"]]) {
          const d1 = join(dir, `plain-ours-${args.join("")}`.replace(/\W/g, ""));
          const d2 = join(dir, `plain-helm-${args.join("")}`.replace(/\W/g, ""));
          for (const d of [d1, d2]) mkdirSync(d);
          const [a, b] = await Promise.all([ours("pull", ...args, "-d", d1), theirs("pull", ...args, "-d", d2)]);
          expect({ args, ...a }).toEqual({ args, ...b });
        }
      } finally {
        await unsigned.stop();
      }
    }, 60_000);

    it("install --verify installs a signed chart and refuses one it cannot verify", async () => {
      const kc = ["--kubeconfig", sb.kubeconfigPath];
      const r = await ours(...kc, "install", "signed", "signed/web", "--verify", "--keyring", keys.pub);
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
      const args = ["install", "unsure", join(repoDir, "web-0.1.0.tgz"), "--verify", "--keyring", other.pub];
      const [a, b] = await Promise.all([ours(...kc, ...args), theirs(...kc, ...args)]);
      expect({ code: a.code, stderr: a.stderr }).toEqual({ code: 1, stderr: b.stderr });
      expect((await ours(...kc, "status", "unsure")).code).toBe(1);
    }, 60_000);
  });
});
