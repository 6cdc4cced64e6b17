import { describe, expect, it } from "vitest";
import { judgeDeliverable } from "../../src/judge/judge-deliverable.ts";
import type { DeliverableEvidence } from "../../src/model/manifest.ts";
import type { DeliverableRequirement } from "../../src/model/topic.ts";
import { findingText } from "../../src/render/localize.ts";

/** As topics/1.2.yaml writes "1 -2 篇相关领域的创新专利或者软件著作权". */
const patentsOrCopyrights: DeliverableRequirement = {
  id: "1.2/patents",
  kind: "deliverable",
  title: { en: "1–2 patents or software copyrights", zh: "专利或软著" },
  provenance: "seed",
  seed_quote: "1 -2 篇相关领域的创新专利或者软件著作权",
  any_of: [
    { deliverable: "patent", count: 1, count_max: 2 },
    { deliverable: "software-copyright", count: 1, count_max: 2 },
  ],
};

/** As topics/4.2.yaml writes "CCF-A 类论文 >= 1 篇；或发明专利 >= 2 项". */
const paperOrPatents: DeliverableRequirement = {
  id: "4.2/paper-or-patents",
  kind: "deliverable",
  title: { en: "≥ 1 CCF-A paper, or ≥ 2 invention patents", zh: "论文或专利" },
  provenance: "seed",
  any_of: [
    { deliverable: "paper", count: 1, venue: "CCF-A" },
    { deliverable: "patent", count: 2 },
  ],
};

const judge = (requirement: DeliverableRequirement, evidence?: DeliverableEvidence["evidence"]) =>
  judgeDeliverable(
    requirement,
    evidence === undefined ? undefined : { requirement: requirement.id, evidence },
  );
const verdictOf = (evidence?: DeliverableEvidence["evidence"]) =>
  judge(patentsOrCopyrights, evidence).verdict;

