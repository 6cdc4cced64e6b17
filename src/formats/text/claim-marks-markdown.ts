import MarkdownIt from "markdown-it";
import markdownItAttrs from "markdown-it-attrs";
import markdownItBracketedSpans from "markdown-it-bracketed-spans";
import type { ClaimMark, ClaimMarksResult } from "../../model/doc-claim.ts";

type Token = ReturnType<MarkdownIt["parse"]>[number];
type InlineRule = Parameters<MarkdownIt["inline"]["ruler"]["push"]>[1];
type Plugin = (md: unknown) => void;

// Both plugins are CommonJS functions whose typings describe them otherwise (a default export; the
// CommonJS typings of markdown-it): what the import gives at run time is the plugin function.
const attributesPlugin = markdownItAttrs as unknown as Plugin;
const spansPlugin = markdownItBracketedSpans as unknown as Plugin;

/**
 * Reads the claim marks of a Markdown document: Pandoc bracketed spans with a `claim` attribute,
 * `[−8.5 %]{claim="1.2/ttft-p99-regression" min_bytes="1GiB"}`. markdown-it decides what is text, so
 * code blocks, inline code and HTML comments (raw HTML is on, so a comment stays a comment) hold no
 * claims. markdown-it maps blocks to lines only; the mark's own line and column come from where the
 * span rule found its `[` in the block's inline text, mapped back onto the source lines.
 */
export function parseMarkdownClaimMarks(text: string, path: string): ClaimMarksResult {
  const lines = text.split(/\r\n|\r|\n/);
  const starts = lineStarts(text);
  const marks: ClaimMark[] = [];
  let blockMap: [number, number] | null = null;
  const cursors = new Map<number, number>();
  for (const token of createParser().parse(text, {})) {
    if (token.map !== null && token.type !== "inline") blockMap = token.map;
    if (token.type !== "inline" || token.children === null) continue;
    const map = token.map ?? blockMap;
    if (map === null) continue;
    const place = placeContent(token.content, lines, map[0], cursors);
    marks.push(...spanMarks(token.children, token.content, place, { path, lines, starts }));
  }
  return { marks, broken: [] };
}

// --- internal ---

interface SpanMeta {
  /** Offsets in the block's inline text: the `[` and the `]` of the span. */
  open: number;
  close: number;
}

interface DocumentLines {
  path: string;
  lines: string[];
  starts: number[];
}

/** Where each line of a block's inline text sits in the source: its 0-based line and column. */
type Placement = Array<{ line: number; column: number; from: number }>;

function createParser(): MarkdownIt {
  const md = new MarkdownIt({ html: true });
  md.use(recordSpanPositions);
  attributesPlugin(md);
  return md;
}

/**
 * Registers markdown-it-bracketed-spans' inline rule wrapped so the span token it opens remembers
 * where its `[` and `]` are; the plugin itself only calls `md.inline.ruler.push`.
 */
function recordSpanPositions(md: MarkdownIt): void {
  let rule: InlineRule | undefined;
  spansPlugin({ inline: { ruler: { push: (_: string, fn: InlineRule) => (rule = fn) } } });
  const original = rule as InlineRule;
  md.inline.ruler.push("bracketed-spans", (state, silent) => {
    const open = state.pos;
    const before = state.tokens.length;
    const found = original(state, silent);
    // Pending text is flushed as a token of its own before the span opens.
    const token = state.tokens.slice(before).find((t) => t.type === "span_open");
    // On success the rule leaves `pos` on the `{` just after the span's `]`.
    if (found && token?.type === "span_open") token.meta = { open, close: state.pos - 1 } satisfies SpanMeta;
    return found;
  });
}

function spanMarks(children: Token[], content: string, place: Placement, doc: DocumentLines): ClaimMark[] {
  const marks: ClaimMark[] = [];
  children.forEach((token, i) => {
    const claim = token.type === "span_open" ? token.attrGet("claim") : null;
    const meta = token.meta as SpanMeta | null;
    if (claim === null || meta === null) return;
    const start = toSource(meta.open, place, doc);
    const end = toSource(attributesEnd(content, meta.close + 1), place, doc);
    const conditions = Object.fromEntries(
      (token.attrs ?? []).filter(([key]) => key !== "claim").map(([key, value]) => [key, unquote(value)]),
    );
    marks.push({
      path: doc.path,
      line: start.line + 1,
      column: start.column + 1,
      start: start.offset,
      end: end.offset,
      requirement: unquote(claim),
      text: spanText(children, i),
      conditions,
    });
  });
  return marks;
}

/** The span's words as a reader sees them: text inside emphasis counts, a line break is a space. */
function spanText(children: Token[], openIndex: number): string {
  let depth = 0;
  let text = "";
  for (const token of children.slice(openIndex)) {
    if (token.type === "span_open") depth++;
    else if (token.type === "span_close" && --depth === 0) break;
    else if (token.type === "softbreak" || token.type === "hardbreak") text += " ";
    else if (token.type === "text" || token.type === "code_inline") text += token.content;
  }
  return text.trim();
}

/** The offset just after the `{…}` that follows a span's `]`, quotes respected. */
function attributesEnd(content: string, brace: number): number {
  let quote: string | null = null;
  for (let i = brace + 1; i < content.length; i++) {
    const c = content[i];
    if (quote !== null) quote = c === quote ? null : quote;
    else if (c === '"') quote = c;
    else if (c === "}") return i + 1;
  }
  return content.length;
}

/**
 * Each line of the inline text is its source line with the block's prefix (indent, `- `, `> `, `| `
 * of earlier cells) cut off, so it is found in that line after what earlier tokens of the line used.
 */
function placeContent(
  content: string,
  lines: string[],
  first: number,
  cursors: Map<number, number>,
): Placement {
  let from = 0;
  return content.split("\n").map((part, k) => {
    const line = first + k;
    const source = lines[line] ?? "";
    const found = source.indexOf(part, cursors.get(line) ?? 0);
    const column = found >= 0 ? found : Math.max(0, source.trimEnd().length - part.trimEnd().length);
    cursors.set(line, column + part.length);
    const placed = { line, column, from };
    from += part.length + 1;
    return placed;
  });
}

function toSource(
  offset: number,
  place: Placement,
  doc: DocumentLines,
): { line: number; column: number; offset: number } {
  const row = place.findLast((p) => p.from <= offset) ?? { line: 0, column: 0, from: 0 };
  const column = row.column + offset - row.from;
  return { line: row.line, column, offset: (doc.starts[row.line] ?? 0) + column };
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "\n" || (c === "\r" && text[i + 1] !== "\n")) starts.push(i + 1);
  }
  return starts;
}

/** markdown-it-attrs reads double quotes; Pandoc also takes single ones. */
function unquote(value: string): string {
  return value.length >= 2 && value.startsWith("'") && value.endsWith("'") ? value.slice(1, -1) : value;
}
