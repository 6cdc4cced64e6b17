import { describe, expect, it } from "vitest";
import { judgeDeliverable } from "../../src/judge/judge-deliverable.ts";
import type { DeliverableEvidence } from "../../src/model/manifest.ts";
import type { DeliverableRequirement } from "../../src/model/topic.ts";

const patents: DeliverableRequirement = {
  id: "1.2/patents",
  kind: "deliverable",
  title: { en: "Patents or software copyrights", zh: "专利或软著" },
  provenance: "seed",
  seed_quote: "申请专利或软著 1-2 项",
  deliverable: "patent-or-copyright",
  count: 1,
  count_max: 2,
};

const verdictOf = (evidence?: DeliverableEvidence["evidence"]) =>
  judgeDeliverable(patents, evidence === undefined ? undefined : { requirement: patents.id, evidence })
    .verdict;

describe("judgeDeliverable", () => {
  it("is missing without declared evidence, never passed by default", () => {
    expect(verdictOf()).toBe("missing");
  });

  it("passes with enough well-formed items: patent numbers, DOIs, URLs or a signed attestation", () => {
    expect([
      verdictOf("CN202310123456.7"),
      verdictOf(["10.1145/3600006.3613165"]),
      verdictOf("https://github.com/kata-containers/kata-containers/pull/1"),
      verdictOf("计算机软件著作权登记号 2025SR0123456（调度系统 V1.0）"),
      verdictOf({
        attestation: "软件著作权登记号 2024SR0123456 已受理",
        attested_by: "李伟 教授, 项目负责人",
      }),
    ]).toEqual(["pass", "pass", "pass", "pass", "pass"]);
  });

  it("lists a signed attestation with who attests, and refuses an unsigned sentence", () => {
    const signed = judgeDeliverable(patents, {
      requirement: patents.id,
      evidence: {
        attestation: "Prototype demonstrated to the program office",
        attested_by: "Dr. Wang Fang, PI",
        date: "2025-06-30",
      },
    });
    expect(signed.deliverable?.evidence).toEqual([
      "Prototype demonstrated to the program office — attested by Dr. Wang Fang, PI, 2025-06-30",
    ]);
    const unsigned = judgeDeliverable(patents, {
      requirement: patents.id,
      evidence: "软件著作权已受理，正在登记中",
    });
    expect([unsigned.verdict, unsigned.findings.map((f) => f.code)]).toEqual([
      "invalid",
      ["DELIVERABLE_EVIDENCE_UNREADABLE"],
    ]);
  });

  it("rejects placeholders as evidence", () => {
    expect([
      verdictOf("TBD"),
      verdictOf("todo later"),
      verdictOf({ attestation: "TBD", attested_by: "Dr. Wang Fang" }),
      verdictOf({ attestation: "Prototype demonstrated to the program office", attested_by: "n/a" }),
    ]).toEqual(["invalid", "invalid", "invalid", "invalid"]);
  });

  it("fails when fewer items are declared than the topic asks", () => {
    expect(
      judgeDeliverable({ ...patents, count: 2 }, { requirement: patents.id, evidence: "CN202310123456.7" })
        .verdict,
    ).toBe("fail");
  });
});
