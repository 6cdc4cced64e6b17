/** A position in JSON text. */
export interface JsonCursor {
  text: string;
  pos: number;
}

export function skipWhitespace(c: JsonCursor): void {
  const { text } = c;
  let i = c.pos;
  for (;;) {
    const code = text.charCodeAt(i);
    if (code !== 32 && code !== 10 && code !== 13 && code !== 9) break;
    i++;
  }
  c.pos = i;
}

/** Returns the offset just after the string that opens at `start`, or -1 when it never closes. */
export function skipString(text: string, start: number): number {
  let i = start + 1;
  for (;;) {
    const quote = text.indexOf('"', i);
    if (quote < 0) return -1;
    let backslashes = 0;
    for (let b = quote - 1; b > start && text.charCodeAt(b) === 92; b--) backslashes++;
    if (backslashes % 2 === 0) return quote + 1;
    i = quote + 1;
  }
}

/** Moves past one value of well-formed JSON without building it. */
export function skipValue(c: JsonCursor): void {
  const { text } = c;
  const first = text[c.pos];
  if (first === '"') {
    const end = skipString(text, c.pos);
    c.pos = end < 0 ? text.length : end;
    return;
  }
  if (first !== "{" && first !== "[") {
    while (c.pos < text.length && !",}] \t\r\n".includes(text[c.pos] as string)) c.pos++;
    return;
  }
  let depth = 0;
  while (c.pos < text.length) {
    const ch = text[c.pos];
    if (ch === '"') {
      const end = skipString(text, c.pos);
      c.pos = end < 0 ? text.length : end;
      continue;
    }
    c.pos++;
    if (ch === "{" || ch === "[") depth++;
    else if ((ch === "}" || ch === "]") && --depth === 0) return;
  }
}

/** Builds a lookup from character offset to 1-based line number (one pass, then binary search). */
export function lineIndex(text: string): (offset: number) => number {
  let starts: number[] | undefined;
  return (offset) => {
    if (starts === undefined) {
      starts = [0];
      for (let k = text.indexOf("\n"); k >= 0; k = text.indexOf("\n", k + 1)) starts.push(k + 1);
    }
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >>> 1;
      if ((starts[mid] as number) <= offset) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  };
}

/** Offsets of every key of the object that opens at `start`, by key (a duplicated key has several). */
export function keyOffsets(text: string, start: number): Map<string, number[]> {
  const found = new Map<string, number[]>();
  const c: JsonCursor = { text, pos: start + 1 };
  for (skipWhitespace(c); text[c.pos] === '"'; skipWhitespace(c)) {
    const keyStart = c.pos;
    c.pos = skipString(text, keyStart);
    if (c.pos < 0) break;
    const key = text.slice(keyStart + 1, c.pos - 1);
    const list = found.get(key);
    if (list === undefined) found.set(key, [keyStart]);
    else list.push(keyStart);
    skipWhitespace(c);
    c.pos++; // ":"
    skipWhitespace(c);
    skipValue(c);
    skipWhitespace(c);
    if (text[c.pos++] !== ",") break;
  }
  return found;
}

/** Offset of the value that follows the key at `keyStart`. */
export function valueAfterKey(text: string, keyStart: number): number {
  const c: JsonCursor = { text, pos: skipString(text, keyStart) };
  skipWhitespace(c);
  c.pos++; // ":"
  skipWhitespace(c);
  return c.pos;
}

/** Offsets of the elements of the array that opens at `start`. */
export function elementOffsets(text: string, start: number): number[] {
  const found: number[] = [];
  const c: JsonCursor = { text, pos: start + 1 };
  skipWhitespace(c);
  if (text[c.pos] === "]") return found;
  while (c.pos < text.length) {
    skipWhitespace(c);
    found.push(c.pos);
    skipValue(c);
    skipWhitespace(c);
    if (text[c.pos++] !== ",") break;
  }
  return found;
}
