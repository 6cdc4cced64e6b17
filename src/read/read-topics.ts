import { readdir, readFile } from "node:fs/promises";
import { ClaimcheckError } from "../model/errors.ts";
import type { Topic } from "../model/topic.ts";
import { parseTopic } from "../model/topic-catalog.ts";

/** Reads the topic catalog (`topics/*.yaml` of the package), sorted by topic id. */
export async function readTopics(dir: URL = new URL("../../topics/", import.meta.url)): Promise<Topic[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((name) => name.endsWith(".yaml"));
  } catch (cause) {
    throw new ClaimcheckError(
      "E_INTERNAL",
      `The topic catalog is missing from the package (${dir.pathname}); reinstall claimcheck.`,
      { cause },
    );
  }
  const topics = await Promise.all(
    names.map(async (name) => parseTopic(await readFile(new URL(name, dir), "utf8"), `topics/${name}`)),
  );
  return topics.sort((a, b) => a.id.localeCompare(b.id, "en", { numeric: true }));
}

/**
 * The topic with this id, reading only `topics/<id>.yaml` when that file holds it (a verify needs
 * one topic, and parsing the whole catalog's YAML is most of its start-up); otherwise the catalog.
 * Returns the matching topics: one, or none for an unknown id.
 */
export async function readTopic(
  id: string,
  dir: URL = new URL("../../topics/", import.meta.url),
): Promise<Topic[]> {
  if (/^\d+\.\d+$/.test(id)) {
    const text = await readFile(new URL(`${id}.yaml`, dir), "utf8").catch(() => undefined);
    const topic = text === undefined ? undefined : parseTopic(text, `topics/${id}.yaml`);
    if (topic?.id === id) return [topic];
  }
  return (await readTopics(dir)).filter((t) => t.id === id);
}
