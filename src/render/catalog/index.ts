import { IntlMessageFormat } from "intl-messageformat";
import type { MessageParam, MessageRef } from "../../model/message.ts";
import type { Lang } from "../i18n.ts";
import { messages as charts } from "./charts.ts";
import { messages as docClaims } from "./doc-claims.ts";
import { messages as evidenceJson } from "./evidence-json.ts";
import { messages as findingsDeliverable } from "./findings-deliverable.ts";
import { messages as findingsFormats } from "./findings-formats.ts";
import { messages as findingsInput } from "./findings-input.ts";
import { messages as findingsJudge } from "./findings-judge.ts";
import { messages as findingsMeasure } from "./findings-measure.ts";
import { messages as findingsQuality } from "./findings-quality.ts";
import { messages as jobs } from "./jobs.ts";
import { messages as measure } from "./measure.ts";
import { messages as measureCollective } from "./measure-collective.ts";
import { messages as measureQuality } from "./measure-quality.ts";
import { messages as measureServing } from "./measure-serving.ts";
import { messages as measureSystem } from "./measure-system.ts";
import { messages as measureTraining } from "./measure-training.ts";

import { messages as reasons } from "./reasons.ts";
import { messages as report } from "./report.ts";
import { messages as reported } from "./reported.ts";
import { messages as serverPages } from "./server.ts";
import { messages as serverApi } from "./server-api.ts";
import { messages as terms } from "./terms.ts";

export type CatalogEntry = { en: string; zh: string };
export type Catalog = Record<string, CatalogEntry>;

/**
 * Every module of this folder, one line each: a new area adds its `messages` here. A key defined in
 * two modules is a mistake the catalog test reports (the later module would silently win).
 */
export const CATALOG_MODULES: Record<string, Catalog> = {
  charts,
  "doc-claims": docClaims,
  "evidence-json": evidenceJson,
  "findings-deliverable": findingsDeliverable,
  "findings-formats": findingsFormats,
  "findings-input": findingsInput,
  "findings-judge": findingsJudge,
  "findings-measure": findingsMeasure,
  "findings-quality": findingsQuality,
  jobs,
  measure,
  "measure-quality": measureQuality,
  "measure-serving": measureServing,
  "measure-system": measureSystem,
  "measure-collective": measureCollective,
  "measure-training": measureTraining,
  reasons,
  report,
  reported,
  "server-api": serverApi,
  server: serverPages,
  terms,
};

export const CATALOG: Catalog = Object.assign({}, ...Object.values(CATALOG_MODULES));

export function hasMessage(key: string): boolean {
  return Object.hasOwn(CATALOG, key);
}

/**
 * Renders a catalog message. ICU MessageFormat (intl-messageformat, the formatjs implementation)
 * rather than template strings, because Chinese and English differ in plurals (`1 request` /
 * `2 requests` but `2 个请求`) and ICU `select` lets one code carry the variants of its sentence.
 * Simple `{x}` arguments print numbers exactly as `String(x)`, so the English text stays byte-identical
 * to what the judge wrote; `#` in plurals uses `NUMBER_FORMAT` (no thousands separators, all digits)
 * for the same reason. Compiled messages are cached per key and language.
 */
export function formatMessage(
  key: string,
  params: Record<string, MessageParam> | undefined,
  lang: Lang,
): string {
  const compiled = compile(key, lang);
  if (compiled === undefined) throw new Error(`No catalog message "${key}".`);
  return String(compiled.format(resolveParams(params ?? {}, lang)));
}

/**
 * The sentence a report field stores, in `lang`: from its key and params when the catalog has the key,
 * else the stored English (reports written before the keys existed).
 */
export function renderMessage(
  ref: { key?: string | undefined; params?: Record<string, MessageParam> | undefined },
  fallback: string,
  lang: Lang,
): string {
  if (ref.key === undefined || !hasMessage(ref.key)) return fallback;
  if (ref.params === undefined && CATALOG[ref.key]?.en.includes("{")) return fallback;
  try {
    return formatMessage(ref.key, ref.params, lang);
  } catch {
    // A report written by another version may lack a value this catalog's sentence needs.
    return fallback;
  }
}

/** A catalog label by key, or the key itself when the catalog has no entry (an id stays an id). */
export function label(key: string, lang: Lang, fallback?: string): string {
  return hasMessage(key) ? formatMessage(key, undefined, lang) : (fallback ?? key);
}

// --- internal ---

const LOCALES: Record<Lang, string> = { en: "en", zh: "zh-CN" };

const NUMBER_FORMAT = (locales?: string | string[], options?: Intl.NumberFormatOptions) =>
  new Intl.NumberFormat(locales, { useGrouping: false, maximumFractionDigits: 20, ...options });

const COMPILED = new Map<string, IntlMessageFormat>();

function compile(key: string, lang: Lang): IntlMessageFormat | undefined {
  const id = `${lang}\u0000${key}`;
  const cached = COMPILED.get(id);
  if (cached !== undefined) return cached;
  const entry = CATALOG[key];
  if (entry === undefined) return undefined;
  const compiled = new IntlMessageFormat(entry[lang], LOCALES[lang], undefined, {
    // Messages quote `<`, `<=` and file names; they hold no markup.
    ignoreTag: true,
    formatters: {
      getNumberFormat: NUMBER_FORMAT,
      getDateTimeFormat: (locales, options) => new Intl.DateTimeFormat(locales, options),
      getPluralRules: (locales, options) => new Intl.PluralRules(locales, options),
    },
  });
  COMPILED.set(id, compiled);
  return compiled;
}

function resolveParams(params: Record<string, MessageParam>, lang: Lang): Record<string, string | number> {
  return Object.fromEntries(
    Object.entries(params).map(([name, value]) => [name, isRef(value) ? resolveRef(value, lang) : value]),
  );
}

function resolveRef(ref: MessageRef, lang: Lang): string {
  return renderMessage(ref, ref.text ?? ref.key, lang);
}

function isRef(value: MessageParam): value is MessageRef {
  return typeof value === "object";
}
