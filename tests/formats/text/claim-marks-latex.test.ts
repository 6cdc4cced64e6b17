import { describe, expect, it } from "vitest";
import { parseLatexClaimMarks } from "../../../src/formats/text/claim-marks-latex.ts";

describe("parseLatexClaimMarks", () => {
  it("reads \\claim marks with their line, column, number, unit and optional conditions", () => {
    const text = [
      "\\newcommand{\\claim}[4][]{#3\\,#4}", // 1
      "AllReduce reaches", // 2
      "\\claim[min_bytes=1GiB]{3.2/allreduce-busbw-utilization}{95.6}{\\%} of line rate,", // 3
      "and TTFT moves by \\claim{1.2/ttft-p99-regression}{$-8.5$}{\\,\\%}.", // 4
    ].join("\n");
    const { marks, broken } = parseLatexClaimMarks(text, "paper/results.tex");
    expect(broken).toEqual([]);
    expect(marks).toEqual([
      {
        path: "paper/results.tex",
        line: 3,
        column: 1,
        start: 51,
        end: 116,
        requirement: "3.2/allreduce-busbw-utilization",
        text: "95.6 %",
        conditions: { min_bytes: "1GiB" },
      },
      {
        path: "paper/results.tex",
        line: 4,
        column: 19,
        start: 149,
        end: 194,
        requirement: "1.2/ttft-p99-regression",
        text: "-8.5 %",
        conditions: {},
      },
    ]);
    expect(marks.map((m) => text.slice(m.start, m.end))).toEqual([
      "\\claim[min_bytes=1GiB]{3.2/allreduce-busbw-utilization}{95.6}{\\%}",
      "\\claim{1.2/ttft-p99-regression}{$-8.5$}{\\,\\%}",
    ]);
  });

  it("skips comments, \\verb and verbatim, lstlisting and minted environments, but not an escaped \\%", () => {
    const text = [
      "% \\claim{1.2/a}{1}{\\%} is a draft", // 1
      "50\\% done \\claim{1.2/b}{2}{ms} % and \\claim{1.2/c}{3}{ms}", // 2
      "\\verb|\\claim{1.2/d}{4}{ms}| and \\verb+x+", // 3
      "\\begin{verbatim}", // 4
      "\\claim{1.2/e}{5}{ms}", // 5
      "\\end{verbatim}", // 6
      "\\begin{lstlisting}\\claim{1.2/f}{6}{ms}\\end{lstlisting}", // 7
      "\\begin{minted}{latex}", // 8
      "\\claim{1.2/g}{7}{ms}", // 9
      "\\end{minted}", // 10
      "\\claim{1.2/h}{8}{ms}", // 11
    ].join("\n");
    expect(parseLatexClaimMarks(text, "p.tex").marks.map((m) => [m.requirement, m.line, m.column])).toEqual([
      ["1.2/b", 2, 11],
      ["1.2/h", 11, 1],
    ]);
  });

  it("lists a \\claim without its three arguments as broken, but not the macro's definition", () => {
    const text = "\\newcommand\\claim[3]{#2\\,#3}\nWe got \\claim{1.2/x}{5} only.";
    expect(parseLatexClaimMarks(text, "p.tex")).toEqual({
      marks: [],
      broken: [{ line: 2, column: 8, text: "\\claim{1.2/x}{5}" }],
    });
  });
});

describe("parseLatexClaimMarks on a paper's own \\claim", () => {
  it("leaves alone a \\claim macro of the paper whose first argument is no requirement id", () => {
    // Papers define \claim for theorem-like statements (e.g. \newcommand{\claim}[2]{{\bf #1:} {\it #2.}}).
    const text = "\\newcommand{\\claim}[2]{{\\bf #1:} {\\it #2.}}\n\\claim{Claim 1}{the map is injective}";
    expect(parseLatexClaimMarks(text, "p.tex")).toEqual({ marks: [], broken: [] });
  });
});
