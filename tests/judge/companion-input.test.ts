import { describe, expect, it } from "vitest";
import { joinCompanion } from "../../src/judge/companion-input.ts";
import { prepareInput } from "../../src/judge/prepare-input.ts";
import { textFile } from "../formats/serving/serving-test-helpers.ts";

// One request of perf_analyzer's profile_export.json: sent at 0 ns, content at 40 and 100 ms, so TTFT is
// 40 ms and E2E 100 ms; a GenAI-Perf summary of the same run that says TTFT and E2E otherwise is
// caught by the summary check, as when a file holds both itself.
const EXPORT = `{"service_kind": "openai", "endpoint": "v1/completions", "experiments": [{"experiment": {"mode": "concurrency", "value": 1}, "requests": [
{"timestamp": 0, "request_inputs": {"payload": "{}"}, "response_timestamps": [40000000, 100000000], "response_outputs": [{"response": "data: {\\"choices\\":[{\\"text\\":\\"a\\"}]}\\n\\n"}, {"response": "data: {\\"choices\\":[{\\"text\\":\\"b\\"}]}\\n\\n"}]}]}]}`;
const summary = (ttft: number) => `{
  "request_latency": { "unit": "ms", "avg": 100.0, "p99": 100.0 },
  "time_to_first_token": { "unit": "ms", "avg": ${ttft}, "p99": ${ttft} },
  "inter_token_latency": { "unit": "ms", "avg": 60.0, "p99": 60.0 },
  "request_count": { "unit": "count", "avg": 1 }
}
`;
const input = (path: string, text: string) =>
  prepareInput({ role: "candidate", file: textFile(path, text), sha256: "" });

describe("joinCompanion", () => {
  it("adds the companion's statistics and finds nothing when its TTFT and E2E match the rows", () => {
    const joined = joinCompanion(input("e.json", EXPORT), input("s.json", summary(40)));
    expect([
      joined.parsed.reported?.map((s) => `${s.metric}.${s.statistic}`),
      joined.parsed.findings.map((f) => f.code),
    ]).toEqual([
      ["ttft_ms.mean", "ttft_ms.p99", "e2e_ms.mean", "e2e_ms.p99", "tpot_ms.mean", "tpot_ms.p99"],
      ["GENAI_PERF_NO_TOKEN_COUNTS"],
    ]);
  });

  it("warns when the companion's TTFT disagrees with the TTFT recomputed from the timestamps", () => {
    const joined = joinCompanion(input("e.json", EXPORT), input("s.json", summary(90)));
    expect(joined.parsed.findings.map((f) => [f.code, f.severity, f.location?.path])).toEqual([
      ["GENAI_PERF_NO_TOKEN_COUNTS", "info", "e.json"],
      ["SUMMARY_MISMATCH", "warning", "s.json"],
      ["SUMMARY_MISMATCH", "warning", "s.json"],
    ]);
  });
});
