import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CATALOG, CATALOG_MODULES, formatMessage, renderMessage } from "../../src/render/catalog/index.ts";

const SRC = new URL("../../src/", import.meta.url).pathname;

/** Every `createFinding("CODE", …)` of `src/` whose code is written out (a few pass a variable code). */
function literalCodes(): string[] {
  const files = readdirSync(SRC, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".ts"));
  const codes = files.flatMap((f) =>
    [...readFileSync(join(SRC, f), "utf8").matchAll(/createFinding\(\s*"([A-Z][A-Z0-9_]+)"/g)].map(
      (m) => m[1] as string,
    ),
  );
  return [...new Set(codes)].sort();
}

/** The `{name}` arguments a message interpolates (select and plural arguments included). */
function argumentsOf(message: string): string[] {
  return [
    ...new Set([...message.matchAll(/\{\s*([a-z_][a-z0-9_]*)\s*[,}]/g)].map((m) => m[1] as string)),
  ].sort();
}

describe("the message catalog", () => {
  it("has English and Chinese text for every finding code used in src/", () => {
    const codes = literalCodes();
    expect(codes.length).toBeGreaterThan(120);
    expect(
      codes.filter((code) => CATALOG[code]?.en === undefined || CATALOG[code]?.zh === undefined),
    ).toEqual([]);
  });

  it("defines each key in one module only", () => {
    const seen = new Map<string, string>();
    const twice = Object.entries(CATALOG_MODULES).flatMap(([module, messages]) =>
      Object.keys(messages).flatMap((key) => {
        const first = seen.get(key);
        seen.set(key, module);
        return first === undefined ? [] : [`${key} in ${first} and ${module}`];
      }),
    );
    expect(twice).toEqual([]);
  });

  it("compiles every message in both languages, and the Chinese uses no value the English lacks", () => {
    const problems = Object.entries(CATALOG).flatMap(([key, { en, zh }]) => {
      const extra = argumentsOf(zh).filter((a) => !argumentsOf(en).includes(a));
      const params = Object.fromEntries(argumentsOf(en).map((a) => [a, a === "variant" ? "other" : 2]));
      const broken = (["en", "zh"] as const).filter((lang) => {
        try {
          formatMessage(key, params, lang);
          return false;
        } catch {
          return true;
        }
      });
      return [
        ...extra.map((a) => `${key}: zh uses {${a}}`),
        ...broken.map((lang) => `${key}: ${lang} does not compile`),
      ];
    });
    expect(problems).toEqual([]);
  });

  it("prints numbers as the judge wrote them, and plurals and selects per language", () => {
    expect([
      formatMessage("reason.invalid_errors", { n: 12345, path: "a_b.csv", claimed: "yes" }, "en"),
      formatMessage("reason.invalid_errors", { n: 12345, path: "a_b.csv", claimed: "no" }, "zh"),
      formatMessage(
        "reason.deliverable_too_few",
        { wanted: "2 patent", tally: "1 of 2 patent", stray: 0 },
        "en",
      ),
      formatMessage(
        "reason.deliverable_too_few",
        { wanted: "2 patent", tally: "1 of 2 patent", stray: 3 },
        "en",
      ),
      formatMessage("reason.target_met", { value: "0.000123 %", target: "≤ 5 %" }, "zh"),
    ]).toEqual([
      "12345 error(s) in a_b.csv stop this requirement from being judged (the claim was not checked); fix the findings listed and run again.",
      "a_b.csv 中有 12345 个错误，本要求无法判定；请修正所列问题后重新运行。",
      "Not enough matching items for 2 patent: 1 of 2 patent.",
      "Not enough matching items for 2 patent: 1 of 2 patent. 3 item(s) are of another type.",
      "实测值 0.000123 % 达到 ≤ 5 %，其置信界也达到。",
    ]);
  });

  it("renders nested messages in one language, and falls back to the stored English without a key", () => {
    const params = {
      n: 2,
      per: { key: "per.model", text: "model" },
      reason: { key: "reason.target_missed", params: { value: "11 req/s", target: "< 10 req/s" } },
    };
    expect([
      renderMessage({ key: "reason.parts_together", params }, "stored", "zh"),
      renderMessage({ key: "reason.parts_together", params }, "stored", "en"),
      renderMessage({}, "stored English", "zh"),
      renderMessage({ key: "SERVING_TTFT_GT_E2E" }, "stored English", "zh"),
    ]).toEqual([
      "2 个模型合计：实测值 11 req/s 未达到目标 < 10 req/s。",
      "The 2 models together: Measured 11 req/s misses the target < 10 req/s.",
      "stored English",
      "stored English",
    ]);
  });
});
