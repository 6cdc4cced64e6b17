import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { verify } from "../../src/cli/commands/verify.ts";
import { FORMATS } from "../../src/formats/registry.ts";
import type { Report } from "../../src/model/report.ts";
import { renderHtml } from "../../src/render/html.ts";
import { findingText, methodText, reasonText } from "../../src/render/localize.ts";
import { renderMarkdown } from "../../src/render/markdown.ts";
import { renderSummary } from "../../src/render/summary.ts";

/**
 * Issue 15: a `--lang zh` report is wholly Chinese. Every example of `fixtures/` is verified here in
 * process (as `scripts/render-examples.mjs` does with the CLI) and its Chinese HTML, Markdown and
 * terminal summary are searched for English words. What may stay in Latin letters is what the fund's
 * officers read as names: ids, file names, units, format and tool names, metric symbols, and what the
 * team wrote itself (team name, deliverable titles, attestations, system facts) or the fund's guide
 * says in its own words (a seed quote such as “CCF-A 类 full paper”), which is never translated.
 */
const FIXTURES = Object.keys(
  JSON.parse(readFileSync(new URL("../../fixtures/expected-exit-codes.json", import.meta.url), "utf8")),
);

/** Words a Chinese report keeps in Latin letters, lower-cased. Kept short: each is a name or a symbol. */
const ALLOWED = new Set([
  // metric symbols and statistics
  ...[
    "ttft",
    "tpot",
    "itl",
    "e2e",
    "rt",
    "token",
    "qps",
    "busbw",
    "algbw",
    "mfu",
    "ndcg",
    "mrr",
    "recall",
    "map",
    "pass",
    "k",
  ],
  ...["p50", "p90", "p95", "p99", "p999", "n", "x", "bf16", "fp8", "fp16", "tflops", "flops", "gemm"],
  // units
  ...[
    "ms",
    "s",
    "req",
    "tok",
    "tokens",
    "gib",
    "gb",
    "mib",
    "gbps",
    "gbit",
    "gb/s",
    "w",
    "tb",
    "usd",
    "h",
    "cu",
  ],
  // tools, formats and products
  ...["vllm", "sglang", "genai", "perf", "aiperf", "llmperf", "mlperf", "loadgen", "nccl", "rccl", "hccl"],
  ...["tests", "megatron", "lm", "eval", "opencompass", "trec", "beir", "ms", "marco", "nvidia", "smi"],
  ...["dcgmi", "dmon", "csv", "json", "jsonl", "yaml", "html", "pdf", "doi", "claimcheck", "gpu", "nic"],
  ...["cuda", "rdma", "roce", "infiniband", "sha", "utc", "ci", "id", "api", "url", "tau", "bench", "unix"],
  // the percentile plot's caption names the tool whose axis it borrows
  "hdrhistogram",
  // benchmarks and the lm-eval tasks of their examples
  ...["longbench", "hellaswag", "piqa", "winogrande"],
  // the names of statistical methods, as Chinese texts write them
  ...["wilson", "clopper", "pearson", "newcombe", "bonferroni", "kolmogorov", "smirnov"],
  // a word the fund's own Chinese titles keep (5.6: 基于 Agent 和自然语言交互的系统)
  "agent",
  // collective operations and their processes as NCCL names them
  ...["allreduce", "allgather", "rank"],
  // interconnects, as their vendors name them (InfiniBand, NVLink, NCCL's CollNet)
  ...["ib", "nvlink", "collnet"],
]);

describe("the Chinese report of every example", () => {
  it.each(FIXTURES)("%s has no English word outside names and symbols", check);
});

async function check(name: string): Promise<void> {
  {
    const manifest = `fixtures/${name}/claimcheck.yaml`;
    const report = await verify({ manifest });
    const html = await renderHtml(report, { lang: "zh" });
    const md = renderMarkdown(report, { lang: "zh" });
    const summary = renderSummary(report, "zh");
    const userText = teamText(report, manifest);
    const found = {
      html: englishWords(visibleText(html), userText),
      md: englishWords(markdownText(md), userText),
      summary: englishWords(summary, userText),
      // The catalog's English must be the sentence the judge stored, or English reports would change.
      englishDrift: englishDrift(report),
    };
    expect(found).toEqual({ html: [], md: [], summary: [], englishDrift: [] });
  }
}

// --- internal ---