describe("judgeDeliverable", () => {
  it("is missing without declared evidence, never passed by default", () => {
    expect(verdictOf()).toBe("missing");
  });

  it("passes 1.2/patents with a patent number, a software copyright or a signed attestation that says so", () => {
    expect([
      verdictOf("https://patents.google.com/patent/CN115251024A/zh"),
      verdictOf("ZL202211157877.2"),
      verdictOf("计算机软件著作权登记号 2019SR0800812（智能仓储缓冲管理系统 V1.1）"),
      verdictOf({
        attestation: "软件著作权登记号 2024SR0123456 已受理",
        attested_by: "李伟 教授, 项目负责人",
      }),
    ]).toEqual(["pass", "pass", "pass", "pass"]);
  });

  it("counts one patent as one patent: 4.2 asks for a paper or two patents", () => {
    expect(judge(paperOrPatents, "ZL202211157877.2")).toEqual({
      id: "4.2/paper-or-patents",
      kind: "deliverable",
      title: paperOrPatents.title,
      metric: null,
      target: null,
      measured: null,
      claimed: null,
      deliverable: { kind: "1 × paper or 2 × patent", count: 1, evidence: ["ZL202211157877.2"] },
      verdict: "fail",
      reason:
        "Not enough matching items for 1 paper (CCF-A) or 2 patent: 0 of 1 paper (CCF-A); 1 of 2 patent.",
      reason_key: "reason.deliverable_too_few",
      reason_params: {
        wanted: {
          key: "deliverable.or",
          params: {
            left: {
              key: "deliverable.spec_venue",
              params: { count: "1", kind: { key: "deliverable.paper", text: "paper" }, venue: "CCF-A" },
            },
            right: {
              key: "deliverable.spec",
              params: { count: "2", kind: { key: "deliverable.patent", text: "patent" } },
            },
          },
        },
        tally: {
          key: "deliverable.tally_and",
          params: {
            left: {
              key: "deliverable.tally",
              params: {
                n: 0,
                spec: {
                  key: "deliverable.spec_venue",
                  params: { count: "1", kind: { key: "deliverable.paper", text: "paper" }, venue: "CCF-A" },
                },
              },
            },
            right: {
              key: "deliverable.tally",
              params: {
                n: 1,
                spec: {
                  key: "deliverable.spec",
                  params: { count: "2", kind: { key: "deliverable.patent", text: "patent" } },
                },
              },
            },
          },
        },
        stray: 0,
      },
      findings: [],
    });
    expect([
      judge(paperOrPatents, ["ZL202211157877.2", "CN115251024A"]).verdict,
      judge(paperOrPatents, "https://www.usenix.org/conference/osdi24/presentation/zhong-yinmin").verdict,
      judge(paperOrPatents, "10.1145/3600006.3613165").verdict,
    ]).toEqual(["pass", "pass", "pass"]);
  });

  it("does not count a DOI as a patent, and says what it looks like and what is wanted", () => {
    const result = judge(patentsOrCopyrights, "https://doi.org/10.1145/3600006.3613165");
    const rendered = result.findings.map((f) => ({
      code: f.code,
      severity: f.severity,
      message: f.message,
      // The catalog renders the stored English from the params, and the Chinese with no English word.
      en: findingText(f, "en"),
      zh: findingText(f, "zh"),
    }));
    const message =
      '"https://doi.org/10.1145/3600006.3613165" looks like a DOI, but 1.2/patents wants 1–2 patent or 1–2 software-copyright, so it does not count here; give patent: a patent or application number (ZL202211157877.2, CN115251024A, PCT/CN2024/123456, US 11,234,567 B2 …); or software-copyright: a software copyright registration number (2019SR0800812) or certificate number (软著登字第0671096号) — or a signed attestation that says which it is.';
    expect({ verdict: result.verdict, findings: rendered }).toEqual({
      verdict: "fail",
      findings: [
        {
          code: "DELIVERABLE_WRONG_TYPE",
          severity: "error",
          message,
          en: message,
          zh: "“https://doi.org/10.1145/3600006.3613165” 看起来是 DOI，但 1.2/patents 要求 1–2 专利或1–2 软件著作权，因此不计入；请提供 专利：专利号或专利申请号（`ZL202211157877.2`、`CN115251024A`、`PCT/CN2024/123456`、`US 11,234,567 B2` …）；或软件著作权：软件著作权登记号（`2019SR0800812`）或证书号（软著登字第0671096号）——或一份写明类型的签字声明。",
        },
      ],
    });
  });

  it("types links: a repository is code, a pull request or kernel patch is an upstream PR, a Zenodo DOI is an archive", () => {
    const upstream: DeliverableRequirement = {
      id: "1.3/upstream-prs",
      kind: "deliverable",
      title: { en: "PRs merged upstream", zh: "PR 合入上游" },
      provenance: "seed",
      deliverable: "upstream-pr",
      count: 1,
    };
    const code: DeliverableRequirement = { ...upstream, id: "2.2/algorithm-code", deliverable: "code" };
    expect([
      judge(upstream, "https://github.com/kata-containers/kata-containers/pull/9554").verdict,
      judge(upstream, "https://gitlab.com/qemu-project/qemu/-/merge_requests/12").verdict,
      judge(upstream, "https://lore.kernel.org/kvm/20240101000000.1-1-someone@example.com/").verdict,
      judge(upstream, "https://github.com/kata-containers/kata-containers").findings.map((f) => f.message),
      judge(code, "https://github.com/vllm-project/vllm").verdict,
      judge(code, "https://doi.org/10.5281/zenodo.10000000").verdict,
      judge(code, "https://arxiv.org/abs/2309.06180").findings.map((f) => f.code),
    ]).toEqual([
      "pass",
      "pass",
      "pass",
      [
        '"https://github.com/kata-containers/kata-containers" looks like a repository link (github.com), but 1.3/upstream-prs wants 1 upstream-pr, so it does not count here; give upstream-pr: a pull/merge request, commit or mailing-list patch link in the upstream project — or a signed attestation that says which it is.',
      ],
      "pass",
      "pass",
      ["DELIVERABLE_WRONG_TYPE"],
    ]);
  });

  it("lists a signed attestation with who attests; under an alternative it must say which kind it is", () => {
    const signed = judge(patentsOrCopyrights, {
      attestation: "发明专利申请已受理，申请号见附件",
      attested_by: "Dr. Wang Fang, PI",
      date: "2025-06-30",
    });
    expect([signed.verdict, signed.deliverable?.evidence]).toEqual([
      "pass",
      ["发明专利申请已受理，申请号见附件 — attested by Dr. Wang Fang, PI, 2025-06-30"],
    ]);
    const untyped = judge(paperOrPatents, {
      attestation: "Delivered to the program office in June",
      attested_by: "Dr. Wang Fang, PI",
    });
    expect([untyped.verdict, untyped.findings.map((f) => f.code)]).toEqual([
      "fail",
      ["DELIVERABLE_WRONG_TYPE"],
    ]);
  });

  it("refuses an unsigned sentence, placeholders and a mistyped check digit as unreadable", () => {
    expect(
      [
        "软件著作权已受理，正在登记中",
        "TBD",
        "ZL202310xxxxxx.x",
        { attestation: "TBD", attested_by: "Dr. Wang Fang" },
        { attestation: "Prototype demonstrated to the program office", attested_by: "n/a" },
        "ZL202410123456.7",
      ].map((item) => {
        const result = judge(patentsOrCopyrights, item);
        return [result.verdict, ...result.findings.map((f) => f.code)];
      }),
    ).toEqual([
      ["invalid", "DELIVERABLE_EVIDENCE_UNREADABLE"],
      ["invalid", "DELIVERABLE_EVIDENCE_UNREADABLE"],
      ["invalid", "DELIVERABLE_EVIDENCE_UNREADABLE"],
      ["invalid", "DELIVERABLE_EVIDENCE_UNREADABLE"],
      ["invalid", "DELIVERABLE_EVIDENCE_UNREADABLE"],
      ["invalid", "DELIVERABLE_CHECK_DIGIT"],
    ]);
  });

  it("evaluates a range as written: below it fails, within passes, above passes and says so", () => {
    const two: DeliverableRequirement = {
      ...patentsOrCopyrights,
      id: "5.8/patents",
      any_of: undefined,
      deliverable: "patent",
      count: 2,
    };
    const three = ["ZL202211157877.2", "ZL202210327139.1", "ZL201910085641.4"];
    expect([
      judge(two, "ZL202211157877.2").verdict,
      judge(two, three.slice(0, 2)).verdict,
      judge(patentsOrCopyrights, three).reason,
    ]).toEqual([
      "fail",
      "pass",
      "3 matching item(s) declared for 1–2 patent, one of 1–2 patent or 1–2 software-copyright (the seed asks 1–2; more is not a failure); the officer confirms each item.",
    ]);
  });
});
