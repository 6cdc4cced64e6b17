import { describe, expect, it } from "vitest";
import { renderHtml } from "../../src/render/html.ts";
import { createPartsReport, createSampleReport } from "./sample-report.ts";

const PAYLOADS = [`<script>alert(1)</script>`, `"><img src=x onerror=alert(1)>`];

describe("renderHtml", () => {
  it("shows every section of an acceptance report, in order", async () => {
    const html = await renderHtml(createSampleReport());
    const ids = [...html.matchAll(/<(?:section|div) [^>]*id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toEqual([
      "verdict",
      "glance",
      "submission",
      "inputs",
      "requirements",
      "deliverables",
      "findings",
      "sign-off",
    ]);
  });

  it("labels verdicts with text, not colour alone, and names where each target came from", async () => {
    const html = await renderHtml(createSampleReport());
    expect(
      [...html.matchAll(/<span class="badge (\w+)">([^<]+)<\/span>/g)].map((m) => `${m[1]}: ${m[2]}`),
    ).toEqual(["fail: ✗ FAIL", "fail: ✗ FAIL", "pass: ✓ PASS"]);
    expect(/<span class="prov">([^<]+)<\/span>/.exec(html)?.[1]).toBe("target from: program default");
  });

  it("shows one row per model under a requirement judged per model, in both languages", async () => {
    const rows = async (lang: "en" | "zh") =>
      [
        ...(await renderHtml(createPartsReport(), { lang })).matchAll(
          /<tr class="part row-(\w+)"><td colspan="2">↳ ([^<]+)<code>([^<]+)<\/code>/g,
        ),
      ].map((m) => `${m[1]} ${m[2]}${m[3]}`);
    expect([await rows("en"), await rows("zh")]).toEqual([
      ["fail model llama3b", "pass model qwen7b"],
      ["fail 模型 llama3b", "pass 模型 qwen7b"],
    ]);
  });

  it("renders the UI, topic and requirement titles in Chinese with --lang zh", async () => {
    const html = await renderHtml(createSampleReport(), { lang: "zh" });
    expect([/<html lang="([^"]+)"/.exec(html)?.[1], /<h1>([^<]+)<\/h1>/.exec(html)?.[1]]).toEqual([
      "zh-CN",
      "验收报告 · 课题 1.2 面向推理服务的动态显存管理研究",
    ]);
    expect(/<code>1\.<wbr>2\/<wbr>ttft-<wbr>p99-<wbr>regression<\/code><br>([^<]+)</.exec(html)?.[1]).toBe(
      "p99 首字延迟劣化不超过 5%",
    );
  });

  it("escapes everything that came from the submission: team, paths, conditions, findings", async () => {
    for (const payload of PAYLOADS) {
      const base = createSampleReport();
      const requirement = base.requirements[0] as (typeof base.requirements)[0];
      const report = createSampleReport({
        submission: { ...base.submission, team: payload, system: { [payload]: payload } },
        inputs: base.inputs.map((i) => ({ ...i, path: payload, format: payload })),
        requirements: [
          {
            ...requirement,
            reason: payload,
            claimed: { value: 1, consistent: false, tolerance: 0.01, conditions: { [payload]: payload } },
            findings: [
              {
                code: "CSV_BAD_NUMBER",
                severity: "error",
                message: payload,
                location: { path: payload, line: 2 },
              },
            ],
          },
        ],
        findings: [
          { code: "CSV_BAD_NUMBER", severity: "error", message: payload, location: { path: payload } },
        ],
      });
      const html = await renderHtml(report);
      expect({ script: html.includes("<script"), img: html.includes("<img src=x") }).toEqual({
        script: false,
        img: false,
      });
    }
  });

  it("is self-contained: no scripts, no links to other origins, a policy that forbids loading any", async () => {
    const html = await renderHtml(createSampleReport());
    expect({
      external: [...html.matchAll(/(?:src|href)="(?!data:|#)([^"]*)"/g)].map((m) => m[1]),
      csp: /Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1],
      pageSize: /@page \{ size: A4;/.test(html),
    }).toEqual({
      external: [],
      csp: "default-src 'none'; img-src data:; style-src 'unsafe-inline'",
      pageSize: true,
    });
  });

  it("embeds each chart of the report as a 2× PNG data URI with its title", async () => {
    const report = createSampleReport({
      charts: [
        {
          id: "latency-cdf:ttft_ms",
          type: "cdf",
          title: { en: "Time to first token (CDF)", zh: "首字延迟" },
          x: { label: { en: "TTFT", zh: "首字延迟" }, unit: "ms" },
          y: { label: { en: "Requests", zh: "请求" }, unit: "%" },
          series: [
            {
              label: "candidate",
              role: "candidate",
              points: [
                [10, 50],
                [20, 100],
              ],
            },
          ],
        },
      ],
    });
    const html = await renderHtml(report);
    const img =
      /<figure id="chart-latency-cdf:ttft_ms"><img src="data:image\/png;base64,([^"]+)" width="720" height="340" alt="([^"]+)">/.exec(
        html,
      );
    const png = Buffer.from(img?.[1] ?? "", "base64");
    expect({ magic: png.subarray(1, 4).toString(), width: png.readUInt32BE(16), alt: img?.[2] }).toEqual({
      magic: "PNG",
      width: 1440,
      alt: "Time to first token (CDF)",
    });
  });

  it("prints a chart's caption as text under its image, in the report's language, and keeps it out of the pixels", async () => {
    const report = createSampleReport({
      charts: [
        {
          id: "improvement",
          type: "bars",
          title: { en: "Improvement vs baseline", zh: "相对基线的提升" },
          x: { label: { en: "Requirement", zh: "要求" }, unit: "" },
          y: { label: { en: "Improvement vs baseline", zh: "相对基线的提升" }, unit: "%" },
          series: [],
          bars: [{ label: "1.2/gain", value: 51, low: 51, high: 51, verdict: "pass" }],
          caption: [
            { key: "chart.caption.exact" },
            { key: "chart.caption.requirements_left_out", params: { n: 2 } },
          ],
        },
      ],
    });
    const html = await renderHtml(report, { lang: "zh" });
    const figure =
      /<figure id="chart-improvement"><img src="data:image\/png;base64,([^"]+)"[^>]*><figcaption>(.*?)<\/figcaption>/.exec(
        html,
      );
    const png = Buffer.from(figure?.[1] ?? "", "base64");
    expect({ height: png.readUInt32BE(20), caption: figure?.[2] }).toEqual({
      height: 680,
      caption:
        '相对基线的提升<span class="chart-note">柱按判定结论着色；这些值为精确读数（无抽样误差）；虚线为目标。</span><span class="chart-note">2 项要求未绘出：无效，未作判定（见问题列表）。</span>',
    });
  });
});
