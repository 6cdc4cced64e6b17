import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { parseTopic } from "../model/topic-catalog.ts";
import { type CompiledTopic, hashTopicSource } from "./read-topics.ts";

/**
 * Writes each topic of `topicsDir` (`<id>.yaml`) to `outDir` as `<id>.json`: the parsed, validated
 * topic with the SHA-256 of its YAML (see readTopic). The build runs it into dist/topics/.
 */
export function writeCompiledTopics(topicsDir: URL, outDir: URL): void {
  mkdirSync(outDir, { recursive: true });
  for (const name of readdirSync(topicsDir).filter((n) => n.endsWith(".yaml"))) {
    const text = readFileSync(new URL(name, topicsDir), "utf8");
    const compiled: CompiledTopic = {
      source_sha256: hashTopicSource(text),
      topic: parseTopic(text, `topics/${name}`),
    };
    writeFileSync(new URL(name.replace(/\.yaml$/, ".json"), outDir), `${JSON.stringify(compiled)}\n`);
  }
}
