/** Precision, recall and F1 of one ROUGE comparison, as `rouge-score`'s `Score`. */
export interface RougeScore {
  precision: number;
  recall: number;
  fmeasure: number;
}

/**
 * ROUGE tokenizers:
 * - `default`: google-research `rouge-score` without stemming: lowercase, every run of characters
 *   outside [a-z0-9] is a separator. Chinese text becomes no tokens at all (every score 0).
 * - `char`: the same for Latin text, but every Han, Hiragana or Katakana character is a token of its
 *   own and other letters (Cyrillic, Hangul, accented Latin) stay in words (the LCSTS convention).
 * - `whitespace`: lowercase and split on whitespace, for text the team segmented itself (jieba), as
 *   the pip `rouge` package that LongBench's `rouge_zh_score` calls does.
 */
export type RougeTokenizer = "default" | "char" | "whitespace";

export function tokenizeForRouge(text: string, tokenizer: RougeTokenizer): string[] {
  const lower = text.toLowerCase();
  if (tokenizer === "default")
    return lower
      .replace(/[^a-z0-9]+/g, " ")
      .split(" ")
      .filter((t) => t !== "");
  if (tokenizer === "whitespace") return lower.split(/\s+/).filter((t) => t !== "");
  return lower.match(CHAR_TOKENS) ?? [];
}

/** True when the text has a Han, Hiragana or Katakana character (what an English tokenizer drops). */
export function containsCjk(text: string): boolean {
  return CJK.test(text);
}

/** ROUGE-N as `rouge-score`: clipped n-gram overlap; P and R divide by max(count, 1). */
export function scoreRougeN(target: string[], prediction: string[], n: number): RougeScore {
  const targetGrams = countNgrams(target, n);
  const predictionGrams = countNgrams(prediction, n);
  let overlap = 0;
  for (const [gram, count] of targetGrams) overlap += Math.min(count, predictionGrams.get(gram) ?? 0);
  const precision = overlap / Math.max(total(predictionGrams), 1);
  const recall = overlap / Math.max(total(targetGrams), 1);
  return { precision, recall, fmeasure: fmeasure(precision, recall) };
}

/** ROUGE-L as `rouge-score` (`_score_lcs`): LCS over the whole token sequences; 0 if either is empty. */
export function scoreRougeL(target: string[], prediction: string[]): RougeScore {
  if (target.length === 0 || prediction.length === 0) return { precision: 0, recall: 0, fmeasure: 0 };
  const lcs = lcsLength(target, prediction);
  const precision = lcs / prediction.length;
  const recall = lcs / target.length;
  return { precision, recall, fmeasure: fmeasure(precision, recall) };
}

// --- internal ---

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const CHAR_TOKENS =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|(?:(?![\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}])[\p{L}\p{N}])+/gu;

function countNgrams(tokens: string[], n: number): Map<string, number> {
  const grams = new Map<string, number>();
  for (let i = 0; i + n <= tokens.length; i++) {
    const gram = tokens.slice(i, i + n).join("\u0000");
    grams.set(gram, (grams.get(gram) ?? 0) + 1);
  }
  return grams;
}

function total(grams: Map<string, number>): number {
  let sum = 0;
  for (const count of grams.values()) sum += count;
  return sum;
}

function fmeasure(precision: number, recall: number): number {
  return precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
}

/** LCS length with two rolling rows, so long documents cost O(m) memory. */
function lcsLength(a: string[], b: string[]): number {
  let previous = new Int32Array(b.length + 1);
  let current = new Int32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      current[j] =
        a[i - 1] === b[j - 1]
          ? (previous[j - 1] as number) + 1
          : Math.max(previous[j] as number, current[j - 1] as number);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length] as number;
}
