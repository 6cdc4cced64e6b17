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
