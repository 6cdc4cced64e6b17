import { describe, expect, it } from "vitest";
import { compareModelNames, parseModelName, splitModelList } from "../../src/judge/model-name.ts";

const relation = (a: string, b: string) => compareModelNames(parseModelName(a), parseModelName(b));

describe("parseModelName", () => {
  it("drops the org prefix or path, case and packaging words, and reads family and size", () => {
    expect(
      [
        "meta-llama/Llama-3.2-3B-Instruct",
        "/models/Qwen2.5-72B-Instruct-AWQ",
        "Qwen2.5-7B-Instruct (offline batch)",
        "mistralai/Mixtral-8x7B-Instruct-v0.1",
        "HuggingFaceTB/SmolLM2-135M",
      ].map((name) => {
        const { text: _text, ...rest } = parseModelName(name);
        return rest;
      }),
    ).toEqual([
      { normalised: "llama-3.2-3b", family: "llama", sizeB: 3 },
      { normalised: "qwen2.5-72b", family: "qwen", sizeB: 72 },
      { normalised: "qwen2.5-7b", family: "qwen", sizeB: 7 },
      { normalised: "mixtral-8x7b-v0.1", family: "mixtral", sizeB: 56 },
      { normalised: "smollm2-135m", sizeB: 0.135 },
    ]);
  });
});

describe("compareModelNames", () => {
  it("calls a log of another size or family plainly different, and a packaging change the same", () => {
    expect([
      relation("meta-llama/Llama-3.2-3B-Instruct", "Llama-3.1-70B-Instruct"),
      relation("Qwen/Qwen2.5-72B-Instruct", "meta-llama/Llama-3.1-70B-Instruct"),
      relation("Qwen/Qwen2.5-72B-Instruct", "qwen2.5-72b-instruct-awq"),
      relation("Qwen/Qwen2.5-72B-Instruct", "Qwen2.5-72B-Instruct agents"),
      relation("meta-llama/Llama-3.3-70B-Instruct", "Llama-3.1-70B-Instruct"),
      relation("meta-llama/Meta-Llama-3-8B-Instruct", "Llama-3-8B"),
      relation("Qwen/Qwen3-8B", "Qwen3-7B"),
    ]).toEqual(["different", "different", "same", "same", "unclear", "same", "unclear"]);
  });

  it("reads the model names of a free-text system.model", () => {
    expect(
      splitModelList("Qwen2.5-1.5B + 4 LoRA adapters, Llama-3.2-3B").map((m) => [m.family, m.sizeB]),
    ).toEqual([
      ["qwen", 1.5],
      ["llama", 3],
    ]);
  });
});
