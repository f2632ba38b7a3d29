// Keys generated ahead on a worker thread are real, distinct keys of the size
// asked for; the pool only runs for charts that make RSA keys.
import { afterEach, describe, expect, it } from "vitest";
import { keySizesFor, startKeyPool, stopKeyPool, takePooledRsa } from "../../src/funcs/crypto-pool.js";
import { waitFor } from "../helpers/ui.js";

afterEach(() => stopKeyPool());

describe("RSA key pool", () => {
  it("sizes the pool from what the templates call", () => {
    expect(keySizesFor(["{{ .Values.x }}"])).toEqual([]);
    expect(keySizesFor(['{{ $ca := genCA "ca" 365 }}'])).toEqual([2048]);
    expect(keySizesFor(['{{ genPrivateKey "rsa" }}'])).toEqual([4096]);
    expect(keySizesFor(['{{ genPrivateKey "ecdsa" }}'])).toEqual([]);
    expect(keySizesFor(['{{ genCAWithKey "ca" 365 .Values.key }}'])).toEqual([]);
    expect(keySizesFor(["{{ genSelfSignedCert \"a\" nil nil 1 }}", '{{ genPrivateKey "rsa" }}'])).toEqual([2048, 4096]);
  });

  it("hands out distinct keys of the size asked for, and nothing once stopped", async () => {
    expect(takePooledRsa(2048)).toBeUndefined();
    startKeyPool([2048]);
    const a = await waitFor(() => takePooledRsa(2048) ?? false, { timeout: 20_000, interval: 20 });
    const b = await waitFor(() => takePooledRsa(2048) ?? false, { timeout: 20_000, interval: 20 });
    expect(a.asymmetricKeyType).toBe("rsa");
    expect(a.asymmetricKeyDetails?.modulusLength).toBe(2048);
    expect(a.export({ format: "der", type: "pkcs8" }).equals(b.export({ format: "der", type: "pkcs8" }))).toBe(false);
    expect(takePooledRsa(4096)).toBeUndefined();
    stopKeyPool();
    expect(takePooledRsa(2048)).toBeUndefined();
  }, 60_000);
});
