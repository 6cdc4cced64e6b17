import type { ClaimMarksResult } from "../../model/doc-claim.ts";

/**
 * Reads the claim marks of a LaTeX document: `\claim{1.2/ttft-p99-regression}{-8.5}{\%}`, with the
 * one-line macro `\newcommand{\claim}[3]{#2\,#3}` (or `\newcommand{\claim}[4][]{#3\,#4}` for
 * conditions: `\claim[min_bytes=1GiB]{3.2/…}{96.1}{\%}`). A small tokenizer, not a TeX engine: it skips
 * `%` comments, `\verb`, and the verbatim, lstlisting, minted and comment environments, where a
 * `\claim` is text, not a claim. A `\claim` not followed by its arguments is listed as broken, except
 * in the macro's own definition; a `\claim` whose first argument is no requirement id is another
 * macro of the same name and is left alone.
 */
export function parseLatexClaimMarks(text: string, path: string): ClaimMarksResult {
  const result: ClaimMarksResult = { marks: [], broken: [] };
  const starts = lineStarts(text);
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === "%") i = lineEnd(text, i);
    else if (c !== "\\") i++;
    else {
      const name = controlWord(text, i + 1);
      i = readCommand(text, i, name, { path, starts, result });
    }
  }
  return result;
}

// --- internal ---

interface Context {
  path: string;
  starts: number[];
  result: ClaimMarksResult;
}

const REQUIREMENT_ID = /^\s*\d+\.\d+\/[^\s{}]+\s*$/;
const VERBATIM = new Set(["verbatim", "verbatim*", "lstlisting", "minted", "comment", "Verbatim"]);
const DEFINITIONS = new Set(["newcommand", "renewcommand", "providecommand", "def", "DeclareRobustCommand"]);

/** Reads the command at `at` (its backslash) and returns where reading goes on. */
function readCommand(text: string, at: number, name: string, context: Context): number {
  const after = at + 1 + Math.max(name.length, 1);
  if (name === "verb") return skipVerb(text, after);
  if (name === "begin") {
    const env = group(text, skipSpaces(text, after));
    if (env !== null && VERBATIM.has(env.body)) return skipEnvironment(text, env.end, env.body);
    return after;
  }
  // `\newcommand{\claim}[3]{…}` names the macro; the `\claim` inside is its name, not a mark.
  if (DEFINITIONS.has(name)) return skipDefinedName(text, after);
  if (name === "claim") return readMark(text, at, after, context);
  return after;
}

function readMark(text: string, at: number, after: number, context: Context): number {
  let pos = skipSpaces(text, after);
  let options = "";
  if (text[pos] === "[") {
    const close = text.indexOf("]", pos);
    if (close < 0) return after;
    options = text.slice(pos + 1, close);
    pos = close + 1;
  }
  const args: string[] = [];
  for (let k = 0; k < 3; k++) {
    const arg = group(text, skipSpaces(text, pos));
    if (arg === null) break;
    args.push(arg.body);
    pos = arg.end;
  }
  // Papers define `\claim` for their own use too (a theorem-like "Claim."): a `\claim` whose first
  // argument is no requirement id (`1.2/…`) is the paper's, neither a mark nor a broken one.
  if (!REQUIREMENT_ID.test(args[0] ?? "")) return after;
  const where = position(context.starts, at);
  if (args.length < 3) {
    context.result.broken.push({ ...where, text: text.slice(at, pos) });
    return pos;
  }
  const [requirement, value, unit] = args as [string, string, string];
  context.result.marks.push({
    path: context.path,
    ...where,
    start: at,
    end: pos,
    requirement: requirement.trim(),
    text: `${plainText(value)} ${plainText(unit)}`.trim(),
    conditions: parseOptions(options),
  });
  return pos;
}

/** `{…}` with nested braces and `\{`; null when the next character opens no group. */
function group(text: string, at: number): { body: string; end: number } | null {
  if (text[at] !== "{") return null;
  let depth = 0;
  for (let i = at; i < text.length; i++) {
    const c = text[i];
    if (c === "\\") i++;
    else if (c === "{") depth++;
    else if (c === "}" && --depth === 0) return { body: text.slice(at + 1, i), end: i + 1 };
  }
  return null;
}

/** TeX for a number and its unit as a reader sees it: `\%` is %, math shifts and thin spaces go. */
function plainText(tex: string): string {
  return tex
    .replace(/\\(?:num|si|SI|text|mathrm|textrm)\s*\{([^{}]*)\}/g, "$1")
    .replace(/\\%/g, "%")
    .replace(/\\(?:[,;:! ]|thinspace)/g, " ")
    .replace(/~/g, " ")
    .replace(/[${}]/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

function parseOptions(options: string): Record<string, string> {
  const pairs = options
    .split(",")
    .map((pair) => pair.split("="))
    .filter((pair): pair is [string, string] => pair.length === 2 && (pair[0] as string).trim() !== "");
  return Object.fromEntries(
    pairs.map(([key, value]) => [key.trim(), value.trim().replace(/^"(.*)"$/, "$1")]),
  );
}

function controlWord(text: string, at: number): string {
  let end = at;
  while (end < text.length && /[A-Za-z]/.test(text[end] as string)) end++;
  return text.slice(at, end);
}

function skipDefinedName(text: string, at: number): number {
  const pos = skipSpaces(text, at);
  const named = group(text, pos);
  if (named !== null) return named.end;
  return text[pos] === "\\" ? pos + 1 + Math.max(controlWord(text, pos + 1).length, 1) : pos;
}

function skipVerb(text: string, at: number): number {
  const start = text[at] === "*" ? at + 1 : at;
  const delimiter = text[start];
  if (delimiter === undefined) return start;
  const close = text.indexOf(delimiter, start + 1);
  return close < 0 ? lineEnd(text, start) : close + 1;
}

function skipEnvironment(text: string, at: number, env: string): number {
  const close = text.indexOf(`\\end{${env}}`, at);
  return close < 0 ? text.length : close + `\\end{${env}}`.length;
}

function skipSpaces(text: string, at: number): number {
  let i = at;
  while (i < text.length && (text[i] === " " || text[i] === "\t" || text[i] === "\n" || text[i] === "\r"))
    i++;
  return i;
}

function lineEnd(text: string, at: number): number {
  const end = text.indexOf("\n", at);
  return end < 0 ? text.length : end + 1;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === "\n") starts.push(i + 1);
  return starts;
}

function position(starts: number[], offset: number): { line: number; column: number } {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((starts[mid] as number) <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low + 1, column: offset - (starts[low] as number) + 1 };
}
