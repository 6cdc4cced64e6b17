// Writes the bad-input corpus: tests/reliability/data/corpus/<seed>/<case>.<ext>, derived by seeded
// mutations from the good files in tests/reliability/data/seeds/.
//
//   node tests/reliability/make-corpus.mjs            # regenerate the corpus from the committed seeds
//   node tests/reliability/make-corpus.mjs --seeds    # first refresh the seeds from fixtures/,
//                                                     # tests/formats/data and, when present, ../shared/samples
//
// The same seed gives the same bytes, so the committed corpus and tests/reliability/data/expectations.json
// stay in step. The expectations are written by `corpus.test.ts` with CORPUS_RECORD=1 and then reviewed.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, extname, join } from "node:path";

const ROOT = new URL("../../", import.meta.url).pathname;
const DATA = join(ROOT, "tests/reliability/data");
const SEEDS = join(DATA, "seeds");
const CORPUS = join(DATA, "corpus");

// --- seeds ---

function refreshSeeds() {
  rmSync(SEEDS, { recursive: true, force: true });
  mkdirSync(SEEDS, { recursive: true });
  const rows = (path, n) =>
    lines(read(path))
      .slice(0, n + 1)
      .join("\n") + "\n";
  const seed = (name, text) => writeFileSync(join(SEEDS, name), text);
  seed("serving-requests.csv", rows("fixtures/1.2-pass/candidate.csv", 60));
  seed("nvidia-smi-fixture.csv", rows("fixtures/1.2-pass/memory.csv", 30));
  seed("models.csv", read("fixtures/4.2-pass/models.csv"));
  seed("outcomes.csv", rows("fixtures/5.7-pass/auto-review.csv", 60));
  seed("cost.csv", read("fixtures/5.7-pass/cost-baseline.csv"));
  for (const [name, path] of Object.entries(FORMAT_TEST_DATA)) seed(name, read(`tests/formats/data/${path}`));
  seed(
    "gpu-memory.csv",
    "timestamp_s,gpu,memory_used_mib,memory_total_mib,utilization_pct\n" +
      Array.from({ length: 30 }, (_, i) => `${i}.0,0,${1000 + 400 * i},81559,${(i * 3) % 100}`).join("\n") +
      "\n",
  );
  seed(
    "accuracy.csv",
    "task,metric,value,n,stderr,model\narc_easy,acc,0.7542,2376,0.0088,m\npiqa,acc,0.7573,1838,0.01,m\nhellaswag,acc_norm,0.6012,10042,0.0049,m\n",
  );
  seed(
    "devices.csv",
    "device,share,passed,speed\n" +
      Array.from(
        { length: 20 },
        (_, i) => `Phone ${i},0.05,${i % 7 === 3 ? 0 : 1},${(12 + i * 0.5).toFixed(1)}`,
      ).join("\n") +
      "\n",
  );
  seed(
    "generation-pairs.csv",
    "item_id,reference,prediction\n" +
      Array.from(
        { length: 20 },
        (_, i) => `doc-${i},"the cat sat on mat ${i}","a cat sat on the mat ${i}"`,
      ).join("\n") +
      "\n",
  );
  seed(
    "opencompass.csv",
    "dataset,version,metric,mode,internlm-chat-7b,qwen-7b\nceval-computer_network,db9ce2,accuracy,gen,42.11,-\nceval-operating_system,1c2571,accuracy,gen,47.37,52.63\ngsm8k,1d7fe4,accuracy,gen,82.00,60.10\n",
  );
  const shared = join(ROOT, "../shared/samples");
  if (!existsSync(shared)) return;
  const from = (path) => readFileSync(join(shared, path), "utf8");
  seed("mlperf-summary.txt", from("serving/mlperf-llama2-70b-server-mlperf_log_summary.txt"));
  seed(
    "mlperf-detail.txt",
    lines(from("serving/mlperf-llama2-70b-server-mlperf_log_detail.txt"))
      .filter((line) => line.length < 2000)
      .join("\n") + "\n",
  );
  seed("aiperf.jsonl", from("serving/aiperf-docs-profile_export-EXAMPLE.jsonl"));
  seed("vllm-legacy.jsonl", from("serving/vllm-legacy-nerdalert-results.jsonl"));

  seed(
    "lm-eval-results.json",
    from("quality/lm_eval/results_asdiv_Meta-Llama-3-8B-Instruct_2024-08-21T03-44-09.494230.json"),
  );
  seed(
    "lm-eval-samples.jsonl",
    lines(from("quality/lm_eval/samples_asdiv_Meta-Llama-3-8B-Instruct_2024-08-21T03-44-09.494230.jsonl"))
      .slice(0, 12)
      .join("\n") + "\n",
  );
  seed("trec-run.txt", lines(from("quality/trec_eval/results.test")).slice(0, 80).join("\n") + "\n");
  seed("trec-qrels.txt", lines(from("quality/trec_eval/qrels.test")).slice(0, 80).join("\n") + "\n");
}

