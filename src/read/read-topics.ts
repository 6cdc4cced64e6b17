import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { readdir, readFile, stat } from "node:fs/promises";
import { ClaimcheckError } from "../model/errors.ts";
import type { Topic } from "../model/topic.ts";

/** Reads the topic catalog (`topics/*.yaml` of the package), sorted by topic id. */
export async function readTopics(dir: URL = TOPICS_DIR): Promise<Topic[]> {
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
  const { parseTopic } = await import("../model/topic-catalog.ts");
  const topics = await Promise.all(
    names.map(async (name) => parseTopic(await readFile(new URL(name, dir), "utf8"), `topics/${name}`)),
  );
  return topics.sort((a, b) => a.id.localeCompare(b.id, "en", { numeric: true }));
}

/**
 * `readTopics` for a long-running process: the catalog is parsed again only when a file in it was
 * added, removed or changed (names, sizes and modification times are compared), so a page that lists
 * the topics does not parse 21 YAML files on every request. The files are looked at most once per
 * `recheckMs`, not per request: under upload load the thread pool is busy writing and flushing uploads,
 * and 22 stat calls queued behind them made a page wait; an edited topic shows within that delay.
 */
export function createTopicCache(
  dir: URL = TOPICS_DIR,
  recheckMs = 2000,
  now: () => number = () => performance.now(),
): () => Promise<Topic[]> {
  let cached: { signature: string; topics: Promise<Topic[]>; checkedAt: number } | undefined;
  return async () => {
    if (cached !== undefined && now() - cached.checkedAt < recheckMs) return cached.topics;
    const checkedAt = now();
    const signature = await catalogSignature(dir);
    if (cached?.signature !== signature) {
      const topics = readTopics(dir);
      cached = { signature, topics, checkedAt };
      // A failed read is not kept: the next request tries again.
      topics.catch(() => {
        if (cached?.topics === topics) cached = undefined;
      });
    } else cached.checkedAt = checkedAt;
    return cached.topics;
  };
}

/**
 * The topic with this id, reading only `topics/<id>.yaml` when that file holds it (a verify needs
 * one topic, and parsing the whole catalog's YAML is most of its start-up); otherwise the catalog.
 * The build compiles each topic to JSON (`scripts/compile-topics.mjs`): when the compiled topic was
 * made from this very YAML (same SHA-256), it is used as is, and the YAML and schema libraries are
 * not even loaded. Returns the matching topics: one, or none for an unknown id.
 */
export async function readTopic(
  id: string,
  dir: URL = TOPICS_DIR,
  compiledDir = COMPILED_DIR,
): Promise<Topic[]> {
  const compiled = readCompiledTopic(id, dir, compiledDir);
  if (compiled?.id === id) return [compiled];
  if (TOPIC_ID.test(id)) {
    const text = await readFile(new URL(`${id}.yaml`, dir), "utf8").catch(() => undefined);
    const { parseTopic } = await import("../model/topic-catalog.ts");
    const topic = text === undefined ? undefined : parseTopic(text, `topics/${id}.yaml`);
    if (topic?.id === id) return [topic];
  }
  return (await readTopics(dir)).filter((t) => t.id === id);
}

/** What the build writes for each topic: the parsed topic and the SHA-256 of the YAML it came from. */
export interface CompiledTopic {
  source_sha256: string;
  topic: Topic;
}

/**
 * The compiled topic with this id, when it was made from the YAML that is there now; else undefined.
 * Synchronous and light: verify reads it before starting to read big files.
 */
export function readCompiledTopic(
  id: string,
  dir = TOPICS_DIR,
  compiledDir = COMPILED_DIR,
): Topic | undefined {
  if (!TOPIC_ID.test(id)) return undefined;
  try {
    const text = readFileSync(new URL(`${id}.yaml`, dir), "utf8");
    const compiled = JSON.parse(readFileSync(new URL(`${id}.json`, compiledDir), "utf8")) as CompiledTopic;
    return compiled.source_sha256 === hashTopicSource(text) ? compiled.topic : undefined;
  } catch {
    return undefined;
  }
}

/** The SHA-256 of a topic's YAML text, as the compiled topic records it. */
export function hashTopicSource(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

// --- internal ---

const TOPICS_DIR = new URL("../../topics/", import.meta.url);
const COMPILED_DIR = new URL("../../dist/topics/", import.meta.url);
const TOPIC_ID = /^\d+\.\d+$/;

/** The catalog's file names with their sizes and modification times; "" when it cannot be listed. */
async function catalogSignature(dir: URL): Promise<string> {
  const names = await readdir(dir).catch(() => undefined);
  if (names === undefined) return "";
  const yaml = names.filter((name) => name.endsWith(".yaml")).sort();
  const stats = await Promise.all(yaml.map((name) => stat(new URL(name, dir)).catch(() => undefined)));
  return yaml.map((name, i) => `${name}:${stats[i]?.size}:${stats[i]?.mtimeMs}`).join("\n");
}
