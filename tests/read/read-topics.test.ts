import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { METRICS } from "../../src/measure/registry.ts";
import type { Topic } from "../../src/model/topic.ts";
import { checkCatalog, findRequirement } from "../../src/model/topic-catalog.ts";
import { writeCompiledTopics } from "../../src/read/compile-topics.ts";
import { createTopicCache, readTopic, readTopics } from "../../src/read/read-topics.ts";

const SEED = new URL("../../../shared/seed/ccf-ant-green-computing-2024-topics.txt", import.meta.url);

// Ids that users and CI configurations reference: they must never disappear.
const REQUIRED_IDS = [
  "1.2/startup-reserved-memory",
  "1.2/ttft-p99-regression",
  "1.2/tpot-p99-regression",
  "1.2/e2e-p99-regression",
  "1.5/gpu-memory",
  "1.5/ttft-p99-regression",
  "1.5/tpot-p99-regression",
  "4.2/online-ttft-p99-regression",
  "4.2/online-tpot-p99-regression",
  "4.2/online-success-rate",
  "5.7/latency-improvement",
  "5.7/auto-review-rate",
  "5.7/cost-reduction",
  "1.1/cross-domain-loss",
  "1.1/heterogeneous-loss",
  "1.4/retrieval-improvement",
  "1.4/consistency-improvement",
  "1.4/latency-reduction",
  "1.4/error-rate-reduction",
  "2.1/task-success-rate",
  "2.1/evaluator-accuracy",
  "2.2/fault-coverage",
  "3.2/allreduce-busbw-utilization",
  "3.2/allgather-busbw-utilization",
  "3.2/heterogeneous-loss",
  "5.5/bits-per-weight",
  "5.5/accuracy-loss",
  "5.5/device-coverage",
  "2.2/diagnosis-accuracy",
  "2.2/monitoring-overhead",
  "3.1/throughput-gain",
  "4.1/memory-saving",
  "4.1/throughput-gain",
  "4.4/mfu",
  "4.4/effective-training-time",
  "5.1/context-length",
  "5.1/long-context-accuracy",
  "5.1/long-context-ttft",
  "5.2/benchmark-score",
  "5.3/compression-ratio",
  "5.3/quality-loss",
  "5.6/cu-per-selection",
  "5.6/system",
];

describe("the topic catalog", async () => {
  const topics = await readTopics();

  it("holds every topic TOPICS.md lists, in order", () => {
    expect(topics.map((t) => t.id)).toEqual([
      "1.1",
      "1.2",
      "1.3",
      "1.4",
      "1.5",
      "2.1",
      "2.2",
      "3.1",
      "3.2",
      "4.1",
      "4.2",
      "4.3",
      "4.4",
      "5.1",
      "5.2",
      "5.3",
      "5.4",
      "5.5",
      "5.6",
      "5.7",
      "5.8",
    ]);
  });

  it("has every requirement id that users reference", () => {
    expect(REQUIRED_IDS.filter((id) => findRequirement(topics, id) === undefined)).toEqual([]);
  });

  it("passes the catalog rules: unique prefixed ids, quotes for seed targets, rationales for program ones", () => {
    expect(checkCatalog(topics)).toEqual([]);
  });

  it("gives every topic at least one deliverable, which is never auto-passed", () => {
    expect(
      topics.filter((t) => !t.requirements.some((r) => r.kind === "deliverable")).map((t) => t.id),
    ).toEqual([]);
  });

  it("gives every requirement its provenance: a seed quote, or a rationale for a program default or tolerance", () => {
    const unsourced = topics
      .flatMap((t) => t.requirements)
      .filter(
        (r) =>
          (r.provenance === "seed" ? r.seed_quote === undefined : r.rationale === undefined) ||
          (r.kind === "target" && r.tolerance !== undefined && r.tolerance.rationale === ""),
      )
      .map((r) => r.id);
    expect(unsourced).toEqual([]);
  });

  it("names only metrics claimcheck computes for every reported figure", () => {
    const unknown = topics
      .flatMap((t) => t.requirements)
      .filter((r) => r.kind === "reported" && !METRICS.has(r.metric))
      .map((r) => r.id);
    expect(unknown).toEqual([]);
  });

  it("names only metrics claimcheck computes for the serving, memory and model targets", () => {
    const families =
      /^(ttft_ms|tpot_ms|itl_ms|e2e_ms|success_rate|request_throughput|output_token_throughput|gpu|gpu_memory|models)\b/;
    const unknown = topics
      .flatMap((t) => t.requirements)
      .filter(
        (r) =>
          r.kind === "target" &&
          families.test(r.metric) &&
          !METRICS.has(r.metric) &&
          r.metric !== "output_token_throughput",
      )
      .map((r) => r.id);
    expect(unknown).toEqual([]);
  });

  it.skipIf(!existsSync(SEED))("quotes the seed verbatim (ignoring its line breaks)", () => {
    const seed = readFileSync(SEED, "utf8").replace(/\s+/g, "");
    const misquoted = topics
      .flatMap((t) => t.requirements)
      .filter((r) => r.seed_quote !== undefined && !seed.includes(r.seed_quote.replace(/\s+/g, "")))
      .map((r) => r.id);
    expect(misquoted).toEqual([]);
  });
});

