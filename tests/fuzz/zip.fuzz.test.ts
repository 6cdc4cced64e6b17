import fc from "fast-check";
import { zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { isClaimcheckError } from "../../src/model/errors.ts";
import { prepareZipSubmission } from "../../src/server/build-submission.ts";
import { HttpError } from "../../src/server/http-error.ts";
import { parseZip } from "../../src/server/parse-zip.ts";

const LIMITS = { maxUploadBytes: 1 << 20, maxZipEntries: 20, maxUnzippedBytes: 1 << 20 };
const MANIFEST = new TextEncoder().encode(
  'topic: "1.2"\nteam: Team A\nevidence:\n  candidate: candidate.csv\n',
);
const GOOD = zipSync({
  "claimcheck.yaml": MANIFEST,
  "candidate.csv": new TextEncoder().encode("a,b\n1,2\n"),
});

describe("zipped submissions under fuzzing: a 4xx HttpError or an input error, nothing else", () => {
  it("answers 400 for a central-directory name that runs past the end (found by this fuzzer: was a RangeError)", async () => {
    const bytes = GOOD.slice();
    const view = new DataView(bytes.buffer);
    const central = bytes.findIndex(
      (_, i) => i + 4 <= bytes.length && view.getUint32(i, true) === 0x02014b50,
    );
    view.setUint16(central + 28, 0xffff, true);
    await expect(parseZip(bytes, LIMITS)).rejects.toThrowError(
      new HttpError(
        400,
        "The submission is not a readable zip file; create it again with `zip -r submission.zip .`.",
      ),
    );
  });

  it("survives flipped, cut and overwritten bytes of a good zip and random bytes after a zip signature", async () => {
    const damaged = fc.oneof(
      fc
        .array(fc.tuple(fc.nat(GOOD.length - 1), fc.integer({ min: 0, max: 255 })), {
          minLength: 1,
          maxLength: 8,
        })
        .map((edits) => {
          const bytes = GOOD.slice();
          for (const [at, value] of edits) bytes[at] = value;
          return bytes;
        }),
      fc.nat(GOOD.length).map((n) => GOOD.slice(0, n)),
      fc.uint8Array({ maxLength: 2048 }).map((tail) => Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...tail])),
    );
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(damaged, async (bytes) => {
        runs++;
        try {
          await parseZip(bytes, LIMITS);
          await prepareZipSubmission(
            { kind: "zip", topic: undefined, zip: { field: "submission", name: "s.zip", bytes, sha256: "" } },
            "Team A",
            LIMITS,
          );
        } catch (error) {
          if (error instanceof HttpError) expect(error.status).toBeGreaterThanOrEqual(400);
          else if (!(isClaimcheckError(error) && error.code !== "E_INTERNAL")) throw error;
          expect(error instanceof HttpError && error.status >= 500).toBe(false);
        }
      }),
      { seed: 20240, numRuns: 20_000, interruptAfterTimeLimit: 4_000 },
    );
    process.stderr.write(`zip fuzzing: ${runs} damaged zips, crashes: 0\n`);
  });
});
