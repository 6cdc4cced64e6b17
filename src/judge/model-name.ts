import type { MessageRef } from "../model/message.ts";

/** A model name reduced to what identifies the weights: family, size and the normalised name. */
export interface ModelName {
  text: string;
  /** Lower case, no org prefix or path, no packaging words (`instruct`, `awq`, …), `-`-joined. */
  normalised: string;
  family?: string;
  /** Parameters in billions (`8x7b` → 56, `135m` → 0.135). */
  sizeB?: number;
}

/** How two model names relate: the same weights, plainly different models, or unclear. */
export type ModelRelation = "same" | "different" | "unclear";

/** Reads `Qwen/Qwen2.5-72B-Instruct`, `/models/Llama-3.1-70B-Instruct-AWQ`, `llama 3.1 70B` alike. */
export function parseModelName(text: string): ModelName {
  const base =
    text
      .replace(/\([^)]*\)/g, " ")
      .trim()
      .toLowerCase()
      .split("/")
      .pop() ?? "";
  const tokens = base.split(/[\s_-]+/).filter((t) => t !== "" && !PACKAGING.has(t));
  const normalised = tokens.join("-");
  const out: ModelName = { text, normalised };
  const family = FAMILIES.find((f) => normalised.includes(f));
  if (family !== undefined) out.family = family;
  const size = readSize(normalised);
  if (size !== undefined) out.sizeB = size;
  return out;
}

/**
 * `different` when the families differ or the sizes are more than 1.5× apart (3 B vs 70 B; 7 B vs
 * 8 B is one family's two sizes, not plainly another model); `same` when the normalised names agree
 * or one extends the other (`qwen2.5-72b` and `qwen2.5-72b-agents`); otherwise `unclear`.
 */
export function compareModelNames(a: ModelName, b: ModelName): ModelRelation {
  if (a.normalised === "" || b.normalised === "") return "unclear";
  if (a.family !== undefined && b.family !== undefined && a.family !== b.family) return "different";
  if (a.sizeB !== undefined && b.sizeB !== undefined) {
    const ratio = Math.max(a.sizeB, b.sizeB) / Math.min(a.sizeB, b.sizeB);
    if (ratio > 1.5) return "different";
  }
  const [x, y] = [a.normalised, b.normalised];
  return x === y || x.startsWith(`${y}-`) || y.startsWith(`${x}-`) ? "same" : "unclear";
}

/** The sizes and families a name shows, as a reader would say them: `llama, 70 B`. */
export function describeModel(name: ModelName): string {
  const parts = [name.family, name.sizeB === undefined ? undefined : `${name.sizeB} B`].filter(
    (p) => p !== undefined,
  );
  return parts.length === 0 ? "family and size not readable" : parts.join(", ");
}

/** `describeModel` as a catalog message (`model_desc.*`): the family is a name and stays as written. */
export function describeModelRef(name: ModelName): MessageRef {
  const text = describeModel(name);
  const size = name.sizeB === undefined ? undefined : name.sizeB;
  if (name.family !== undefined && size !== undefined)
    return { key: "model_desc.family_size", params: { family: name.family, size }, text };
  if (name.family !== undefined) return { key: "model_desc.family", params: { family: name.family }, text };
  if (size !== undefined) return { key: "model_desc.size", params: { size }, text };
  return { key: "model_desc.unreadable", text };
}

/**
 * The model names in a free-text `system.model` ("Qwen2.5-1.5B + 4 LoRA adapters, Llama-3.2-3B"):
 * the pieces between `,`, `+`, `;` and `&` that show a family or a size.
 */
export function splitModelList(text: string): ModelName[] {
  return text
    .split(/[,+;&]/)
    .map((piece) => parseModelName(piece))
    .filter((name) => name.family !== undefined);
}

// --- internal ---

/** Words that name packaging, tuning or quantisation, not other weights. */
const PACKAGING = new Set([
  "meta",
  "instruct",
  "chat",
  "it",
  "hf",
  "base",
  "awq",
  "gptq",
  "gguf",
  "fp8",
  "fp16",
  "bf16",
  "int4",
  "int8",
  "w4a16",
  "w8a8",
  "dynamic",
  "quantized",
]);

/** Families of open models teams serve; the first found in the normalised name wins. */
const FAMILIES = [
  "llama",
  "qwen",
  "mixtral",
  "mistral",
  "deepseek",
  "gemma",
  "phi",
  "glm",
  "baichuan",
  "internlm",
  "falcon",
  "minicpm",
  "granite",
  "olmo",
  "yi-",
  "gpt",
  "opt-",
];

function readSize(name: string): number | undefined {
  const moe = /(?:^|[^a-z0-9.])(\d+)x(\d+(?:\.\d+)?)b(?![a-z])/.exec(name);
  if (moe !== null) return Number(moe[1]) * Number(moe[2]);
  const plain = /(?:^|[^a-z0-9.])(\d+(?:\.\d+)?)([bm])(?![a-z])/.exec(name);
  if (plain === null) return undefined;
  return plain[2] === "m" ? Number(plain[1]) / 1000 : Number(plain[1]);
}
