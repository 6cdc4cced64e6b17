import { describe, expect, it } from "vitest";
import { judgeDeliverable } from "../../src/judge/judge-deliverable.ts";
import type { DeliverableRequirement } from "../../src/model/topic.ts";
import { formatTarget } from "../../src/render/text-helpers.ts";

const base: DeliverableRequirement = {
  id: "4.2/paper-or-patents",
  kind: "deliverable",
  title: { en: "≥ 1 CCF-A paper, or ≥ 2 invention patents", zh: "CCF-A 类论文 >= 1 篇，或发明专利 >= 2 项" },
  provenance: "seed",
  any_of: [
    { deliverable: "paper", count: 1, venue: "CCF-A" },
    { deliverable: "patent", count: 2 },
  ],
};

describe("formatTarget of a deliverable", () => {
  it("shows each alternative with its own count, and a single kind as count × kind", () => {
    expect([
      formatTarget(judgeDeliverable(base)),
      formatTarget(judgeDeliverable({ ...base, any_of: undefined, deliverable: "patent", count: 2 })),
    ]).toEqual(["1 × paper or 2 × patent", "2 × patent"]);
  });
});
