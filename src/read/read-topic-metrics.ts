import { readFileSync } from "node:fs";

/**
 * The metric ids a topic's requirements name, scanned from `topics/<id>.yaml` without parsing it (the
 * YAML and schema libraries take longer to load than a big file takes to start reading). Used only to
 * start reading big files early with a projection; the verify pipeline recomputes the projection
 * from the parsed topic, and a prefetched read that does not cover it is read again. Undefined when
 * the file is not there.
 */
export function readTopicMetricIds(
  id: string,
  dir: URL = new URL("../../topics/", import.meta.url),
): string[] | undefined {
  if (!/^\d+\.\d+$/.test(id)) return undefined;
  try {
    const text = readFileSync(new URL(`${id}.yaml`, dir), "utf8");
    return [...text.matchAll(/^\s*metric:\s*["']?([^\s"'#]+)/gm)].map((match) => match[1] as string);
  } catch {
    return undefined;
  }
}
