/** Caption lines under a chart, wrapped to its width (chart.js draws text but never wraps it). */
export function wrapCaption(sentences: string[], width: number, fontPx: number): string[] {
  return sentences.flatMap((sentence) => wrapOne(sentence, width, fontPx));
}

// --- internal ---

/**
 * Greedy wrapping on an estimated width: CJK glyphs are one em wide, Latin ones about 0.5 em in
 * Source Han Sans. Breaks at spaces, or between any two CJK characters (Chinese has no spaces).
 */
function wrapOne(sentence: string, width: number, fontPx: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const piece of sentence.match(/[\u3000-\u9fff\uff00-\uffef]|[^\s\u3000-\u9fff\uff00-\uffef]+|\s+/g) ??
    []) {
    const next = line + piece;
    if (estimateWidth(next, fontPx) > width && line.trim() !== "") {
      lines.push(line.trimEnd());
      line = piece.trimStart();
    } else line = next;
  }
  if (line.trim() !== "") lines.push(line.trimEnd());
  return lines;
}

function estimateWidth(text: string, fontPx: number): number {
  let ems = 0;
  for (const char of text) ems += /[\u3000-\u9fff\uff00-\uffef]/.test(char) ? 1 : 0.5;
  return ems * fontPx;
}
