import { cac } from "cac";
import { readVersion } from "../read/read-package.ts";

/** What a command hands back to `main`: the exit code (0 unless said). */
export type CommandResult = { exitCode: number };

/** The table of contents of the CLI; every action lazy-imports its implementation. */
export function createCli() {
  const cli = cac("claimcheck");

  cli
    .command("verify [manifest]", "Recompute every number of a submission and judge it against its topic")
    .option("--topic <id>", "Quick mode: the topic, e.g. 1.2")
    .option("--candidate <file>", "Quick mode: the candidate's result file")
    .option("--baseline <file>", "Quick mode: the baseline's result file")
    .option("--memory <file>", "Quick mode: a GPU memory timeline (nvidia-smi CSV)")
    .option("--qrels <file>", "Quick mode: relevance judgments (retrieval topics)")
    .option("--link <id|GB/s>", "Quick mode: the bottleneck link (hardware catalog id or GB/s per direction)")
    .option(
      "--in-network-reduction <kind>",
      "Quick mode: nvls, sharp or collnet, when the collectives used one",
    )
    .option("--candidate-format <id>", "Format of --candidate (default: detected)")
    .option("--baseline-format <id>", "Format of --baseline (default: detected)")
    .option("--format <name>", "Print the report on stdout: json | md | html | junit | annotations")
    .option("--out <dir>", "Write report.json, report.md, report.html and junit.xml into <dir>")
    .option(
      "--lang <lang>",
      "Language of the summary, Markdown, HTML, annotations and charts: en | zh (default en)",
    )
    .option(
      "--charts",
      "With --out: also write every chart as a PNG into <dir>/charts/ (linked from report.md)",
    )
    .option(
      "--baseline-report <file>",
      "A previous report.json: list what changed (verdicts, values, input hashes)",
    )
    .option("--only <id>", "Judge only this requirement id (repeatable)")
    .option(
      "--claims-from <file>",
      "A report document (Markdown, LaTeX) whose claim marks are judged too (repeatable)",
    )
    .option("--strict", "Exit 1 instead of 2 when a requirement is inconclusive or missing")
    .option("--confidence <level>", "Confidence level of every bound (default 0.95)")
    .option("--seed <n>", "Bootstrap seed (default 20240)")
    .example("claimcheck verify fixtures/1.2-pass/claimcheck.yaml --out reports/1.2-pass")
    .example("claimcheck verify --topic 1.2 --candidate candidate.csv --baseline baseline.csv --format json")
    .action(async (manifest: string | undefined, raw: Record<string, unknown>) => {
      // Big quick-mode files start parsing in worker threads while the verify pipeline loads.
      (await import("./commands/parse-in-worker.ts")).prefetchQuickModeFiles(raw);
      return (await import("./run-verify.ts")).runVerify({ ...raw, manifest });
    });

  cli
    .command("validate <file>", "Check one result file against its format's schema and plausibility rules")
    .option("--format <id>", "The file's format (default: detected)")
    .option("--json", "Print the result as JSON on stdout")
    .example("claimcheck validate results/candidate.csv")
    .example("claimcheck validate mlperf_log_summary.txt --format mlperf-summary --json")
    .action(async (file: string, raw: Record<string, unknown>) =>
      (await import("./run-small.ts")).runValidate(file, raw),
    );

  cli
    .command("topics [id]", "List the fund's topics, or one topic's requirements")
    .option("--json", "Print as JSON")
    .example("claimcheck topics")
    .example("claimcheck topics 1.2 --json")
    .action(async (id: string | undefined, raw: Record<string, unknown>) =>
      (await import("./run-small.ts")).runTopics(id, raw),
    );

  cli
    .command("template <kind>", "Print the CSV header of a canonical result kind")
    .example("claimcheck template serving-requests > requests.csv")
    .example("claimcheck template gpu-memory")
    .action(async (kind: string) => (await import("./run-small.ts")).runTemplate(kind));

  cli
    .command("report <report>", "Re-render a report.json without the data")
    .option("--format <name>", "json | md | html | junit | annotations (default md)")
    .option(
      "--lang <lang>",
      "Language of the summary, Markdown, HTML, annotations and charts: en | zh (default en)",
    )
    .option("--root <dir>", "Folder of the submission in the repository, prefixed to annotation file paths")
    .option("--charts <dir>", "Also write every chart as a PNG into <dir> (md links them)")
    .option("--baseline-report <file>", "A previous report.json: list what changed")
    .option(
      "--annotate-doc <file>",
      "Write a copy of this report document, each claim mark followed by its verdict, as <name>.claimcheck.<ext>",
    )
    .example("claimcheck report reports/1.2-pass/report.json --format html --lang zh > report.html")
    .example("claimcheck report report.json --format annotations --root fixtures/1.2-invalid")
    .action(async (path: string, raw: Record<string, unknown>) =>
      (await import("./run-small.ts")).runReport(path, raw),
    );

  cli
    .command("serve", "Run the web app: upload page, JSON API and topic dashboards (SQLite or PostgreSQL)")
    .option("--port <n>", "Port to listen on, 0 for any free one (default 8787)")
    .option("--host <address>", "Address to bind (default 127.0.0.1; 0.0.0.0 for every interface)")
    .option(
      "--db <file|url>",
      "SQLite file (default $XDG_DATA_HOME/claimcheck/claimcheck.db) or postgres:// URL",
    )
    .option(
      "--workers <n>",
      "Threads verifying uploads in this process (default: one per core; 0: only `claimcheck worker`)",
    )
    .option(
      "--job-timeout <s>",
      "PostgreSQL: the longest one run of a job may take before it is retried (default 600)",
    )
    .option(
      "--public <rule>",
      "Who reads results: decision (after an officer publishes; default) or latest (open leaderboard)",
    )
    .option("--quota <n>", "Uploads a team may start per hour (default 60); beyond, 429 with Retry-After")
    .option(
      "--trust-proxy",
      "Trust X-Forwarded-Proto from a TLS proxy in front (Secure, __Host- session cookie)",
    )
    .example("claimcheck serve")
    .example("claimcheck serve --port 8080 --db /srv/claimcheck/claimcheck.db --trust-proxy")
    .example("claimcheck serve --db postgres://claimcheck@db.internal/claimcheck --workers 0")
    .action(async (raw: Record<string, unknown>) => (await import("./run-serve.ts")).runServe(raw));

  cli
    .command("worker", "Verify queued uploads of a shared database (run any number, on any machine)")
    .option("--db <file|url>", "The server's database: a postgres:// URL, or its SQLite file on this machine")
    .option("--threads <n>", "Uploads verified at once (default: one per core)")
    .option(
      "--job-timeout <s>",
      "PostgreSQL: the longest one run of a job may take before it is retried (default 600)",
    )
    .example("claimcheck worker --db postgres://claimcheck@db.internal/claimcheck")
    .example("claimcheck worker --db postgres://claimcheck@db.internal/claimcheck --threads 2")
    .action(async (raw: Record<string, unknown>) => (await import("./run-worker.ts")).runWorker(raw));

  cli
    .command("token <action>", "Create an access token for the server (action: create); printed once")
    .option("--team <name>", "A team token: submits for its team and reads its own submissions")
    .option("--officer [name]", "An officer token: reads everything and waives requirements")
    .option("--db <file|url>", "SQLite file or postgres:// URL, as for serve")
    .example('claimcheck token create --team "Example University"')
    .example('claimcheck token create --officer "Dr. Li" --db /srv/claimcheck/claimcheck.db')
    .action(async (action: string, raw: Record<string, unknown>) =>
      (await import("./run-serve.ts")).runToken(action, raw),
    );

  cli.help((sections) => [...sections, { title: "Exit codes", body: EXIT_HELP }]);
  cli.version(readVersion());
  return cli;
}

const EXIT_HELP = [
  "  0  every requirement passed (or was waived)",
  "  1  at least one requirement failed, including a claim that disagrees with the evidence",
  "  2  none failed, but some are inconclusive or missing (--strict: exit 1)",
  "  3  invalid input or usage: nothing was judged",
  "  4  internal error: please report it",
].join("\n");
