import { createFinding } from "../../model/create-finding.ts";
import type { EvidenceFile } from "../../model/evidence.ts";
import type { QualityEvidence } from "../../model/quality.ts";
import type { DetectInput } from "../format.ts";
import { FindingCollector } from "../text/column-spec.ts";
import { decodeText } from "../text/text.ts";
import type { QualityAdapter } from "./quality-adapter.ts";
import { addShortLine, emptyTrecFile, forEachTrecLine, headRecords, parseTrecInteger } from "./trec-lines.ts";

/**
 * TREC relevance judgments as trec_eval reads them (`-R qrels`): `qid iter docno rel`, the iteration
 * ignored, `rel` an integer where a negative level means "in the pool but unjudged".
 */
export const trecQrels: QualityAdapter = {
  id: "trec-qrels",
  title: "TREC qrels (qid iter docno rel)",
  kind: "retrieval-qrels",
  detect: detectTrecQrels,
  parse: parseTrecQrels,
};

// --- internal ---

const LAYOUT = "qid iter docno rel";

function detectTrecQrels({ head }: DetectInput): number {
  const records = headRecords(head);
  if (records.length === 0) return 0;
  const shaped = records.every((f) => f.length === 4 && parseTrecInteger(f[3] as string) !== undefined);
  return shaped ? 0.8 : 0;
}

function parseTrecQrels(file: EvidenceFile): QualityEvidence {
  const text = decodeText(file.path, file.bytes);
  const out = new FindingCollector();
  const topics = new Map<string, Map<string, number>>();
  const firstLine = new Map<string, number>();
  let rows = 0;
  const records = forEachTrecLine(text, (fields, line) => {
    if (fields.length < 4) return addShortLine(out, file.path, line, fields.length, LAYOUT);
    const [qid, , docno, cell] = fields as [string, string, string, string];
    const rel = parseTrecInteger(cell);
    if (rel === undefined) return badRelevance(out, file.path, line, cell);
    let judged = topics.get(qid);
    if (judged === undefined) {
      judged = new Map();
      topics.set(qid, judged);
    }
    const key = `${qid}\u0000${docno}`;
    const first = firstLine.get(key);
    if (first !== undefined) return duplicate(out, file.path, line, qid, docno, first);
    firstLine.set(key, line);
    judged.set(docno, rel);
    rows++;
  });
  if (records === 0) throw emptyTrecFile(file.path, LAYOUT);
  return {
    format: trecQrels.id,
    kind: "retrieval-qrels",
    rows,
    qrels: { topics },
    context: { topics: topics.size },
    findings: out.finish(file.path),
  };
}

function badRelevance(out: FindingCollector, path: string, line: number, cell: string): void {
  out.add(
    createFinding(
      "TREC_BAD_RELEVANCE",
      "error",
      `The relevance "${cell.slice(0, 40)}" (4th field) is not an integer; write a level such as 0, 1, 2 (or -1 for unjudged).`,
      { path, line, column: "rel" },
      { variant: "trec_qrels_1", cell: cell.slice(0, 40) },
    ),
  );
}

function duplicate(
  out: FindingCollector,
  path: string,
  line: number,
  qid: string,
  docno: string,
  first: number,
): void {
  out.add(
    createFinding(
      "TREC_DUPLICATE_JUDGMENT",
      "error",
      `Query ${qid} judges document ${docno} twice (first on line ${first}); trec_eval rejects such qrels, so keep one judgment.`,
      { path, line, column: "docno" },
      { variant: "trec_qrels_1", qid, docno, first },
    ),
  );
}