describe("readTopic and the compiled topics", () => {
  const topicsDir = new URL("../../topics/", import.meta.url);

  it("reads every topic the same from its compiled JSON as from its YAML", async () => {
    const compiledDir = pathToFileURL(`${mkdtempSync(join(tmpdir(), "claimcheck-compiled-"))}/`);
    writeCompiledTopics(topicsDir, compiledDir);
    for (const topic of await readTopics(topicsDir)) {
      expect(await readTopic(topic.id, topicsDir, compiledDir)).toEqual([topic]);
    }
  });

  it("ignores a compiled topic made from other YAML, and one that is absent", async () => {
    const [topic] = await readTopics(topicsDir);
    const stale = mkdtempSync(join(tmpdir(), "claimcheck-topics-"));
    const id = (topic as Topic).id;
    const edited = { ...(topic as Topic), title: { en: "stale", zh: "过期" } };
    writeFileSync(
      join(stale, `${id}.json`),
      JSON.stringify({ source_sha256: "0".repeat(64), topic: edited }),
    );
    expect(await readTopic(id, topicsDir, pathToFileURL(`${stale}/`))).toEqual([topic]);
    expect(await readTopic(id, topicsDir, pathToFileURL(`${stale}/absent/`))).toEqual([topic]);
  });
});

describe("createTopicCache", () => {
  const topicsDir = new URL("../../topics/", import.meta.url);

  it("parses the catalog once, and again when a file in it changes, is added or removed", async () => {
    const dir = mkdtempSync(join(tmpdir(), "claimcheck-topic-cache-"));
    for (const name of ["1.2.yaml", "3.2.yaml"]) {
      writeFileSync(join(dir, name), readFileSync(new URL(name, topicsDir)));
    }
    let clock = 0;
    // Files are looked at once per 2 s of this clock; each step below moves it past that.
    const topics = createTopicCache(pathToFileURL(`${dir}/`), 2000, () => clock);
    const later = () => {
      clock += 2000;
    };
    const first = await topics();
    expect(first.map((t) => t.id)).toEqual(["1.2", "3.2"]);
    expect(await topics()).toBe(first);
    later();
    expect(await topics()).toBe(first);

    // Same topic, one more byte: the size differs, so the catalog is parsed again.
    writeFileSync(join(dir, "1.2.yaml"), `${readFileSync(join(dir, "1.2.yaml"), "utf8")}\n`);
    // Within the recheck delay the change is not looked for yet.
    expect(await topics()).toBe(first);
    later();
    const reread = await topics();
    expect(reread).not.toBe(first);
    expect(reread).toEqual(first);

    writeFileSync(join(dir, "1.5.yaml"), readFileSync(new URL("1.5.yaml", topicsDir)));
    later();
    expect((await topics()).map((t) => t.id)).toEqual(["1.2", "1.5", "3.2"]);
    rmSync(join(dir, "3.2.yaml"));
    later();
    expect((await topics()).map((t) => t.id)).toEqual(["1.2", "1.5"]);
  });
});
