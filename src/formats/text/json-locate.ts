import type { JsonObject } from "./json-input.ts";
import { elementOffsets, keyOffsets, valueAfterKey } from "./json-scan.ts";

/** Answers "where is this?" for the objects and arrays of a parsed document. */
export interface JsonLocator {
  lineOf(container: object): number | undefined;
  lineOfKey(container: JsonObject, key: string): number | undefined;
  firstKeyLine(container: JsonObject, key: string): number | undefined;
  lineOfIndex(array: unknown[], index: number): number | undefined;
  /** The first line of every element of `array`, found in one pass (per-row line numbers). */
  elementLines(array: unknown[]): number[];
}

/**
 * Finds containers by rescanning the text, so parsing records nothing per object (a million-row file
 * would pay for it in time and memory). The first question builds a parent map of the whole document
 * once; each answer then walks the path from the record down, rescanning only the text on the way.
 */
export function createLocator(
  text: string,
  roots: Array<{ value: unknown; offset: number }>,
  lineAt: (offset: number) => number,
): JsonLocator {
  const scan: Scanned = { text, keys: new WeakMap(), elements: new WeakMap() };
  let parents: WeakMap<object, Parent> | undefined;
  const offsetOf = (container: object): number | undefined => {
    parents ??= mapParents(roots);
    return walk(scan, container, parents);
  };
  const line = (offset: number | undefined) => (offset === undefined ? undefined : lineAt(offset));
  const keyAt = (container: JsonObject, key: string, pick: (offsets: number[]) => number | undefined) => {
    const start = offsetOf(container);
    return start === undefined ? undefined : line(pick(keysOf(scan, container, start).get(key) ?? []));
  };
  return {
    lineOf: (container) => line(offsetOf(container)),
    lineOfKey: (container, key) => keyAt(container, key, (found) => found.at(-1)),
    firstKeyLine: (container, key) => keyAt(container, key, (found) => found[0]),
    lineOfIndex: (array, index) => {
      const start = offsetOf(array);
      return start === undefined ? undefined : line(elementsOf(scan, array, start)[index]);
    },
    elementLines: (array) => {
      const start = offsetOf(array);
      return start === undefined ? [] : elementsOf(scan, array, start).map(lineAt);
    },
  };
}

// --- internal ---

/** Key and element offsets found so far, so that twenty findings in one big object rescan it once. */
interface Scanned {
  text: string;
  keys: WeakMap<object, Map<string, number[]>>;
  elements: WeakMap<object, number[]>;
}

function keysOf(scan: Scanned, container: object, start: number): Map<string, number[]> {
  const known = scan.keys.get(container);
  if (known !== undefined) return known;
  const keys = keyOffsets(scan.text, start);
  scan.keys.set(container, keys);
  return keys;
}

function elementsOf(scan: Scanned, container: object, start: number): number[] {
  const known = scan.elements.get(container);
  if (known !== undefined) return known;
  const elements = elementOffsets(scan.text, start);
  scan.elements.set(container, elements);
  return elements;
}

/** How a container hangs below its parent; a root carries its own text offset instead. */
type Parent = { parent: object; step: string | number } | { offset: number };

function mapParents(roots: Array<{ value: unknown; offset: number }>): WeakMap<object, Parent> {
  const parents = new WeakMap<object, Parent>();
  const stack: object[] = [];
  for (const root of roots) {
    if (typeof root.value !== "object" || root.value === null) continue;
    parents.set(root.value, { offset: root.offset });
    stack.push(root.value);
  }
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    const entries: Array<[string | number, unknown]> = Array.isArray(node)
      ? node.map((v, i) => [i, v])
      : Object.entries(node);
    for (const [step, child] of entries) {
      if (typeof child !== "object" || child === null) continue;
      parents.set(child, { parent: node, step });
      stack.push(child);
    }
  }
  return parents;
}

/** Rescans from the root down to `container` and returns the offset where it opens. */
function walk(scan: Scanned, container: object, parents: WeakMap<object, Parent>): number | undefined {
  const path: Array<{ node: object; step: string | number }> = [];
  let node = container;
  let link = parents.get(node);
  while (link !== undefined && "parent" in link) {
    path.push({ node: link.parent, step: link.step });
    node = link.parent;
    link = parents.get(node);
  }
  if (link === undefined) return undefined;
  let offset = link.offset;
  for (let i = path.length - 1; i >= 0; i--) {
    const { node: parent, step } = path[i] as { node: object; step: string | number };
    // A duplicated key holds the last value, as in JSON.parse.
    const next =
      typeof step === "number"
        ? elementsOf(scan, parent, offset)[step]
        : keysOf(scan, parent, offset).get(step)?.at(-1);
    if (next === undefined) return undefined;
    offset = typeof step === "number" ? next : valueAfterKey(scan.text, next);
  }
  return offset;
}
