import type { MessageParam } from "../model/message.ts";
import type { TargetRequirement } from "../model/topic.ts";
import { OPERATORS } from "./operators.ts";

/**
 * Units that are English words (`0.5 points`, `4 bits`): a reason quotes a value in them as a catalog
 * message (`unit.points` → 个百分点), so a Chinese report does not keep the word. Symbols (`%`, `ms`,
 * `GiB`, `CU`) read the same in both languages and stay plain strings, as reports always stored them.
 */
const WORD_UNITS: ReadonlySet<string> = new Set(["points", "bits"]);

/** `12.5 %`, `3 ms`, `0.5 points`: a value in its unit, as the English reason writes it. */
export function quantityText(value: number, unit: string): string {
  return `${value}${unit === "%" ? " %" : ` ${unit}`}`;
}

/** ` %`, ` ms`, ` points`: the unit after a value, a message when the unit is a word. */
export function unitSuffixParam(unit: string): MessageParam {
  const text = unit === "%" ? " %" : ` ${unit}`;
  return WORD_UNITS.has(unit)
    ? { key: "quantity.unit_suffix", params: { unit: { key: `unit.${unit}`, text: unit } }, text }
    : text;
}

/** `quantityText` as a reason parameter: a message when the unit is a word, else the text itself. */
export function quantityParam(value: number, unit: string): MessageParam {
  const text = quantityText(value, unit);
  return WORD_UNITS.has(unit)
    ? { key: "quantity.unit", params: { value, unit: { key: `unit.${unit}`, text: unit } }, text }
    : text;
}

/**
 * The target as a reason states it: `≤ 5 %`, or with its tolerance `≤ 1 CU (within 20 %: 1.2)`;
 * `threshold` is the number the tolerance moves the target to.
 */
export function targetParam(
  requirement: TargetRequirement,
  threshold: number,
): { text: string; param: MessageParam } {
  const symbol = OPERATORS[requirement.op].symbol;
  const value = quantityParam(requirement.value, requirement.unit);
  const bare = `${symbol} ${quantityText(requirement.value, requirement.unit)}`;
  const target: MessageParam =
    typeof value === "string" ? bare : { key: "target.op_value", params: { op: symbol, value }, text: bare };
  const percent = requirement.tolerance?.percent;
  if (percent === undefined) return { text: bare, param: target };
  const limit = Number(threshold.toPrecision(6));
  const text = `${bare} (within ${percent} %: ${limit})`;
  return { text, param: { key: "target.within", params: { target, percent, limit }, text } };
}
