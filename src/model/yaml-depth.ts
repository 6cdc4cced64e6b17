/**
 * How deep a YAML text nests, found by a scan that needs no parser, and where it first passes `max`.
 * The `yaml` parser recurses once per level, so a few thousand levels (`[[[[…` or `- - - …`) overflow
 * its stack; this scan runs first and turns such a file into a finding. It over-counts rather than
 * under-counts (a `[` inside a plain scalar counts), which only matters far beyond any real file.
 */
export function findYamlTooDeep(text: string, max: number): { line: number; depth: number } | undefined {
  const indents: number[] = [];
  let flow = 0;
  let line = 0;
  for (const raw of text.split("\n")) {
    line++;
    const indent = raw.length - raw.trimStart().length;
    const body = raw.slice(indent);
    if (body === "" || body.startsWith("#")) continue;
    if (flow === 0) {
      while (indents.length > 0 && (indents[indents.length - 1] as number) >= indent) indents.pop();
      indents.push(indent);
    }
    // Compact nesting on one line: `- - - x`, `? - x`.
    const compact = /^(?:[-?:](?:\s+|$))*/.exec(body)?.[0].replace(/\s+/g, "").length ?? 0;
    let deepest = indents.length + compact + flow;
    let quote: string | undefined;
    for (const ch of body) {
      if (quote !== undefined) {
        if (ch === quote) quote = undefined;
      } else if (ch === '"' || ch === "'") quote = ch;
      else if (ch === "#") break;
      else if (ch === "[" || ch === "{") deepest = Math.max(deepest, indents.length + compact + ++flow);
      else if ((ch === "]" || ch === "}") && flow > 0) flow--;
    }
    if (deepest > max) return { line, depth: deepest };
  }
  return undefined;
}
