import { createFinding } from "../../model/create-finding.ts";
import type { Finding } from "../../model/finding.ts";
import type { MessageRef } from "../../model/message.ts";
import type { MetricUnavailable } from "../metric.ts";
import type { BleuTokenizer } from "./bleu.ts";
import { containsCjk, type RougeTokenizer } from "./generation.ts";

export interface TokenizerChoice<T extends string> {
  tokenizer: T;
  findings: Finding[];
}

/**
 * The ROUGE tokenizer of the claim's `tokenizer` condition. An English-only tokenizer on Chinese
 * text is an error, not a score of 0; with no declaration, Chinese text gets `char` and a warning.
 */
export function chooseRougeTokenizer(
  declared: unknown,
  texts: readonly string[],
): TokenizerChoice<RougeTokenizer> | MetricUnavailable {
  const name = declared === undefined ? undefined : String(declared).toLowerCase();
  const tokenizer = name === undefined ? undefined : ROUGE_NAMES[name];
  if (name !== undefined && tokenizer === undefined)
    return invalid(
      `ROUGE tokenizer "${name}" is not one claimcheck reproduces; declare char (one token per Chinese character), whitespace (for text you segmented, e.g. with jieba) or default (rouge-score, English only).`,
      { key: "reason.rouge_tokenizer_unknown", params: { name } },
    );
  return decide(tokenizer, "default", "char", texts, "ROUGE", {
    key: "tokenizer_why.rouge",
    text: "rouge-score's default tokenizer deletes every non-ASCII character, so Chinese text scores 0",
  });
}

/** The sacreBLEU tokenizer of the claim's `tokenizer` condition, with the same rule for Chinese. */
export function chooseBleuTokenizer(
  declared: unknown,
  texts: readonly string[],
): TokenizerChoice<BleuTokenizer> | MetricUnavailable {
  const name = declared === undefined ? undefined : String(declared).toLowerCase().replace(/^tok:/, "");
  if (name !== undefined && !BLEU_NAMES.has(name))
    return invalid(
      `BLEU tokenizer "${name}" is not one claimcheck reproduces; declare 13a (sacreBLEU's default), zh (Chinese) or none (pre-tokenized text).`,
      { key: "reason.bleu_tokenizer_unknown", params: { name } },
    );
  return decide(name as BleuTokenizer | undefined, "13a", "zh", texts, "BLEU", {
    key: "tokenizer_why.bleu",
    text: "tok:13a treats a whole unsegmented Chinese clause as one word",
  });
}

// --- internal ---

const ROUGE_NAMES: Record<string, RougeTokenizer> = {
  default: "default",
  "rouge-score": "default",
  char: "char",
  character: "char",
  whitespace: "whitespace",
};
const BLEU_NAMES = new Set(["13a", "zh", "none"]);

function decide<T extends string>(
  declared: T | undefined,
  english: T,
  chinese: T,
  texts: readonly string[],
  family: string,
  why: MessageRef & { text: string },
): TokenizerChoice<T> | MetricUnavailable {
  const cjk = texts.some(containsCjk);
  if (declared === english && cjk)
    return invalid(
      `The texts are Chinese but the ${family} tokenizer is ${english}: ${why.text}. Declare tokenizer ${chinese} and recompute both sides with it.`,
      { key: "reason.generation_tokenizer_english", params: { family, english, why, chinese } },
      [
        createFinding(
          "GENERATION_TOKENIZER_DROPS_CJK",
          "error",
          `${family} with the ${english} tokenizer on Chinese text is meaningless (${why.text}); declare tokenizer: ${chinese}.`,
          undefined,
          { family, english, why, chinese },
        ),
      ],
    );
  if (declared !== undefined) return { tokenizer: declared, findings: [] };
  if (!cjk) return { tokenizer: english, findings: [] };
  return {
    tokenizer: chinese,
    findings: [
      createFinding(
        "GENERATION_TOKENIZER_UNDECLARED",
        "warning",
        `The texts are Chinese and the claim declares no tokenizer; ${family} was computed with ${chinese}. Declare the tokenizer with the claim (condition tokenizer) so both sides use the same one.`,
        undefined,
        { family, chinese },
      ),
    ],
  };
}

function invalid(reason: string, reasonRef: MessageRef, findings: Finding[] = []): MetricUnavailable {
  return findings.length === 0
    ? { unavailable: "invalid", reason, reasonRef }
    : { unavailable: "invalid", reason, reasonRef, findings };
}
