import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Report } from "../../../src/model/report.ts";
import type { TargetRequirement } from "../../../src/model/topic.ts";
import { readTopics } from "../../../src/read/read-topics.ts";
import {
  type DashboardSubmission,
  pickKeyRequirement,
  renderDashboard,
} from "../../../src/server/pages/dashboard-page.ts";
import { pageText } from "../../../src/server/pages/page-text.ts";

// Reports the CLI wrote for fixtures/1.2-*: `pass` measured every target, `fail` has no memory timeline.
const REPORTS = new URL("../../../reports/", import.meta.url);
const report = (name: string) =>
  JSON.parse(readFileSync(new URL(`${name}/report.json`, REPORTS), "utf8")) as Report;

const SUBMISSIONS: DashboardSubmission[] = [
  { id: "z1", team: "Zeta Lab", createdAt: "2026-08-01T10:00:00.000Z", report: report("1.2-pass") },
  { id: "a1", team: "Alpha Lab", createdAt: "2026-08-02T10:00:00.000Z", report: report("1.2-inconclusive") },
  { id: "z2", team: "Zeta Lab", createdAt: "2026-08-09T10:00:00.000Z", report: report("1.2-fail") },
];

describe("the topic dashboard", async () => {
  const topic = (await readTopics()).find((t) => t.id === "1.2");
  if (topic === undefined) throw new Error("topic 1.2 is missing");
  const targets = topic.requirements.filter((r): r is TargetRequirement => r.kind === "target");

  it("opens on the first metric every team's latest submission measured, or the one asked for", () => {
    expect([
      pickKeyRequirement(targets, SUBMISSIONS, undefined)?.id,
      pickKeyRequirement(targets, SUBMISSIONS.slice(0, 2), undefined)?.id,
      pickKeyRequirement(targets, SUBMISSIONS, "1.2/gpu-utilization-gain")?.id,
      pickKeyRequirement(targets, [], undefined)?.id,
    ]).toEqual([
      "1.2/ttft-p99-regression",
      "1.2/startup-reserved-memory",
      "1.2/gpu-utilization-gain",
      "1.2/startup-reserved-memory",
    ]);
  });

  it("orders teams by name, shows value and bound beside each badge, and links every dot to its report", () => {
    const page = renderDashboard({ lang: "en", t: pageText("en"), url: "/topics/1.2" }, topic, SUBMISSIONS);
    const ttft =
      page.match(/<tr><td><code>1\.2\/<wbr>ttft-<wbr>p99-<wbr>regression<\/code>[\s\S]*?<\/tr>/)?.[0] ?? "";
    expect({
      teams: [...page.matchAll(/<span class="team">([^<]*)/g)].map((m) => m[1]),
      ttft: [...ttft.matchAll(/<td class="cell"[^>]*>([\s\S]*?)<\/td>/g)].map((m) =>
        m[1]?.replace(/<[^>]+>/g, "|"),
      ),
      dots: [...page.matchAll(/<a href="([^"]+)"><circle/g)].map((m) => m[1]),
      axis: [...page.matchAll(/text-anchor="middle" font-size="12" fill="#59636e">([^<]*)/g)].map(
        (m) => m[1],
      ),
    }).toEqual({
      teams: ["Alpha Lab", "Zeta Lab"],
      ttft: ["|inconclusive| |-3.605 %||[-22.11, 11.88]|", "|fail| |21.87 %||[12.77, 35.19]|"],
      dots: ["/submissions/a1?lang=en", "/submissions/z1?lang=en", "/submissions/z2?lang=en"],
      axis: ["2026-08-01", "2026-08-04", "2026-08-06", "2026-08-09"],
    });
  });
});