// --- mutations ---

/** Mutations for every text file: (text, bytes, random) → bytes, or undefined when one does not apply. */
const ANY = {
  empty: () => new Uint8Array(0),
  whitespace: () => utf8("\n\n   \n\t\n"),
  "cut-half": (_, bytes) => bytes.subarray(0, Math.floor(bytes.length / 2)),
  "cut-90": (_, bytes) => bytes.subarray(0, Math.floor(bytes.length * 0.9)),
  "cut-first-line": (text) => utf8(lines(text)[0] ?? ""),
  "first-line-only": (text) => utf8(`${lines(text)[0]}\n`),
  "no-first-line": (text) => utf8(lines(text).slice(1).join("\n") + "\n"),
  binary: (_, bytes, random) =>
    Uint8Array.from({ length: Math.max(64, bytes.length >> 2) }, () => random(256)),
  "binary-tail": (_, bytes, random) =>
    concat(
      bytes,
      Uint8Array.from({ length: 256 }, () => random(256)),
    ),
  "nul-inside": (_, bytes) =>
    concat(bytes.subarray(0, bytes.length >> 1), new Uint8Array(8), bytes.subarray(bytes.length >> 1)),
  latin1: (text) =>
    replaceLine(text, 2, (line) =>
      concat(utf8(line.slice(0, 4)), Uint8Array.of(0xe9, 0xe8), utf8(line.slice(4))),
    ),
  gbk: (text) => replaceLine(text, 1, (line) => concat(GBK_WORDS, utf8(line))),
  "bom-crlf": (text) => utf8(`\ufeff${lines(text).join("\r\n")}\r\n`),
  "long-line": (text) => utf8(`${lines(text).slice(0, 2).join("\n")}\n${"9".repeat(1 << 16)}\n`),
  "shuffled-lines": (text, _, random) => utf8(shuffle(lines(text), random).join("\n") + "\n"),
  "html-page": () => utf8("<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>\n"),
};

/** Mutations for CSV files (canonical kinds, nvidia-smi, tau-bench, OpenCompass). */
const CSV = {
  semicolons: (text) => utf8(text.replaceAll(",", ";")),
  tabs: (text) => utf8(text.replaceAll(",", "\t")),
  "duplicate-header": (text) => editHeader(text, (cells) => [...cells, cells[0]]),
  "missing-header-column": (text) => editColumns(text, (cells) => cells.slice(0, -1)),
  "header-renamed": (text) => editHeader(text, (cells) => cells.map((c, i) => (i === 1 ? `${c}_x` : c))),
  "unit-in-cell": (text) => editCell(text, 3, lastNumeric(text), (c) => `${c} ms`),
  nan: (text) => editCell(text, 3, lastNumeric(text), () => "NaN"),
  infinity: (text) => editCell(text, 3, lastNumeric(text), () => "Infinity"),
  "minus-inf": (text) => editCell(text, 3, lastNumeric(text), () => "-inf"),
  "empty-cell": (text) => editCell(text, 3, lastNumeric(text), () => ""),
  "quoted-number": (text) => editCell(text, 3, lastNumeric(text), (c) => `"${c}"`),
  huge: (text) => editCell(text, 3, lastNumeric(text), () => "1e400"),
  "huge-finite": (text) => editCell(text, 3, lastNumeric(text), () => "1.7e308"),
  negative: (text) => editCell(text, 3, lastNumeric(text), (c) => `-${c}`),
  hex: (text) => editCell(text, 3, lastNumeric(text), () => "0x1F"),
  "comma-decimal": (text) =>
    editCell(text, 3, lastNumeric(text), (c) => `"${c.includes(".") ? c.replace(".", ",") : `${c},5`}"`),
  "quoted-newline": (text) => editCell(text, 3, 0, (c) => `"${c}\nsecond line"`),
  "unterminated-quote": (text) => editCell(text, 3, 0, (c) => `"${c}`),
  "stray-quote": (text) => editCell(text, 3, 0, (c) => `${c}"x`),
  "extra-field": (text) => replaceLine(text, 3, (line) => utf8(`${line},extra`)),
  "missing-field": (text) => replaceLine(text, 3, (line) => utf8(line.slice(0, line.lastIndexOf(",")))),
  "cell-with-formula": (text) => editCell(text, 3, lastNumeric(text), () => "=1+2"),
};

