import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { validate } from "../../src/cli/commands/validate.ts";
import { detectFormat } from "../../src/formats/parse-evidence.ts";
import { isClaimcheckError } from "../../src/model/errors.ts";

export const DATA = fileURLToPath(new URL("./data/", import.meta.url));
export const CORPUS = `${DATA}corpus/`;
export const EXPECTATIONS = `${DATA}expectations.json`;

/** What one corpus file must give: exit 3, a first error finding at a location, or acceptance (and why). */
export type Outcome =
  | { expect: "exit-3" }
  | { expect: "finding"; code: string; line: number | null; column?: string }
  | { expect: "accepted"; rows: number; why: string; undetectable?: true; gap?: true };

export type Expectation = Outcome & { format: string };

/** The format of each seed; every variant of a seed is validated with it declared. */
export const SEED_FORMATS: Record<string, string> = {
  accuracy: "accuracy-csv",
  aiperf: "aiperf-jsonl",
  cost: "cost-csv",
  devices: "devices-csv",
  "genai-perf-csv": "genai-perf-csv",
  "genai-perf-json": "genai-perf-json",
  "generation-pairs": "generation-csv",
  "gpu-memory": "gpu-memory-csv",
  "llmperf-responses": "llmperf-responses",
  "llmperf-summary": "llmperf-summary",
  "lm-eval-results": "lm-eval",
  "lm-eval-samples": "lm-eval-samples",
  "mlperf-detail": "mlperf-detail",
  "mlperf-summary": "mlperf-summary",
  models: "models-csv",
  "nvidia-smi-fixture": "nvidia-smi-csv",
  "nvidia-smi-nounits": "nvidia-smi-csv",
  "nvidia-smi-units": "nvidia-smi-csv",
  opencompass: "opencompass-csv",
  outcomes: "outcomes-csv",
  "serving-requests": "serving-requests-csv",
  "sglang-bench": "sglang-bench",
  "trec-qrels": "trec-qrels",
  "trec-run": "trec-run",
  "vllm-bench-detailed": "vllm-bench",
  "vllm-legacy": "vllm-bench",
};

/**
 * Mutations that keep the file's meaning, so reading it is right: the same rows as the seed.
 * Any other mutation that still reads as valid is a known gap, listed in expectations.json with `gap`.
 */
export const SAME_MEANING: Record<string, string> = {
  "bom-crlf": "a BOM and CRLF line ends encode the same text",
  semicolons: "the delimiter is sniffed from the header (a European spreadsheet export)",
  tabs: "the delimiter is sniffed from the header",
  "quoted-number": "CSV quoting of a number does not change it",
  "shuffled-lines": "record order carries no meaning in this format",
  "blank-lines": "blank lines between JSON Lines records are skipped",
  "tabs-to-spaces": "the format's fields are separated by any whitespace",
  "empty-cell": "the emptied cell is an optional column",
  "missing-header-column": "the dropped last column is optional",
  "header-renamed": "the renamed column is optional; unknown columns are ignored",
  "quoted-newline": "a quoted newline inside a text cell is valid CSV",
  "stray-quote": "a quote inside an unquoted text cell is kept as text",
  "duplicate-key": "the duplicated key is not one claimcheck reads (a JSON_DUPLICATE_KEY warning names it)",
  "duplicate-key-line":
    "the duplicated key is not one claimcheck reads (a JSON_DUPLICATE_KEY warning names it)",
  "numbers-garbled": "the garbled numbers are in fields the format's semantics ignore (TREC rank)",
  nan: "NaN in an optional column reads as an empty cell (pandas writes NaN for missing values)",
  "nan-literal": "NaN, which Python's json writes for no data, reads as a missing value",
  "number-as-string":
    "a number written as a string is read as the number, with a JSON_NUMBER_AS_STRING note (LLMPerf writes numpy values so)",
};

/**
 * Truncations that leave whole records: the file reads as a shorter run, which no single-file check can
 * tell from a real one. The sample-size rules (SAMPLES_TOO_FEW, LM_EVAL_LIMIT) judge n, not the parser.
 */
export const UNDETECTABLE: Record<string, string> = {
  "cut-first-line": "cut after the first record: a complete, shorter run",
  "first-line-only": "the first record alone: a complete, shorter run",
  "no-first-line": "the first record removed: a complete, shorter run",
  "every-other-line": "every other record removed: a complete, shorter run",
  "cut-half": "cut inside the last field of a record: a shorter run with a shorter last value",
  "cut-90": "cut inside the last field of a record: a shorter run with a shorter last value",
};

/** Every corpus file, as `<seed>/<case>.<ext>`, sorted. */
export function corpusFiles(): string[] {
  return readdirSync(CORPUS)
    .sort()
    .flatMap((seed) =>
      readdirSync(`${CORPUS}${seed}`)
        .sort()
        .map((name) => `${seed}/${name}`),
    );
}

export function readExpectations(): Record<string, Expectation> {
  return (JSON.parse(readFileSync(EXPECTATIONS, "utf8")) as { files: Record<string, Expectation> }).files;
}

/** Validates one corpus file with its seed's format declared; any throw but a ClaimcheckError escapes. */
export async function outcomeOf(file: string): Promise<Outcome> {
  const format = SEED_FORMATS[file.split("/")[0] as string] as string;
  try {
    const result = await validate({ file: `${CORPUS}${file}`, format });
    const error = result.findings.find((f) => f.severity === "error");
    if (error !== undefined) {
      const at = error.location;
      return {
        expect: "finding",
        code: error.code,
        line: at?.line ?? null,
        ...(at?.column === undefined ? {} : { column: at.column }),
      };
    }
    return { expect: "accepted", rows: result.rows, why: "" };
  } catch (error) {
    if (isClaimcheckError(error) && error.code !== "E_INTERNAL") return { expect: "exit-3" };
    throw error;
  }
}

/** Format detection on the raw bytes: a format, or a ClaimcheckError; never another exception. */
export function detectionOf(file: string): string {
  const bytes = new Uint8Array(readFileSync(`${CORPUS}${file}`));
  try {
    return detectFormat({ path: file, bytes }).adapter.id;
  } catch (error) {
    if (isClaimcheckError(error)) return "none";
    throw error;
  }
}

export function mutationOf(file: string): string {
  return (file.split("/")[1] as string).replace(/\.[a-z]+$/, "");
}
