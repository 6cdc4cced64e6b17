// Start-up time of `claimcheck --version` and `claimcheck validate` on a small file, against
// `node -e 0` as the peer (the floor of any Node CLI): 20 alternating runs of each, medians and ratios.
// Writes bench/results/startup.json. Run: npm run bench:startup
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const ROOT = new URL("..", import.meta.url).pathname;
const RUNS = process.argv.includes("--runs") ? Number(process.argv[process.argv.indexOf("--runs") + 1]) : 20;
const CASES = {
  "node -e 0": ["-e", "0"],
  "claimcheck --version": [join(ROOT, "bin/claimcheck"), "--version"],
  "claimcheck validate (3,000 rows)": [
    join(ROOT, "bin/claimcheck"),
    "validate",
    join(ROOT, "fixtures/1.2-pass/candidate.csv"),
  ],
};

const times = Object.fromEntries(Object.keys(CASES).map((name) => [name, []]));
for (let run = 0; run < RUNS; run++) {
  for (const [name, args] of Object.entries(CASES)) {
    const started = process.hrtime.bigint();
    spawnSync(process.execPath, args, { stdio: "ignore" });
    times[name].push(Number(process.hrtime.bigint() - started) / 1e6);
  }
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const peer = median(times["node -e 0"]);
const result = Object.fromEntries(
  Object.entries(times).map(([name, list]) => [
    name,
    { median_ms: Math.round(median(list)), ratio_to_node: Math.round((median(list) / peer) * 100) / 100 },
  ]),
);
mkdirSync(join(ROOT, "bench/results"), { recursive: true });
writeFileSync(
  join(ROOT, "bench/results/startup.json"),
  `${JSON.stringify({ runs: RUNS, result }, null, 2)}\n`,
);
for (const [name, r] of Object.entries(result))
  process.stdout.write(`${name.padEnd(34)} ${String(r.median_ms).padStart(5)} ms  ×${r.ratio_to_node}\n`);
