// Verifies every example submission in fixtures/ with the built CLI and writes its reports under
// reports/<name>/ (report.json, report.md, report.html in English, junit.xml), plus one Chinese HTML
// example re-rendered from its JSON. Each fixture's expected exit code is in fixtures/expected-exit-codes.json; the
// script fails when one differs, so the examples double as a smoke test of the installed binary.
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const expected = JSON.parse(readFileSync(join(root, "fixtures/expected-exit-codes.json"), "utf8"));
let wrong = 0;
for (const [name, code] of Object.entries(expected)) {
  const run = spawnSync(
    process.execPath,
    [join(root, "bin/claimcheck"), "verify", `fixtures/${name}/claimcheck.yaml`, "--out", `reports/${name}`],
    {
      cwd: root,
      encoding: "utf8",
      env: { ...process.env, SOURCE_DATE_EPOCH: "1790000000" },
    },
  );
  const ok = run.status === code;
  if (!ok) wrong++;
  process.stderr.write(
    `${ok ? "ok  " : "FAIL"} ${name.padEnd(24)} exit ${run.status} (expected ${code}) → reports/${name}/\n`,
  );
  if (!ok) process.stderr.write(run.stderr);
}
const zh = spawnSync(
  process.execPath,
  [
    join(root, "bin/claimcheck"),
    "report",
    "reports/1.2-pass/report.json",
    "--format",
    "html",
    "--lang",
    "zh",
  ],
  { cwd: root, encoding: "utf8", maxBuffer: 64 << 20 },
);
if (zh.status === 0) writeFileSync(join(root, "reports/1.2-pass/report.zh.html"), zh.stdout);
else wrong++;
process.stderr.write(
  `${zh.status === 0 ? "ok  " : "FAIL"} 1.2-pass (zh)               → reports/1.2-pass/report.zh.html\n`,
);
process.exitCode = wrong === 0 ? 0 : 1;
