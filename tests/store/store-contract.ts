import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Report } from "../../src/model/report.ts";
import type { NewSubmission, Store } from "../../src/store/store.ts";

/** The behaviour every Store implementation must have; run it against each one with a fresh store per test. */
export function describeStoreContract(name: string, openStore: () => Promise<Store>): void {
  describe(`${name} (store contract)`, () => {
    it("returns a saved submission with its report, inputs and verdict", async () => {
      const store = await openStore();
      const saved = await store.saveSubmission(submission("Team A", "a,b\n1,2\n"));
      expect(await store.getSubmission(saved.id)).toEqual({
        id: saved.id,
        topic: "1.2",
        team: "Team A",
        createdAt: "2026-08-01T10:00:00.000Z",
        verdict: "fail",
        mode: "quick",
        report: REPORT,
        inputs: [{ role: "candidate", path: "candidate.csv", sha256: sha("a,b\n1,2\n"), size: 8 }],
        waivers: [],
      });
    });

    it("keeps one copy of an input uploaded twice and reads its bytes back", async () => {
      const store = await openStore();
      const first = await store.saveSubmission(submission("Team A", "same"));
      const second = await store.saveSubmission(submission("Team B", "same"));
      expect(first.id).not.toBe(second.id);
      expect(await store.readInput(sha("same"))).toEqual(new TextEncoder().encode("same"));
      expect(await store.readInput(sha("other"))).toBeUndefined();
    });

    it("lists submissions oldest first, filtered by topic and team", async () => {
      const store = await openStore();
      const a1 = await store.saveSubmission(submission("Team A", "1"));
      const b1 = await store.saveSubmission(submission("Team B", "2"));
      const a2 = await store.saveSubmission(submission("Team A", "3"));
      await store.saveSubmission({ ...submission("Team A", "4"), topic: "3.2" });
      expect((await store.listSubmissions({ topic: "1.2" })).map((s) => s.id)).toEqual([a1.id, b1.id, a2.id]);
      expect(await store.listSubmissions({ topic: "1.2", team: "Team A" })).toEqual([a1, a2]);
      expect(await store.listSubmissions()).toHaveLength(4);
    });

    it("records a waiver with the new verdict, and refuses one for an unknown submission", async () => {
      const store = await openStore();
      const saved = await store.saveSubmission(submission("Team A", "x"));
      const waiver = {
        requirement: "1.2/ttft-p99-regression",
        reason: "Trace replaced by the officer's",
        officer: "Dr. Li",
        createdAt: "2026-08-02T09:00:00.000Z",
      };
      expect(await store.addWaiver(saved.id, waiver, "waived")).toBe(true);
      expect(await store.addWaiver("no-such-id", waiver, "waived")).toBe(false);
      const record = await store.getSubmission(saved.id);
      expect([record?.verdict, record?.waivers]).toEqual(["waived", [waiver]]);
      expect((await store.listSubmissions())[0]?.verdict).toBe("waived");
    });

    it("finds a token by its value, never stores the value, and knows no other token", async () => {
      const store = await openStore();
      const team = await store.createToken({ role: "team", team: "示例大学" }, "2026-08-01T00:00:00.000Z");
      const officer = await store.createToken(
        { role: "officer", name: "Dr. Li" },
        "2026-08-01T00:00:00.000Z",
      );
      expect(team).toMatch(/^cc_[A-Za-z0-9_-]{43}$/);
      expect(await store.findToken(team)).toEqual({
        role: "team",
        team: "示例大学",
        createdAt: "2026-08-01T00:00:00.000Z",
      });
      expect(await store.findToken(officer)).toEqual({
        role: "officer",
        name: "Dr. Li",
        createdAt: "2026-08-01T00:00:00.000Z",
      });
      expect(await store.findToken(`${team}x`)).toBeUndefined();
    });

    it("keeps one publication per topic, the latest replacing the earlier, until it is deleted", async () => {
      const store = await openStore();
      const first = {
        topic: "1.2",
        select: "latest" as const,
        deadline: "2026-09-01T00:00:00.000Z",
        full: false,
        submissionIds: ["a", "b"],
        officer: "Dr. Li",
        publishedAt: "2026-09-01T08:00:00.000Z",
      };
      const second = { ...first, select: "chosen" as const, full: true, submissionIds: ["c"] };
      const { deadline: _, ...withoutDeadline } = second;
      await store.savePublication(first);
      const afterFirst = await store.getPublication("1.2");
      await store.savePublication(withoutDeadline);
      expect([afterFirst, await store.getPublication("1.2"), await store.getPublication("3.2")]).toEqual([
        first,
        withoutDeadline,
        undefined,
      ]);
      expect([await store.deletePublication("1.2"), await store.deletePublication("1.2")]).toEqual([
        true,
        false,
      ]);
      expect(await store.getPublication("1.2")).toBeUndefined();
    });

    it("records each team's chosen submission of a topic, a later choice replacing the earlier", async () => {
      const store = await openStore();
      const a1 = await store.saveSubmission(submission("Team A", "1"));
      const a2 = await store.saveSubmission(submission("Team A", "2"));
      const b1 = await store.saveSubmission(submission("Team B", "3"));
      const chosen = [
        await store.saveChoice(a2.id),
        await store.saveChoice(b1.id),
        await store.saveChoice(a1.id),
        await store.saveChoice("no-such-id"),
      ];
      expect([chosen, await store.listChoices("1.2"), await store.listChoices("3.2")]).toEqual([
        [true, true, true, false],
        [
          { topic: "1.2", team: "Team A", submissionId: a1.id },
          { topic: "1.2", team: "Team B", submissionId: b1.id },
        ],
        [],
      ]);
    });

    it("opens a session for a known token only, finds it until it expires, and forgets it when deleted", async () => {
      const store = await openStore();
      const token = await store.createToken({ role: "team", team: "Team A" }, "2026-08-01T00:00:00.000Z");
      const session = await store.createSession(
        token,
        "2026-08-01T10:00:00.000Z",
        "2026-08-01T22:00:00.000Z",
      );
      const unknown = await store.createSession(
        "cc_unknown",
        "2026-08-01T10:00:00.000Z",
        "2026-08-02T00:00:00.000Z",
      );
      const found = async (at: string) => store.findSession(session ?? "", at);
      expect({
        id: /^cs_[A-Za-z0-9_-]{43}$/.test(session ?? ""),
        unknown,
        before: await found("2026-08-01T21:59:59.000Z"),
        expired: await found("2026-08-01T22:00:00.000Z"),
        asToken: await store.findToken(session ?? ""),
        tokenAsSession: await store.findSession(token, "2026-08-01T12:00:00.000Z"),
      }).toEqual({
        id: true,
        unknown: undefined,
        before: { role: "team", team: "Team A", createdAt: "2026-08-01T00:00:00.000Z" },
        expired: undefined,
        asToken: undefined,
        tokenAsSession: undefined,
      });
      await store.deleteSession(session ?? "");
      expect(await found("2026-08-01T12:00:00.000Z")).toBeUndefined();
    });

    it("returns undefined for an unknown submission id", async () => {
      const store = await openStore();
      expect(await store.getSubmission("nope")).toBeUndefined();
    });
  });
}

export const REPORT = {
  schema: "claimcheck/report@1",
  tool: { name: "claimcheck", version: "0.0.0" },
  generatedAt: "2026-08-01T10:00:00.000Z",
  verdict: "fail",
  counts: { pass: 0, fail: 1, inconclusive: 0, missing: 0, invalid: 0, waived: 0 },
  submission: {
    topic: "1.2",
    team: "Team A",
    topic_title: { en: "On-demand GPU memory", zh: "动态显存" },
    system: {},
    mode: "quick",
  },
  inputs: [],
  requirements: [],
  findings: [],
  statistics: [],
} satisfies Report;

export function sha(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

function submission(team: string, content: string): NewSubmission {
  return {
    topic: "1.2",
    team,
    createdAt: "2026-08-01T10:00:00.000Z",
    mode: "quick",
    report: REPORT,
    inputs: [
      {
        role: "candidate",
        path: "candidate.csv",
        sha256: sha(content),
        bytes: new TextEncoder().encode(content),
      },
    ],
  };
}
