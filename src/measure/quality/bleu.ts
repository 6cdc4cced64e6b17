/** sacreBLEU tokenizers claimcheck reproduces: `13a` (default), `zh` (Chinese), `none`. */
export type BleuTokenizer = "13a" | "zh" | "none";

/** Per-segment BLEU sufficient statistics: correct[1..4], total[1..4], hypothesis and reference length. */
export const BLEU_STATS = 10;

export interface BleuResult {
  /** 0–100, as sacreBLEU prints it. */
  score: number;
  precisions: number[];
  bp: number;
  sysLen: number;
  refLen: number;
}

/** sacreBLEU's tokenization of one segment. */
export function tokenizeForBleu(line: string, tokenizer: BleuTokenizer): string[] {
  if (tokenizer === "none") return line.split(/\s+/).filter((t) => t !== "");
  if (tokenizer === "zh") return regexpTokenize(separateChinese(line.trim()));
  const cleaned = line
    .replaceAll("<skipped>", "")
    .replaceAll("-\n", "")
    .replaceAll("\n", " ")
    .replaceAll("&quot;", '"')
    .replaceAll("&amp;", "&")
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">");
  return regexpTokenize(` ${cleaned} `);
}

/**
 * The statistics of one hypothesis against its references (sacreBLEU `BLEU._compute_segment_statistics`):
 * n-gram matches clipped by the maximum count in any reference, and the closest reference length
 * (the shorter on a tie).
 */
export function computeBleuStatistics(hypothesis: string[], references: string[][]): Float64Array {
  const stats = new Float64Array(BLEU_STATS);
  const maxRef = new Map<string, number>();
  for (const ref of references)
    for (const [gram, count] of countNgrams(ref)) maxRef.set(gram, Math.max(maxRef.get(gram) ?? 0, count));
  for (const [gram, count] of countNgrams(hypothesis)) {
    const n = gram.split("\u0000").length;
    stats[n - 1] = (stats[n - 1] as number) + Math.min(count, maxRef.get(gram) ?? 0);
    stats[3 + n] = (stats[3 + n] as number) + count;
  }
  stats[8] = hypothesis.length;
  stats[9] = closestLength(hypothesis.length, references);
  return stats;
}

/** Corpus BLEU from summed statistics, smooth `exp`, as sacreBLEU's `compute_bleu` (4-grams, no effective order). */
export function computeBleu(stats: ArrayLike<number>): BleuResult {
  const precisions = [0, 0, 0, 0];
  let smooth = 1;
  for (let n = 1; n <= 4; n++) {
    const correct = stats[n - 1] as number;
    const totalGrams = stats[3 + n] as number;
    if (totalGrams === 0) break;
    if (correct === 0) {
      smooth *= 2;
      precisions[n - 1] = 100 / (smooth * totalGrams);
    } else precisions[n - 1] = (100 * correct) / totalGrams;
  }
  const sysLen = stats[8] as number;
  const refLen = stats[9] as number;
  const bp = sysLen < refLen ? (sysLen > 0 ? Math.exp(1 - refLen / sysLen) : 0) : 1;
  // sacreBLEU's my_log: log(0) is -9999999999, so a missing order drives the score to 0.
  const logs = precisions.map((p) => (p === 0 ? -9999999999 : Math.log(p)));
  const score = bp * Math.exp(logs.reduce((a, b) => a + b, 0) / 4);
  return { score, precisions, bp, sysLen, refLen };
}

// --- internal ---

/** sacreBLEU `TokenizerRegexp`, the post-tokenizer of `13a` and `zh`. */
function regexpTokenize(line: string): string[] {
  return line
    .replace(/([{-~[-` -&(-+:-@/])/g, " $1 ")
    .replace(/([^0-9])([.,])/g, "$1 $2 ")
    .replace(/([.,])([^0-9])/g, " $1 $2")
    .replace(/([0-9])(-)/g, "$1 $2 ")
    .trim()
    .split(/\s+/)
    .filter((t) => t !== "");
}

/**
 * sacreBLEU `TokenizerZh._is_chinese_char` ranges. Two of its ranges are written `'\u20000'` and
 * `'\u2f800'`, which Python reads as a BMP character plus a digit, so they really cover U+2001–U+2A6D
 * and U+2F81–U+2FA1 (general punctuation, arrows, math symbols…); copied as they behave.
 */
const ZH_RANGES: ReadonlyArray<[number, number]> = [
  [0x3400, 0x4db5],
  [0x4e00, 0x9fa5],
  [0x9fa6, 0x9fbb],
  [0xf900, 0xfa2d],
  [0xfa30, 0xfa6a],
  [0xfa70, 0xfad9],
  [0x2001, 0x2a6d],
  [0x2f81, 0x2fa1],
  [0xff00, 0xffef],
  [0x2e80, 0x2eff],
  [0x3000, 0x303f],
  [0x31c0, 0x31ef],
  [0x2f00, 0x2fdf],
  [0x2ff0, 0x2fff],
  [0x3100, 0x312f],
  [0x31a0, 0x31bf],
  [0xfe10, 0xfe1f],
  [0xfe30, 0xfe4f],
  [0x2600, 0x26ff],
  [0x2700, 0x27bf],
  [0x3200, 0x32ff],
  [0x3300, 0x33ff],
];

function separateChinese(line: string): string {
  let out = "";
  for (const char of line) {
    const code = char.codePointAt(0) as number;
    out += ZH_RANGES.some(([lo, hi]) => code >= lo && code <= hi) ? ` ${char} ` : char;
  }
  return out;
}

function countNgrams(tokens: string[]): Map<string, number> {
  const grams = new Map<string, number>();
  for (let n = 1; n <= 4; n++)
    for (let i = 0; i + n <= tokens.length; i++) {
      const gram = tokens.slice(i, i + n).join("\u0000");
      grams.set(gram, (grams.get(gram) ?? 0) + 1);
    }
  return grams;
}

function closestLength(hypLen: number, references: string[][]): number {
  let best = Number.POSITIVE_INFINITY;
  let bestDiff = Number.POSITIVE_INFINITY;
  for (const ref of references) {
    const diff = Math.abs(hypLen - ref.length);
    if (diff < bestDiff || (diff === bestDiff && ref.length < best)) {
      bestDiff = diff;
      best = ref.length;
    }
  }
  return best === Number.POSITIVE_INFINITY ? 0 : best;
}