/** Mutations for one JSON document. */
const JSON_DOC = {
  "duplicate-key": (text) => utf8(text.replace("{", '{"__dup": 1, "__dup": 2, ')),
  "trailing-comma": (text) => utf8(text.replace(/([}\]])\s*$/, ",$1\n")),
  "nan-literal": (text) => utf8(replaceFirstNumber(text, "NaN")),
  "infinity-literal": (text) => utf8(replaceFirstNumber(text, "Infinity")),
  "number-as-string": (text) => utf8(replaceFirstNumber(text, (n) => `"${n}"`)),
  "huge-number": (text) => utf8(replaceFirstNumber(text, "1e400")),
  "negative-number": (text) => utf8(replaceFirstNumber(text, (n) => `-${n}`)),
  "deep-nesting": () => utf8(`${"[".repeat(20_000)}${"]".repeat(20_000)}`),
  "deep-nesting-object": () => utf8(`${'{"a":'.repeat(20_000)}1${"}".repeat(20_000)}`),
  "top-level-array": (text) => utf8(`[${text.trim()}]`),
  "top-level-string": () => utf8('"hello"'),
  "js-comment": (text) => utf8(`// exported by hand\n${text}`),
  "single-quotes": (text) => utf8(text.replaceAll('"', "'")),
  "null-everywhere": (text) => utf8(text.replace(/:\s*-?\d+(\.\d+)?([eE][+-]?\d+)?/g, ": null")),
};

/** Mutations for JSON Lines files. */
const JSONL = {
  "broken-middle-line": (text) =>
    replaceLine(text, Math.max(1, lines(text).length >> 1), (l) => utf8(l.slice(0, l.length >> 1))),
  "blank-lines": (text) => utf8(lines(text).join("\n\n\n") + "\n"),
  "duplicate-key-line": (text) =>
    replaceLine(text, 1, (l) => utf8(l.replace("{", '{"__dup": 1, "__dup": 2, '))),
  "number-as-string": (text) => utf8(replaceFirstNumber(text, (n) => `"${n}"`)),
  "nan-literal": (text) => utf8(replaceFirstNumber(text, "NaN")),
  "deep-nesting-line": (text) => utf8(`${text}${"[".repeat(20_000)}${"]".repeat(20_000)}\n`),
  "array-line": (text) => utf8(`${text}[1, 2, 3]\n`),
};

/** Mutations for the line-oriented logs (MLPerf, TREC). */
const LINES = {
  "every-other-line": (text) =>
    utf8(
      lines(text)
        .filter((_, i) => i % 2 === 0)
        .join("\n") + "\n",
    ),
  "numbers-garbled": (text) =>
    utf8(text.replace(/\d+\.\d+|\d{3,}/g, (n, at) => (at % 3 === 0 ? `${n}x` : n))),
  "numbers-negative": (text) => utf8(text.replace(/(\s)(\d+\.\d+)/g, "$1-$2")),
  "tabs-to-spaces": (text) => utf8(text.replaceAll("\t", "    ")),
  "nan-values": (text) => utf8(text.replace(/\d+\.\d+/g, "nan")),
};

const GROUPS = {
  csv: [ANY, CSV],
  json: [ANY, JSON_DOC],
  jsonl: [ANY, JSONL],
  txt: [ANY, LINES],
};

