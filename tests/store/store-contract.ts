import { createHash, randomUUID } from "node:crypto";
import { mkdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Report } from "../../src/model/report.ts";
import type { NewSubmission, Store, StoredInput } from "../../src/store/store.ts";

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

    it("deletes the sessions expired by the time a later one is opened, and keeps the live ones", async () => {
      const store = await openStore();
      const token = await store.createToken({ role: "team", team: "Team A" }, "2026-08-01T00:00:00.000Z");
      const short = await store.createSession(token, "2026-08-01T10:00:00.000Z", "2026-08-01T11:00:00.000Z");
      const long = await store.createSession(token, "2026-08-01T10:00:00.000Z", "2026-08-03T10:00:00.000Z");
      const foundBefore = async (session: string | undefined) =>
        (await store.findSession(session ?? "", "2026-08-01T10:30:00.000Z")) !== undefined;
      const before = [await foundBefore(short), await foundBefore(long)];
      await store.createSession(token, "2026-08-01T11:00:00.000Z", "2026-08-01T23:00:00.000Z");
      // Asked at 10:30, when it was still valid: only a deleted row is not found.
      expect({ before, after: [await foundBefore(short), await foundBefore(long)] }).toEqual({
        before: [true, true],
        after: [false, true],
      });
    });

    it("counts a team's upload starts up to the limit, then refuses with the oldest start still counted", async () => {
      const store = await openStore();
      const take = (at: string) => store.takeQuota("Team A", at, hourBefore(at), 2);
      expect([
        await take("2026-08-01T10:00:00.000Z"),
        await take("2026-08-01T10:20:00.000Z"),
        await take("2026-08-01T10:40:00.000Z"),
        await take("2026-08-01T10:59:59.999Z"),
      ]).toEqual([
        { taken: true },
        { taken: true },
        { taken: false, oldestStart: "2026-08-01T10:00:00.000Z" },
        { taken: false, oldestStart: "2026-08-01T10:00:00.000Z" },
      ]);
    });

    it("frees a slot when the oldest start leaves the sliding hour, and counts teams apart", async () => {
      const store = await openStore();
      const take = (team: string, at: string) => store.takeQuota(team, at, hourBefore(at), 2);
      await take("Team A", "2026-08-01T10:00:00.000Z");
      await take("Team A", "2026-08-01T10:20:00.000Z");
      expect([
        await take("Team B", "2026-08-01T10:30:00.000Z"),
        await take("Team A", "2026-08-01T11:00:00.000Z"),
        await take("Team A", "2026-08-01T11:10:00.000Z"),
        await take("Team A", "2026-08-01T11:20:00.000Z"),
        await take("Team B", "2026-08-01T11:20:00.000Z"),
      ]).toEqual([
        { taken: true },
        { taken: true },
        { taken: false, oldestStart: "2026-08-01T10:20:00.000Z" },
        { taken: true },
        { taken: true },
      ]);
    });

    it("admits exactly the limit of many concurrent takes by one team", async () => {
      const store = await openStore();
      const at = "2026-08-01T10:00:00.000Z";
      const takeMany = (team: string) =>
        Promise.all(Array.from({ length: 20 }, () => store.takeQuota(team, at, hourBefore(at), 5)));
      // A first round opens the store's connections, so the second one's takes really overlap.
      const warmUp = await takeMany("Team B");
      const takes = await takeMany("Team A");
      expect([warmUp, takes].map((round) => round.filter((t) => t.taken).length)).toEqual([5, 5]);
      expect(await store.takeQuota("Team A", at, hourBefore(at), 5)).toEqual({
        taken: false,
        oldestStart: at,
      });
    });

    it("returns undefined for an unknown submission id", async () => {
      const store = await openStore();
      expect(await store.getSubmission("nope")).toBeUndefined();
    });

    it("queues an upload, hands its bytes to a worker, and stores the verified submission under the same id", async () => {
      const store = await openStore();
      const { report: _, ...upload } = submission("Team A", "a,b\n1,2\n");
      expect(await store.saveUpload(upload, "u-1")).toEqual({
        id: "u-1",
        topic: "1.2",
        team: "Team A",
        createdAt: "2026-08-01T10:00:00.000Z",
        status: "queued",
        attempts: 0,
      });
      expect(await store.listSubmissions()).toEqual([]);
      expect(await store.startUpload("u-1", "2026-08-01T10:00:01.000Z")).toEqual({
        id: "u-1",
        topic: "1.2",
        team: "Team A",
        createdAt: "2026-08-01T10:00:00.000Z",
        mode: "quick",
        attempts: 1,
        inputs: upload.inputs,
      });
      expect((await store.getUpload("u-1"))?.status).toBe("running");
      const verified = { kind: "verified" as const, report: REPORT };
      expect(await store.finishUpload("u-1", verified, "2026-08-01T10:00:05.000Z")).toBe(true);
      expect(await store.finishUpload("u-1", verified, "2026-08-01T10:00:06.000Z")).toBe(false);
      expect(await store.startUpload("u-1", "2026-08-01T10:00:07.000Z")).toBeUndefined();
      expect(await store.getUpload("u-1")).toEqual({
        id: "u-1",
        topic: "1.2",
        team: "Team A",
        createdAt: "2026-08-01T10:00:00.000Z",
        status: "done",
        attempts: 1,
        finishedAt: "2026-08-01T10:00:05.000Z",
      });
      expect(await store.getSubmission("u-1")).toEqual({
        id: "u-1",
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

    it("ends a rejected upload failed with its findings and report, and keeps neither a submission nor its bytes", async () => {
      const store = await openStore();
      const { report: _, ...upload } = submission("Team A", "bad");
      await store.saveUpload(upload, "u-2");
      await store.startUpload("u-2", "2026-08-01T10:00:01.000Z");
      await store.startUpload("u-2", "2026-08-01T10:00:02.000Z");
      const error = { message: "The evidence has 1 error.", findings: [] };
      expect(
        await store.finishUpload(
          "u-2",
          { kind: "rejected", report: REPORT, error },
          "2026-08-01T10:00:03.000Z",
        ),
      ).toBe(true);
      expect(await store.getUpload("u-2")).toEqual({
        id: "u-2",
        topic: "1.2",
        team: "Team A",
        createdAt: "2026-08-01T10:00:00.000Z",
        status: "failed",
        attempts: 2,
        finishedAt: "2026-08-01T10:00:03.000Z",
        error,
        report: REPORT,
      });
      expect([
        await store.getSubmission("u-2"),
        await store.listSubmissions(),
        await store.readInput(sha("bad")),
      ]).toEqual([undefined, [], undefined]);
    });

    it("keeps a large input whole while an upload uses it, and drops it with the last one that fails", async () => {
      const store = await openStore();
      const content = `a,b\n${"1,2\n".repeat(768 * 1024)}`; // 3 MiB: past the size a file store keeps apart
      const { report: _, ...upload } = submission("Team A", content);
      const failed = { kind: "error" as const, error: { message: "no", findings: [] } };
      // Compared by their SHA-256: a deep comparison of 3 MiB arrays takes minutes.
      const started = async (id: string) =>
        (await store.startUpload(id, "2026-08-01T10:00:01.000Z"))?.inputs.map(({ bytes, ...input }) => ({
          ...input,
          bytes: sha(bytes),
        }));
      const stored = async () => {
        const bytes = await store.readInput(sha(content));
        return bytes === undefined ? undefined : sha(bytes);
      };
      const expected = [
        { role: "candidate", path: "candidate.csv", sha256: sha(content), bytes: sha(content) },
      ];
      await store.saveUpload(upload, "u-big-1");
      await store.saveUpload(upload, "u-big-2");
      expect(await started("u-big-1")).toEqual(expected);
      await store.finishUpload("u-big-1", failed, "2026-08-01T10:00:02.000Z");
      expect(await stored()).toBe(sha(content));
      expect(await started("u-big-2")).toEqual(expected);
      await store.finishUpload("u-big-2", failed, "2026-08-01T10:00:04.000Z");
      expect(await stored()).toBeUndefined();
      await store.saveUpload(upload, "u-big-3");
      expect(await started("u-big-3")).toEqual(expected);
    });

    it("takes a large input spooled to a file in its spool folder, stores it once, and reads it back whole", async () => {
      const store = await openStore();
      // 3.5 MiB: several PostgreSQL chunks and a last short one; a file where a store keeps files.
      const content = `a,b\n${"1,2\n".repeat(896 * 1024)}x`;
      const spooled = async () => {
        await mkdir(store.spoolDir, { recursive: true });
        const path = join(store.spoolDir, `.spool-test-${randomUUID()}`);
        await writeFile(path, content);
        return path;
      };
      const {
        report: _,
        inputs: [input],
        ...upload
      } = submission("Team A", content);
      const { bytes: __, ...ref } = input as StoredInput;
      const first = await spooled();
      const second = await spooled();
      await store.saveUpload(
        { ...upload, inputs: [{ ...ref, spooled: { path: first, size: content.length } }] },
        "u-spool-1",
      );
      // The same bytes again, once spooled and once in memory: one stored copy.
      await store.saveUpload(
        {
          ...upload,
          inputs: [
            { ...ref, spooled: { path: second, size: content.length } },
            { ...(input as StoredInput), role: "baseline" },
          ],
        },
        "u-spool-2",
      );
      for (const path of [first, second]) await rm(path, { force: true });
      const work = await store.startUpload("u-spool-2", "2026-08-01T10:00:01.000Z");
      expect(work?.inputs.map(({ bytes, role }) => ({ role, bytes: sha(bytes) }))).toEqual([
        { role: "candidate", bytes: sha(content) },
        { role: "baseline", bytes: sha(content) },
      ]);
      const stored = await store.readInput(sha(content));
      expect(stored === undefined ? undefined : sha(stored)).toBe(sha(content));
      expect(stored?.length).toBe(content.length);
    });

    it("lists the uploads not yet ended, oldest first", async () => {
      const store = await openStore();
      const { report: _, ...upload } = submission("Team A", "x");
      await store.saveUpload(upload, "u-a");
      await store.saveUpload({ ...upload, createdAt: "2026-08-01T11:00:00.000Z" }, "u-b");
      await store.saveUpload(upload, "u-c");
      await store.finishUpload(
        "u-c",
        { kind: "error", error: { message: "no", findings: [] } },
        "2026-08-01T10:01:00.000Z",
      );
      expect(await store.listUnfinishedUploads("2026-08-01T10:30:00.000Z")).toEqual(["u-a"]);
      expect(await store.listUnfinishedUploads("2026-08-01T12:00:00.000Z")).toEqual(["u-a", "u-b"]);
      expect(await store.getUpload("nope")).toBeUndefined();
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

export function sha(text: string | Uint8Array): string {
  return createHash("sha256").update(text).digest("hex");
}

/** The start of the quota's sliding hour that ends at `at`. */
export function hourBefore(at: string): string {
  return new Date(Date.parse(at) - 3_600_000).toISOString();
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