function englishDrift(report: Report): string[] {
  const reasons = report.requirements.flatMap((r) => [r, ...(r.parts ?? [])]);
  const measured = reasons.flatMap((r) => (r.measured === null ? [] : [r.measured]));
  return [
    ...reasons.map((r) => [reasonText(r, "en"), r.reason]),
    ...measured.map((m) => [methodText(m, "en"), m.method]),
    ...report.findings.map((f) => [findingText(f, "en"), f.message]),
  ].flatMap(([rendered, stored]) => (rendered === stored ? [] : [`${stored} → ${rendered}`]));
}

/** Strings the team wrote (manifest values) and the report's own user text: never translated. */
function teamText(report: Report, manifest: string): string[] {
  const strings: string[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === "string") strings.push(value);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value !== null && typeof value === "object") {
      // Keys the team chose (claim conditions such as `trace:`) are its words too.
      Object.keys(value).forEach(walk);
      Object.values(value).forEach(walk);
    }
  };
  walk(parse(readFileSync(manifest, "utf8")));
  walk(report.submission.team);
  // The header names the topic in both languages, as the fund's guide does.
  walk(report.submission.topic_title.en);
  // What the fund's guide says in its own words (a requirement titled by its seed quote) is quoted.
  const topic = parse(readFileSync(`topics/${report.submission.topic}.yaml`, "utf8")) as {
    requirements: Array<{ seed_quote?: string }>;
  };
  walk(topic.requirements.flatMap((r) => (r.seed_quote === undefined ? [] : [r.seed_quote])));
  walk(report.submission.system);
  // Format ids (serving-requests-csv, nccl-tests) are names, as the allow-list says.
  for (const format of FORMATS) walk(format.id);
  // Longest first, so a title is removed before a word inside it.
  return [...new Set(strings)].filter((s) => /[A-Za-z]{2}/.test(s)).sort((a, b) => b.length - a.length);
}

function visibleText(html: string): string {
  return decode(
    html
      .replace(/<style[\s\S]*?<\/style>/g, " ")
      .replace(/<script[\s\S]*?<\/script>/g, " ")
      .replace(/<code[\s\S]*?<\/code>/g, " ")
      // `<wbr>` lets an id wrap at its separators; it is not a space between words.
      .replace(/<wbr>/g, "")
      .replace(/<[^>]+>/g, " "),
  );
}

function markdownText(md: string): string {
  return decode(
    md
      .replace(/`[^`\n]*`/g, " ")
      .replace(/\]\([^)]*\)/g, "] ")
      .replace(/<[^>]+>/g, " "),
  );
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function decode(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
}

/** The words left once names, paths, ids and hashes are taken out; each once, sorted. */
function englishWords(text: string, userText: string[]): string[] {
  let rest = text;
  // Only whole occurrences: a manifest key such as `memory` is not taken out of `memory.used`.
  for (const s of userText)
    rest = rest.replace(new RegExp(`(?<![\\w./-])${escapeRegExp(s)}(?![\\w./-])`, "g"), " ");
  rest = rest
    // code spans (YAML keys, commands) and quotations of what a file holds (“# Avg bus bandwidth”)
    .replace(/`[^`\n]*`/g, " ")
    .replace(/“[^”\n]*”/g, " ")
    .replace(/https?:\/\/\S+/g, " ")
    // command-line options (--memory)
    .replace(/--[a-z][\w-]*/g, " ")
    // file names and paths: anything with a dot-extension or a slash between word characters
    // (not the middle of a dotted id: `n-samples.piqa.effective` is no file `n-samples.piqa`)
    .replace(/[\w.@+-]*[\w-]\.[a-z][a-z0-9]{0,4}\b(?!\.\w)/gi, " ")
    .replace(/[\w.@+-]*\/[\w./@+-]*/g, " ")
    // ids with digits, dashes, underscores or dots inside (1.2/ttft, ttft_ms.p99, candidate-qwen7b)
    // taken whole when any part has one (Qwen2.5-1.5B-Instruct-2bit, outcomes.error_rate)
    .replace(/\b(?=[\w.-]*[\d_])\w+(?:[-.]\w+)*\b/g, " ")
    // dashed or dotted lower-case ids (evidence.memory, rouge-score, collective-bandwidth)
    .replace(/\b[a-z]+(?:[-.][a-z0-9]+)+\b/g, " ")
    // the column a location names, which the terminal summary does not quote: (gpus 列)
    .replace(/\(\w+ 列\)/g, " ")
    // UPPER_SNAKE codes and hex hashes
    .replace(/\b[A-Z][A-Z0-9_]{2,}\b/g, " ")
    .replace(/\b[0-9a-f]{7,}\b/g, " ");
  const words = rest.match(/[A-Za-z]{2,}/g) ?? [];
  return [...new Set(words.filter((w) => !ALLOWED.has(w.toLowerCase())))].sort();
}
