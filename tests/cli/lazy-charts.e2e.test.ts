import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { REPO } from "./run-cli.ts";

// A module-resolution hook that names every chart module the process resolves, on stderr.
const HOOK = `data:text/javascript,import{register}from"node:module";register(${JSON.stringify(
  'data:text/javascript,export async function resolve(s,c,n){if(/chart\\.js|@napi-rs\\/canvas|\\bpng[-.]/.test(s))console.error("resolved "+s);return n(s,c)}',
)})`;

function resolvedChartModules(args: string[]): string[] {
  const run = spawnSync(process.execPath, ["--import", HOOK, "bin/claimcheck", ...args], {
    cwd: REPO,
    encoding: "utf8",
    env: { ...process.env, SOURCE_DATE_EPOCH: "1790000000" },
  });
  // The bundled CLI names the PNG renderer's chunk png-<hash>.js; the compiled one, charts/png.js.
  return run.stderr
    .split("\n")
    .filter((line) => line.startsWith("resolved "))
    .map((line) => line.replace(/\S*png(-\w+)?\.js$/, "the PNG renderer"));
}

describe("chart.js and the canvas binding load lazily", () => {
  it("are not loaded by claimcheck --version or a Markdown re-render", () => {
    expect([
      resolvedChartModules(["--version"]),
      resolvedChartModules(["report", "reports/1.2-pass/report.json", "--format", "md"]),
    ]).toEqual([[], []]);
  });

  it("are loaded when an HTML report draws its charts", () => {
    expect(resolvedChartModules(["report", "reports/1.2-pass/report.json", "--format", "html"])).toEqual([
      "resolved the PNG renderer",
      "resolved @napi-rs/canvas",
      "resolved chart.js",
    ]);
  });
});
