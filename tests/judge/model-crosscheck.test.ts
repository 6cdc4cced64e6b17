import { describe, expect, it } from "vitest";
import { checkModelFacts } from "../../src/judge/model-crosscheck.ts";
import { prepareInput } from "../../src/judge/prepare-input.ts";
import { loadFixture } from "./fixture-submission.ts";

const checked = (name: string, model?: string) => {
  const { submission, files } = loadFixture(name);
  const system = model === undefined ? submission.system : { ...submission.system, model };
  const byRole = checkModelFacts(files.map(prepareInput), system);
  return Object.fromEntries(
    [...byRole].map(([role, findings]) => [role, findings.map((f) => [f.code, f.severity, f.location])]),
  );
};

describe("checkModelFacts", () => {
  // Real vLLM results (nerdalert/vllm-bench-automation, see the fixture's claimcheck.yaml) whose
  // model_id is meta-llama/Llama-3.2-3B-Instruct, against a 70 B models.csv and system.model.
  it("puts an error on each log and on the models.csv row it contradicts (fixtures/4.2-model-mismatch)", () => {
    const log = ["MODEL_MISMATCH", "error"];
    expect(checked("4.2-model-mismatch")).toEqual({
      candidate: [
        [...log, { path: "kvcache-rate10.jsonl", column: "model_id" }],
        [...log, { path: "kvcache-rate10.jsonl", column: "model_id" }],
      ],
      models: [[...log, { path: "models.csv", line: 2 }]],
      baseline: [
        [...log, { path: "base-rate10.jsonl", column: "model_id" }],
        [...log, { path: "base-rate10.jsonl", column: "model_id" }],
      ],
    });
  });

  it("says nothing when the declaration names the logged model, and warns when only the version differs", () => {
    const models = loadFixture("4.2-model-mismatch");
    const rows = new TextEncoder().encode(
      "model,parameters_b,bits_per_weight,bytes\nLlama-3.2-3B-Instruct,3.21,16,6425499648\n",
    );
    const files = models.files.map((f) =>
      f.role === "models" ? { ...f, file: { ...f.file, bytes: rows } } : f,
    );
    const same = checkModelFacts(files.map(prepareInput), {
      ...models.submission.system,
      model: "Llama 3.2 3B",
    });
    const version = checkModelFacts(files.map(prepareInput), {
      ...models.submission.system,
      model: "Llama-3.1-3B",
    });
    expect([
      [...same],
      [...version].map(([role, findings]) => [role, findings.map((f) => f.severity)]),
      checked("4.2-pass"),
    ]).toEqual([
      [],
      [
        ["baseline", ["warning"]],
        ["candidate", ["warning"]],
        ["models", ["warning"]],
      ],
      {},
    ]);
  });

  it("puts an error on models.csv when none of its rows is the model system.model declares", () => {
    // fixtures/4.2-pass: models.csv lists Qwen2.5-72B-Instruct and the 7B offline model.
    const error = ["MODEL_MISMATCH", "error", { path: "models.csv", line: 2 }];
    expect([
      checked("4.2-pass", "Llama-3.2-3B-Instruct"),
      checked("4.2-pass", "Qwen2.5-7B-Instruct"),
    ]).toEqual([{ models: [error] }, {}]);
  });
});
