import { IntlMessageFormat } from "intl-messageformat";
import { describe, expect, it } from "vitest";
import { messages } from "../../../src/render/catalog/server.ts";
import { pageText, pickLang } from "../../../src/server/pages/page-text.ts";

/** Latin words a Chinese page may hold: the tool's and formats' names, and the language switch's label. */
const ALLOWED_IN_ZH = new Set([
  "claimcheck",
  "yaml",
  "CSV",
  "JSON",
  "JSONL",
  "zip",
  "submission",
  "UTC",
  "token",
  "create",
  "team",
  "officer",
  "cookie",
  "English",
]);

describe("the pages' message catalog", () => {
  it("has every message in English and Chinese with the same parameters", () => {
    const differing = Object.entries(messages).filter(
      ([, m]) => JSON.stringify(argumentsOf(m.en, "en")) !== JSON.stringify(argumentsOf(m.zh, "zh-CN")),
    );
    const summary = messages["page.dashboard.summary"]?.zh ?? "";
    expect([differing, argumentsOf(summary, "zh-CN")]).toEqual([[], ["submissions", "teams"]]);
  });

  it("writes no English word in Chinese beyond ids, formats and the tool's name", () => {
    const words = Object.entries(messages).flatMap(([id, m]) =>
      (m.zh.replace(/\{[^{}]*\}/g, "").match(/[A-Za-z]{2,}/g) ?? [])
        .filter((w) => !ALLOWED_IN_ZH.has(w))
        .map((w) => `${id}: ${w}`),
    );
    expect(words).toEqual([]);
  });

  it("formats plurals and parameters in the page's language", () => {
    const params = { teams: 1, submissions: 3 };
    expect([
      pageText("en")("page.dashboard.summary", params).split(".")[0],
      pageText("zh")("page.dashboard.summary", params).split("。")[0],
      pageText("zh")("page.upload.rowColumn", { line: 5, column: "ttft_ms" }),
    ]).toEqual([
      "1 team, 3 submissions visible to you",
      "你可查看 1 个团队的 3 次提交",
      "第 5 行，ttft_ms 列：",
    ]);
  });

  it.each([
    ["http://x.test/?lang=zh", "en-US", "zh"],
    ["http://x.test/?lang=en", "zh-CN,zh;q=0.9", "en"],
    ["http://x.test/", "zh-CN,zh;q=0.9,en;q=0.8", "zh"],
    ["http://x.test/", "en-GB,zh;q=0.5", "en"],
    ["http://x.test/?lang=fr", null, "en"],
  ])("picks the language of %s with Accept-Language %s: %s", (url, accept, lang) => {
    expect(pickLang(url, accept)).toBe(lang);
  });
});

// --- internal ---

/** The names of a message's arguments, sorted: a Chinese text must fill in what the English one does. */
function argumentsOf(message: string, locale: string): string[] {
  const names = new Set<string>();
  const walk = (nodes: unknown[]): void => {
    for (const node of nodes as { value?: unknown; options?: Record<string, { value: unknown[] }> }[]) {
      if (typeof node.value === "string" && "type" in node && node.type !== 0) names.add(node.value);
      for (const option of Object.values(node.options ?? {})) walk(option.value);
    }
  };
  walk(new IntlMessageFormat(message, locale, undefined, { ignoreTag: true }).getAst());
  return [...names].sort();
}
