import type { TrainingStep, TrainingTable } from "../../model/collective.ts";
import { nested, type Sentence } from "../sentence.ts";

/**
 * Where two training runs can be compared: the steps both logged a loss for, measured in tokens
 * (iteration × global batch × sequence length) when both runs give batch and sequence length, in
 * samples when they give only the batch, else in steps.
 * A loss is only comparable at the same point of training: an FP8 run's loss at step 2000 against a
 * BF16 baseline that stopped at step 1000 says nothing about either precision.
 */
export interface LossWindow {
  axis: "tokens" | "samples" | "steps";
  /** First and last position both runs cover. */
  start: number;
  end: number;
  /** The final tenth of the common window, where the final losses are read. */
  tailStart: number;
  candidate: TrainingStep[];
  baseline: TrainingStep[];
  /** Last position each run reached, to tell a common window that stops short of a run's end. */
  candidateEnd: number;
  baselineEnd: number;
  /** Sentence for the method: which steps of each run were compared. */
  describe: Sentence;
}

/** Share of the common window (its last 10 %) whose losses are averaged as the final loss. */
export const FINAL_SHARE = 0.1;

/**
 * The common window of two runs and the final losses of each inside it, or a sentence saying why
 * there is none (no loss logged, or the runs do not overlap).
 */
export function computeLossWindow(candidate: TrainingTable, baseline: TrainingTable): LossWindow | Sentence {
  const c = candidate.steps.filter((s) => Number.isFinite(s.loss));
  const b = baseline.steps.filter((s) => Number.isFinite(s.loss));
  if (c.length === 0 || b.length === 0) {
    const side = c.length === 0 ? "candidate" : "baseline";
    return { key: "window.no_loss", params: { side }, text: `the ${side} log has no step with a loss` };
  }
  const bySamples = [...c, ...b].every((s) => Number.isFinite(s.globalBatch) && s.globalBatch > 0);
  const byTokens = bySamples && candidate.seqLength !== undefined && baseline.seqLength !== undefined;
  const axis = byTokens ? "tokens" : bySamples ? "samples" : "steps";
  const at = positionOf(axis, candidate, baseline);
  const start = Math.max(at(c[0] as TrainingStep, "c"), at(b[0] as TrainingStep, "b"));
  const end = Math.min(at(c.at(-1) as TrainingStep, "c"), at(b.at(-1) as TrainingStep, "b"));
  const span = stepSpans(c, b);
  if (end < start)
    return {
      key: "window.no_overlap",
      params: { span: nested(span) },
      text: `the runs do not overlap (${span.text})`,
    };
  const tailStart = end - FINAL_SHARE * (end - start);
  const inTail = (steps: TrainingStep[], side: "c" | "b") =>
    steps.filter((s) => at(s, side) <= end && at(s, side) >= tailStart);
  const cTail = inTail(c, "c");
  const bTail = inTail(b, "b");
  if (cTail.length === 0 || bTail.length === 0) {
    const side = cTail.length === 0 ? "candidate" : "baseline";
    return {
      key: "window.no_loss_in_tail",
      params: { side, share: FINAL_SHARE * 100, span: nested(span) },
      text: `the ${side} logged no loss in the last ${FINAL_SHARE * 100} % of the window both runs cover (${span.text})`,
    };
  }
  const tail = stepSpans(cTail, bTail);
  return {
    axis,
    start,
    end,
    tailStart,
    candidate: cTail,
    baseline: bTail,
    candidateEnd: at(c.at(-1) as TrainingStep, "c"),
    baselineEnd: at(b.at(-1) as TrainingStep, "b"),
    describe: {
      key: "window.final_tenth",
      params: { axis, share: FINAL_SHARE * 100, span: nested(tail) },
      text: `at equal ${axis}: the last ${FINAL_SHARE * 100} % of the window both runs cover, ${tail.text}`,
    },
  };
}

// --- internal ---

/** Position of a step on the common axis: iteration × global batch (× sequence length for tokens). */
function positionOf(axis: LossWindow["axis"], candidate: TrainingTable, baseline: TrainingTable) {
  return (step: TrainingStep, side: "c" | "b") => {
    if (axis === "steps") return step.iteration;
    const seq = axis === "tokens" ? ((side === "c" ? candidate : baseline).seqLength as number) : 1;
    return step.iteration * step.globalBatch * seq;
  };
}

/**
 * A sentence when the common window stops before the candidate's last tenth: the losses compared are
 * then not the candidate's final loss (a baseline that stopped at step 1000 against a run to 2000).
 * A baseline that ran longer is fine: it is read at the candidate's end.
 */
export function describeShortWindow(window: LossWindow): Sentence | undefined {
  if (window.end >= (1 - FINAL_SHARE) * window.candidateEnd) return undefined;
  const share = Math.round((100 * window.end) / window.candidateEnd);
  return {
    key: "window.short",
    params: { share, axis: window.axis, end: window.end, candidate_end: window.candidateEnd },
    text: `the baseline covers only the first ${share} % of the candidate's run (${window.axis} ${window.end} of ${window.candidateEnd})`,
  };
}

/** `candidate steps 1810–2000, baseline steps 1810–2000`, as text and as the span message. */
function stepSpans(c: TrainingStep[], b: TrainingStep[]): Sentence {
  const [c1, c2, b1, b2] = [c[0]?.iteration, c.at(-1)?.iteration, b[0]?.iteration, b.at(-1)?.iteration];
  return {
    key: "window.steps",
    params: { c1: `${c1}`, c2: `${c2}`, b1: `${b1}`, b2: `${b2}` },
    text: `candidate steps ${c1}–${c2}, baseline steps ${b1}–${b2}`,
  };
}
