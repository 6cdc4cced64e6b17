import { describe, expect, it } from "vitest";
import { decideQuota, quotaWindowStart } from "../../src/server/upload-quota.ts";

describe("upload quota decision", () => {
  it("counts the starts of the hour before, and says when the oldest leaves it, in whole seconds, at least one", () => {
    const at = new Date("2026-08-01T10:30:00.000Z");
    expect([
      quotaWindowStart(at),
      decideQuota({ taken: true }, at),
      decideQuota({ taken: false, oldestStart: "2026-08-01T09:45:00.000Z" }, at),
      decideQuota({ taken: false, oldestStart: "2026-08-01T09:30:00.500Z" }, at),
      decideQuota({ taken: false, oldestStart: "2026-08-01T09:30:00.000Z" }, at),
    ]).toEqual([
      "2026-08-01T09:30:00.000Z",
      { allowed: true },
      { allowed: false, retryAfterSeconds: 900 },
      { allowed: false, retryAfterSeconds: 1 },
      { allowed: false, retryAfterSeconds: 1 },
    ]);
  });
});
