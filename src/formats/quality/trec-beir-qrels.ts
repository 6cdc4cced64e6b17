import { createFinding } from "../../model/create-finding.ts";
import type { EvidenceFile } from "../../model/evidence.ts";
import type { QualityEvidence } from "../../model/quality.ts";
import type { DetectInput } from "../format.ts";
import { FindingCollector } from "../text/column-spec.ts";
import { decodeText, splitLines } from "../text/text.ts";
import type { QualityAdapter } from "./quality-adapter.ts";
import { addShortLine, emptyTrecFile, parseTrecInteger } from "./trec-lines.ts";

/**
 * BEIR relevance judgments (`qrels/test.tsv`) as `beir.datasets.data_loader.GenericDataLoader` reads
 * them: `csv.reader(delimiter="\t")`, the first line (`query-id\tcorpus-id\tscore`) skipped, then
 * `query_id, corpus_id, int(score)` per row. The same evidence as TREC qrels; the graded score is the
 * relevance level, and BEIR's evaluation (pytrec_eval) counts a level ≥ 1 as relevant, as trec_eval does.
 */
export const beirQrels: QualityAdapter = {
  id: "beir-qrels",
  title: "BEIR qrels TSV (query-id, corpus-id, score)",
  kind: "retrieval-qrels",
  detect: ({ head }: DetectInput) => (HEADER.test(head.split("\n", 1)[0] ?? "") ? 0.95 : 0),
  parse: parseBeirQrels,
};

// --- internal ---

const HEADER = /^query-id\tcorpus-id\tscore\s*$/;
const LAYOUT = "query-id corpus-id score";

function parseBeirQrels(file: EvidenceFile): QualityEvidence {
  const lines = splitLines(decodeText(file.path, file.bytes));
  const out = new FindingCollector();
  const topics = new Map<string, Map<string, number>>();
  const firstLine = new Map<string, number>();
  let rows = 0;
  let records = 0;
  const headed = HEADER.test(lines[0] ?? "");
  if (!headed) out.add(noHeader(file.path));
  for (let i = headed ? 1 : 0; i < lines.length; i++) {
    const text = lines[i] as string;
    if (text.trim() === "") continue;
    records++;
    const fields = text.split("\t");
    if (fields.length < 3) {
      addShortLine(out, file.path, i + 1, fields.length, LAYOUT);
      continue;
    }
    const [qid, docno, cell] = fields as [string, string, string];
    // Python's int() allows surrounding blanks, nothing else.
    const rel = parseTrecInteger(cell.trim());
    if (rel === undefined) {
      out.add(badScore(file.path, i + 1, cell));
      continue;
    }
    let judged = topics.get(qid);
    if (judged === undefined) {
      judged = new Map();
      topics.set(qid, judged);
    }
    const key = `${qid}\u0000${docno}`;
    const first = firstLine.get(key);
    if (first !== undefined) out.add(duplicate(file.path, i + 1, qid, docno, first));
    else rows++;
    firstLine.set(key, i + 1);
    judged.set(docno, rel); // BEIR's dict keeps the last score of a repeated pair
  }
  if (records === 0) throw emptyTrecFile(file.path, LAYOUT);
  return {
    format: beirQrels.id,
    kind: "retrieval-qrels",
    rows,
    qrels: { topics },
    context: { topics: topics.size },
    findings: out.finish(file.path),
  };
}

function noHeader(path: string) {
  return createFinding(
    "BEIR_QRELS_NO_HEADER",
    "warning",
    "The first line is not BEIR's header 'query-id<TAB>corpus-id<TAB>score'; BEIR's loader skips the first line whatever it holds, so BEIR itself would drop this judgment. Submit the qrels file as BEIR ships it.",
    { path, line: 1 },
    {},
  );
}

function badScore(path: string, line: number, cell: string) {
  return createFinding(
    "TREC_BAD_RELEVANCE",
    "error",
    `The score "${cell.slice(0, 40)}" (3rd column) is not an integer; BEIR reads it with int(), so write a level such as 0, 1 or 2.`,
    { path, line, column: "score" },
    { variant: "trec_beir_qrels_1", cell: cell.slice(0, 40) },
  );
}

function duplicate(path: string, line: number, qid: string, docno: string, first: number) {
  return createFinding(
    "TREC_DUPLICATE_JUDGMENT",
    "warning",
    `Query ${qid} judges document ${docno} again (first on line ${first}); BEIR keeps the last score, and so does claimcheck, but trec_eval would reject the file: keep one judgment.`,
    { path, line, column: "corpus-id" },
    { variant: "trec_beir_qrels_1", qid, docno, first },
  );
}
