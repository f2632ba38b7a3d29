// The sandbox API server under load from a concurrent client on loopback:
// simple GETs/s, creates/s, and resident memory holding 10,000 ConfigMaps.
// The server runs in its own process so its memory is measured alone.
import { fork } from "node:child_process";
import { Agent, createServer, request } from "node:http";

const TARGETS = { getsPerSec: 2000, createsPerSec: 500, rssMB: 300 };
const CONCURRENCY = 32;

const SERVER = `
const { startSandbox } = await import(process.env.SANDBOX_MODULE);
const sb = await startSandbox({ controllers: false });
process.send({ url: sb.url });
process.on("message", async (m) => {
  if (m === "cpu") { const u = process.cpuUsage(); process.send({ cpu: (u.user + u.system) / 1e6 }); }
  if (m === "rss") { global.gc?.(); global.gc?.(); process.send({ rss: process.memoryUsage().rss }); }
  if (m === "stop") { await sb.stop(); process.exit(0); }
});
`;

function call(agent, url, method, path, body) {
  return new Promise((resolve, reject) => {
    const data = body ? JSON.stringify(body) : undefined;
    const req = request(`${url}${path}`, { method, agent, headers: data ? { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(data) } : {} }, (res) => {
      res.resume();
      res.on("end", () => (res.statusCode < 300 ? resolve() : reject(new Error(`${method} ${path}: HTTP ${res.statusCode}`))));
    });
    req.on("error", reject);
    req.end(data);
  });
}

/** Runs `op(i)` from CONCURRENCY workers for `ms` (or until `limit` operations), returning ops/s. */
async function load(ms, op, limit = Number.POSITIVE_INFINITY) {
  let next = 0;
  const t0 = performance.now();
  const deadline = t0 + ms;
  const worker = async () => {
    while (performance.now() < deadline && next < limit) await op(next++);
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return { count: next, perSec: next / ((performance.now() - t0) / 1000) };
}

/** The same client against a bare node:http server: how fast this box is right now. */
async function baseline(ms) {
  const srv = createServer((_req, res) => {
    res.writeHead(200, { "Content-Type": "application/json", "Content-Length": 2 });
    res.end("{}");
  });
  await new Promise((r) => srv.listen(0, "127.0.0.1", r));
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  try {
    return await load(ms, () => call(agent, `http://127.0.0.1:${srv.address().port}`, "GET", "/"));
  } finally {
    agent.destroy();
    srv.close();
  }
}

export async function run({ seconds = 3 } = {}) {
  const bare = await baseline(seconds * 1000);
  const child = fork("--input-type=module", ["-e", SERVER], {
    execArgv: ["--expose-gc", "--input-type=module", "-e", SERVER],
    env: { ...process.env, SANDBOX_MODULE: new URL("../dist/sandbox/index.js", import.meta.url).href },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const message = (key) => new Promise((resolve) => child.once("message", (m) => resolve(m[key])));
  const url = await message("url");
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  try {
    const base = "/api/v1/namespaces/default/configmaps";
    await call(agent, url, "POST", base, { metadata: { name: "bench-get" }, data: { k: "v" } });
    await load(500, () => call(agent, url, "GET", `${base}/bench-get`));
    // Server CPU seconds per phase: a capacity figure that a busy machine distorts less than wall time.
    const cpu = async () => {
      child.send("cpu");
      return message("cpu");
    };
    let c0 = await cpu();
    const gets = await load(seconds * 1000, () => call(agent, url, "GET", `${base}/bench-get`));
    const getCpu = (await cpu()) - c0;
    const cm = (i) => ({ metadata: { name: `bench-${i}`, labels: { bench: "yes" } }, data: { index: String(i), payload: "x".repeat(64) } });
    c0 = await cpu();
    const creates = await load(seconds * 1000, (i) => call(agent, url, "POST", base, cm(i)));
    const createCpu = (await cpu()) - c0;
    await load(10 * 60 * 1000, (i) => call(agent, url, "POST", base, cm(creates.count + i)), 10_000 - creates.count);
    child.send("rss");
    const rssMB = (await message("rss")) / (1 << 20);
    const result = {
      name: "sandbox",
      getsPerSec: Math.round(gets.perSec),
      createsPerSec: Math.round(creates.perSec),
      rssMBWith10kConfigMaps: Math.round(rssMB),
      bareNodeRequestsPerSec: Math.round(bare.perSec),
      getsPerServerCpuSec: Math.round(gets.count / getCpu),
      createsPerServerCpuSec: Math.round(creates.count / createCpu),
      targets: TARGETS,
      ok: gets.perSec >= TARGETS.getsPerSec && creates.perSec >= TARGETS.createsPerSec && rssMB < TARGETS.rssMB,
    };
    console.log(
      `sandbox: ${result.getsPerSec} GETs/s (target >= ${TARGETS.getsPerSec}), ${result.createsPerSec} creates/s (target >= ${TARGETS.createsPerSec}), ` +
        `RSS ${result.rssMBWith10kConfigMaps} MB with 10,000 ConfigMaps (target < ${TARGETS.rssMB}); ${CONCURRENCY} concurrent clients; ` +
        `a bare node:http server answers ${result.bareNodeRequestsPerSec} requests/s on this machine right now; ` +
        `per server CPU-second: ${result.getsPerServerCpuSec} GETs, ${result.createsPerServerCpuSec} creates`,
    );
    return result;
  } finally {
    agent.destroy();
    child.send("stop");
    await new Promise((r) => child.once("exit", r));
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
