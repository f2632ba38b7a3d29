// `npm run bench`: every benchmark, one after the other, then a summary.
// Pass names to run a subset: `npm run bench -- startup engine`.
const all = ["startup", "engine", "template", "sandbox", "repo", "release", "tui"];
const wanted = process.argv.slice(2).length ? process.argv.slice(2) : all;
const results = [];
for (const name of wanted) {
  let mod;
  try {
    mod = await import(`./${name}.js`);
  } catch (err) {
    if (err.code === "ERR_MODULE_NOT_FOUND" && !process.argv.slice(2).length) continue;
    throw err;
  }
  console.log(`\n== ${name}`);
  try {
    const r = await mod.run();
    if (r) results.push(r);
  } catch (err) {
    console.log(`${name}: failed: ${err.message}`);
    results.push({ name, ok: false, error: err.message });
  }
}
console.log("\n== summary");
for (const r of results) {
  const extra = r.skipped ? `skipped: ${r.skipped}` : r.ok ? "meets target" : r.error ? `error: ${r.error}` : "misses target";
  console.log(`${r.name}: ${extra}`);
}
