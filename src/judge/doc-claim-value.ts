/** A number stated in a document, in the requirement's unit, with the precision it was written to. */
export interface StatedValue {
  value: number;
  /** Half a unit of the last written digit, in the requirement's unit: "0.12 s" allows 5 ms. */
  halfDigit: number;
}

/** Why a stated number cannot be compared: nothing readable, or a unit of another kind. */
export interface StatedProblem {
  problem: "unreadable" | "unit";
  /** The unit as written, when the problem is the unit. */
  written?: string;
}

/**
 * Reads `−8.5 %`, `+3 pp`, `0.12 s`, `1,024 GB/s` into the requirement's unit. The Unicode minus (and
 * the en dash typographers use for it) counts as a minus; a bare number is taken in the requirement's
 * unit, so a fraction written for a percentage is caught by the claim comparison (`CLAIM_AS_FRACTION`),
 * never rescaled here. A unit of another dimension (`ms` for a `%` requirement, `%` for `points`) is a
 * problem, not a guess.
 */
export function parseStatedValue(text: string, requirementUnit: string): StatedValue | StatedProblem {
  const normalized = text
    .replace(/[\u2212\u2013\u2012]/g, "-")
    .replace(/[\u00a0\u2009\u202f]/g, " ")
    .trim();
  const match = /^([+-]?)\s*(\d{1,3}(?:,\d{3})+|\d*\.?\d+)(?:\s*([^\d,.\s].*))?$/.exec(normalized);
  if (match === null) return { problem: "unreadable" };
  const [, sign, digits, rawUnit] = match as unknown as [string, string, string, string | undefined];
  const plain = digits.replace(/,/g, "");
  const decimals = plain.includes(".") ? (plain.split(".")[1] as string).length : 0;
  const number = Number(`${sign}${plain}`);
  const written = (rawUnit ?? "").trim();
  const target = UNITS[requirementUnit] ?? { dimension: requirementUnit, factor: 1 };
  const unit = written === "" ? target : UNITS[written];
  if (unit === undefined || unit.dimension !== target.dimension) return { problem: "unit", written };
  const scale = unit.factor / target.factor;
  return { value: Number((number * scale).toPrecision(12)), halfDigit: 0.5 * 10 ** -decimals * scale };
}

/**
 * A condition written in a document is text (`min_bytes="1GiB"`); the metrics read numbers, so a
 * number, a byte size or true/false becomes one. Anything else stays text (`tokenizer="13a"`).
 */
export function parseConditionValue(text: string): string | number | boolean {
  if (text === "true" || text === "false") return text === "true";
  if (/^[+-]?\d+(\.\d+)?$/.test(text)) return Number(text);
  const size = /^(\d+(?:\.\d+)?)\s*([KMGT]i?B|B)$/.exec(text.trim());
  const unit = size === null ? undefined : UNITS[size[2] as string];
  return size !== null && unit !== undefined ? Number(size[1]) * unit.factor : text;
}

// --- internal ---

interface UnitScale {
  /** Units of one dimension convert into each other by their factors. */
  dimension: string;
  factor: number;
}

const unit = (dimension: string, factor: number): UnitScale => ({ dimension, factor });

/** Written units (and the topics' units) with their dimension and size in that dimension's base. */
const UNITS: Record<string, UnitScale> = {
  "%": unit("percent", 1),
  percent: unit("percent", 1),
  points: unit("points", 1),
  pp: unit("points", 1),
  "p.p.": unit("points", 1),
  pts: unit("points", 1),
  "percentage points": unit("points", 1),
  个百分点: unit("points", 1),
  ms: unit("time", 1e-3),
  s: unit("time", 1),
  us: unit("time", 1e-6),
  µs: unit("time", 1e-6),
  μs: unit("time", 1e-6),
  B: unit("bytes", 1),
  KB: unit("bytes", 1e3),
  KiB: unit("bytes", 2 ** 10),
  MB: unit("bytes", 1e6),
  MiB: unit("bytes", 2 ** 20),
  GB: unit("bytes", 1e9),
  GiB: unit("bytes", 2 ** 30),
  TB: unit("bytes", 1e12),
  TiB: unit("bytes", 2 ** 40),
  "MB/s": unit("rate", 1e6),
  "GB/s": unit("rate", 1e9),
  "GiB/s": unit("rate", 2 ** 30),
  "Gb/s": unit("rate", 1.25e8),
  Gbps: unit("rate", 1.25e8),
  "req/s": unit("requests", 1),
  QPS: unit("requests", 1),
  bits: unit("bits", 1),
  bit: unit("bits", 1),
};