function writeCorpus() {
  rmSync(CORPUS, { recursive: true, force: true });
  let count = 0;
  for (const name of readdirSync(SEEDS).sort()) {
    const bytes = new Uint8Array(readFileSync(join(SEEDS, name)));
    const text = new TextDecoder().decode(bytes);
    const ext = extname(name).slice(1);
    const random = lcg(hash(name));
    const stem = name.slice(0, -ext.length - 1);
    for (const group of GROUPS[ext]) {
      for (const [mutation, apply] of Object.entries(group)) {
        const variant = apply(text, bytes, random);
        if (variant === undefined) continue; // the mutation does not apply to this seed
        const out = join(CORPUS, stem, `${mutation}.${ext}`);
        mkdirSync(dirname(out), { recursive: true });
        writeFileSync(out, variant);
        count++;
      }
    }
  }
  process.stderr.write(`wrote ${count} corpus files under tests/reliability/data/corpus/\n`);
}

// --- internal ---

/** Seeds copied from the format tests' data, renamed so that no two share a stem. */
const FORMAT_TEST_DATA = {
  "genai-perf-csv.csv": "genai-perf-profile_export_genai_perf.csv",
  "genai-perf-json.json": "genai-perf-profile_export_genai_perf.json",
  "llmperf-responses.json": "llmperf-individual_responses.json",
  "llmperf-summary.json": "llmperf-summary.json",
  "nvidia-smi-nounits.csv": "nvidia-smi-nounits.csv",
  "nvidia-smi-units.csv": "nvidia-smi-units.csv",
  "sglang-bench.jsonl": "sglang-bench.jsonl",
  "vllm-bench-detailed.json": "vllm-bench-detailed.json",
};

/** "请求编号," in GBK: a Chinese header written by a spreadsheet in a GBK locale. */
const GBK_WORDS = Uint8Array.of(0xc7, 0xeb, 0xc7, 0xf3, 0xb1, 0xe0, 0xba, 0xc5, 0x2c);

function read(path) {
  return readFileSync(join(ROOT, path), "utf8");
}

function lines(text) {
  const all = text.split(/\r?\n/);
  if (all.at(-1) === "") all.pop();
  return all;
}

function utf8(text) {
  return new TextEncoder().encode(text);
}

function concat(...parts) {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** Replaces file line `number` (1-based) with the bytes `edit` returns. */
function replaceLine(text, number, edit) {
  const all = lines(text);
  const index = Math.min(number, all.length) - 1;
  const before = utf8(
    all
      .slice(0, index)
      .map((l) => `${l}\n`)
      .join(""),
  );
  const after = utf8(
    all
      .slice(index + 1)
      .map((l) => `${l}\n`)
      .join(""),
  );
  return concat(before, edit(all[index] ?? ""), utf8("\n"), after);
}

function editHeader(text, edit) {
  return replaceLine(text, 1, (line) => utf8(edit(line.split(",")).join(",")));
}

function editColumns(text, edit) {
  return utf8(
    lines(text)
      .map((line) => edit(line.split(",")).join(","))
      .join("\n") + "\n",
  );
}

/** Edits one cell of file line `number`, splitting on commas (the seeds quote no commas on that line). */
function editCell(text, number, column, edit) {
  if (column < 0) return undefined;
  return replaceLine(text, number, (line) => {
    const cells = line.split(",");
    const at = Math.min(column, cells.length - 1);
    cells[at] = edit(cells[at] ?? "");
    return utf8(cells.join(","));
  });
}

/** The last column of line 3 that holds a plain number (the column a unit or NaN breaks); -1 when none does. */
function lastNumeric(text) {
  const cells = (lines(text)[2] ?? "").split(",");
  for (let i = cells.length - 1; i >= 0; i--) if (/^\s*-?\d+(\.\d+)?\s*$/.test(cells[i] ?? "")) return i;
  return -1;
}

function replaceFirstNumber(text, replacement) {
  return text.replace(
    /(:\s*)(\d+\.\d+|\d+)(?=\s*[,}\]])/,
    (_, colon, n) => `${colon}${typeof replacement === "function" ? replacement(n) : replacement}`,
  );
}

function shuffle(items, random) {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = random(i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

function hash(text) {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** A small seeded generator: random(n) is an integer in [0, n). */
function lcg(seed) {
  let state = seed || 1;
  return (n) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return Math.floor((state / 2 ** 32) * n);
  };
}

if (process.argv.includes("--seeds")) refreshSeeds();
writeCorpus();
