import { describe, expect, it } from "vitest";
import { judgeDeliverable } from "../../src/judge/judge-deliverable.ts";
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

const verdictOf = (evidence?: string | string[]) =>
  judgeDeliverable(patents, evidence === undefined ? undefined : { requirement: patents.id, evidence })
    .verdict;

describe("judgeDeliverable", () => {
  it("is missing without declared evidence, never passed by default", () => {
    expect(verdictOf()).toBe("missing");
  });

  it("passes with enough well-formed items: patent numbers, DOIs, URLs or an attestation sentence", () => {
    expect([
      verdictOf("CN202310123456.7"),
      verdictOf(["10.1145/3600006.3613165"]),
      verdictOf("https://github.com/kata-containers/kata-containers/pull/1"),
      verdictOf("软件著作权登记号 2024SR0123456 已受理"),
    ]).toEqual(["pass", "pass", "pass", "pass"]);
  });

  it("rejects placeholders as evidence", () => {
    expect([verdictOf("TBD"), verdictOf("todo later")]).toEqual(["invalid", "invalid"]);
  });

  it("fails when fewer items are declared than the topic asks", () => {
    expect(
      judgeDeliverable({ ...patents, count: 2 }, { requirement: patents.id, evidence: "CN202310123456.7" })
        .verdict,
    ).toBe("fail");
  });
});
