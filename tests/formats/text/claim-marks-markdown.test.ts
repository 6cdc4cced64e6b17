import { describe, expect, it } from "vitest";
import { parseMarkdownClaimMarks } from "../../../src/formats/text/claim-marks-markdown.ts";

const at = (text: string, mark: { start: number; end: number }) => text.slice(mark.start, mark.end);

describe("parseMarkdownClaimMarks", () => {
  it("finds marks on several lines of a paragraph with their own line and column", () => {
    const text = [
      "# Results",
      "",
      'The engine reserves [0.43 GiB]{claim="1.2/startup-reserved-memory"} at start-up',
      '  and p99 TTFT changes by [−4.97 %]{claim="1.2/ttft-p99-regression" trace="poisson 8"}.',
    ].join("\n");
    const { marks, broken } = parseMarkdownClaimMarks(text, "docs/report.md");
    expect(broken).toEqual([]);
    expect(marks).toEqual([
      {
        path: "docs/report.md",
        line: 3,
        column: 21,
        start: 31,
        end: 78,
        requirement: "1.2/startup-reserved-memory",
        text: "0.43 GiB",
        conditions: {},
      },
      {
        path: "docs/report.md",
        line: 4,
        column: 27,
        start: 117,
        end: 177,
        requirement: "1.2/ttft-p99-regression",
        text: "−4.97 %",
        conditions: { trace: "poisson 8" },
      },
    ]);
    expect(marks.map((m) => at(text, m))).toEqual([
      '[0.43 GiB]{claim="1.2/startup-reserved-memory"}',
      '[−4.97 %]{claim="1.2/ttft-p99-regression" trace="poisson 8"}',
    ]);
  });

  it("places marks in lists, block quotes, headings, link labels and table cells", () => {
    const text = [
      '## Busbw [96.1 %]{claim="3.2/a"}', // 1
      "", // 2
      '- item [5 ms]{claim="x/list"}', // 3
      '  > quoted [6 %]{claim="x/quote"}', // 4
      "", // 5
      "| a | b |", // 6
      "|---|---|", // 7
      '| [1 %]{claim="t/1"} | x [2 %]{claim="t/2"} |', // 8
      "", // 9
      "1. see [x [7 %]{claim=\"x/link\"}](https://example.org) and **[8 %]{claim='x/strong'}**", // 10
    ].join("\n");
    const { marks } = parseMarkdownClaimMarks(text, "r.md");
    expect(marks.map((m) => [m.requirement, m.line, m.column, at(text, m)])).toEqual([
      ["3.2/a", 1, 10, '[96.1 %]{claim="3.2/a"}'],
      ["x/list", 3, 8, '[5 ms]{claim="x/list"}'],
      ["x/quote", 4, 12, '[6 %]{claim="x/quote"}'],
      ["t/1", 8, 3, '[1 %]{claim="t/1"}'],
      ["t/2", 8, 26, '[2 %]{claim="t/2"}'],
      ["x/link", 10, 11, '[7 %]{claim="x/link"}'],
      ["x/strong", 10, 61, "[8 %]{claim='x/strong'}"],
    ]);
  });

  it("reads no claim in fenced or indented code, inline code or HTML comments", () => {
    const text = [
      "```markdown",
      '[−18 %]{claim="1.2/a"}',
      "```",
      "",
      '    [1 %]{claim="1.2/b"}',
      "",
      'Inline `[2 %]{claim="1.2/c"}` code.',
      "",
      '<!-- [3 %]{claim="1.2/d"} -->',
      "",
      'Text <!-- [4 %]{claim="1.2/e"} --> and [5 %]{.note} and [6 %]{claim="1.2/f"}.',
    ].join("\n");
    expect(parseMarkdownClaimMarks(text, "r.md").marks.map((m) => [m.requirement, m.line, m.column])).toEqual(
      [["1.2/f", 11, 57]],
    );
  });

  it("keeps offsets and columns of a document with Windows line endings", () => {
    const text = 'Intro\r\n\r\nValue [−8.5 %]{claim="1.2/x"}\r\nnext [1 %]{claim="1.2/y"}\r\n';
    const { marks } = parseMarkdownClaimMarks(text, "r.md");
    expect(marks.map((m) => [m.line, m.column, at(text, m), m.text])).toEqual([
      [3, 7, '[−8.5 %]{claim="1.2/x"}', "−8.5 %"],
      [4, 6, '[1 %]{claim="1.2/y"}', "1 %"],
    ]);
  });

  it("reads the words of a mark with emphasis and a line break as a reader sees them", () => {
    const text = 'We measured [*−8.5*\n%]{claim="1.2/x"} here.';
    expect(parseMarkdownClaimMarks(text, "r.md").marks.map((m) => [m.text, m.line, m.column])).toEqual([
      ["−8.5 %", 1, 13],
    ]);
  });
});
