import { ClaimcheckError, isClaimcheckError } from "../model/errors.ts";
import { type CommandResult, createCli } from "./cli.ts";
import { EXIT, exitCodeForError } from "./exit-codes.ts";

/** The only place that turns outcomes into exit codes. */
export async function main(argv: string[]): Promise<void> {
  try {
    const cli = createCli();
    cli.parse(argv, { run: false });
    if (cli.options.help || cli.options.version) return;
    if (cli.matchedCommand === undefined) {
      const name = cli.args[0];
      if (name !== undefined)
        throw new ClaimcheckError(
          "E_USAGE",
          `Unknown command "${name}"; run \`claimcheck --help\` for the commands.`,
        );
      cli.outputHelp();
      return;
    }
    const result = (await cli.runMatchedCommand()) as CommandResult | undefined;
    process.exitCode = result?.exitCode ?? EXIT.pass;
  } catch (error) {
    process.exitCode = await reportError(error);
  }
}

// --- internal ---

// `--version` and `--help` load only cac and this file's imports: anything heavier (zod with the
// finding model, the commands, charts, the server) is imported where it is used.
async function reportError(error: unknown): Promise<number> {
  if (isClaimcheckError(error) && error.code !== "E_INTERNAL") {
    process.stderr.write(`claimcheck: ${error.message}\n`);
    const { formatLocation } = await import("../model/finding.ts");
    for (const finding of error.findings.slice(0, 20)) {
      process.stderr.write(
        `  ${finding.location === undefined ? "" : `${formatLocation(finding.location)}: `}${finding.message}\n`,
      );
    }
    return exitCodeForError(error.code);
  }
  if (error instanceof Error && error.name === "CACError") {
    process.stderr.write(`claimcheck: ${error.message}. Run \`claimcheck --help\` for usage.\n`);
    return EXIT.invalid;
  }
  process.stderr.write(
    `claimcheck: internal error\n${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.stderr.write(
    "This is a bug in claimcheck; please report it with the command you ran and the stack above.\n",
  );
  return EXIT.internal;
}
