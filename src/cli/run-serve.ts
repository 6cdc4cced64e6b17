import { homedir } from "node:os";
import { join } from "node:path";
import { z } from "zod";
import { ClaimcheckError } from "../model/errors.ts";
import { startServer } from "../server/start-server.ts";
import type { CommandResult } from "./cli.ts";
import { EXIT } from "./exit-codes.ts";
import { openStore } from "./open-store.ts";
import { parseCliOptions } from "./options.ts";

export const ServeCliSchema = z.object({
  port: z.coerce.number().int().min(0).max(65_535).default(8787),
  host: z.string().default("127.0.0.1"),
  db: z.string().min(1).optional(),
  public: z.enum(["decision", "latest"]).default("decision"),
  quota: z.coerce.number().int().min(1).max(100_000).optional(),
  trustProxy: z.boolean().default(false),
  workers: z.coerce.number().int().min(0).max(256).optional(),
  jobTimeout: z.coerce.number().int().min(1).max(86_399).optional(),
});

export const TokenCliSchema = z
  .object({
    // The argument parser reads `--team 42` as the number 42; a team name is text whatever it looks like.
    team: z.union([z.string(), z.number()]).transform(String).pipe(z.string().trim().min(1)).optional(),
    officer: z.union([z.literal(true), z.string().trim().min(1)]).optional(),
    db: z.string().min(1).optional(),
  })
  .refine((o) => (o.team === undefined) !== (o.officer === undefined), {
    message: "give exactly one of --team <name> or --officer [name]",
  });

/** `claimcheck serve`: opens the store, binds the app, and runs until SIGINT or SIGTERM. */
export async function runServe(raw: Record<string, unknown>): Promise<CommandResult> {
  const options = parseCliOptions(ServeCliSchema, raw);
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const opened = await openStore(options.db ?? defaultDatabasePath(), {
    log,
    ...(options.jobTimeout === undefined ? {} : { jobTimeoutS: options.jobTimeout }),
  });
  const { store, queue } = opened;
  const server = await startServer({
    store,
    queue,
    port: options.port,
    host: options.host,
    log,
    publicResults: options.public,
    trustProxy: options.trustProxy,
    ...(options.quota === undefined ? {} : { limits: { maxUploadsPerHour: options.quota } }),
    ...(options.workers === undefined ? {} : { workers: options.workers }),
  });
  const open =
    options.public === "latest"
      ? "each team's latest result is public"
      : "results public once an officer publishes them";
  process.stderr.write(
    `claimcheck serve: listening on ${server.url} (database ${opened.shown}; ${open}); Ctrl-C stops it\n`,
  );
  await new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  await server.close();
  await queue.stop();
  await opened.close();
  process.stderr.write("claimcheck serve: stopped\n");
  return { exitCode: EXIT.pass };
}

/** `claimcheck token create --team <name> | --officer [name]`: prints a new token once, on stdout. */
export async function runToken(
  action: string,
  raw: Record<string, unknown>,
  argv: readonly string[] = process.argv,
): Promise<CommandResult> {
  if (action !== "create") {
    throw new ClaimcheckError(
      "E_USAGE",
      `Unknown token action "${action}"; use \`claimcheck token create\`.`,
    );
  }
  const options = parseCliOptions(TokenCliSchema, raw);
  const opened = await openStore(options.db ?? defaultDatabasePath(), { log: () => {} });
  const { store, shown: db } = opened;
  const grant =
    options.team !== undefined
      ? { role: "team" as const, team: exactOptionText(argv, "team") ?? options.team }
      : { role: "officer" as const, name: options.officer === true ? "officer" : String(options.officer) };
  const token = await store.createToken(grant, new Date().toISOString());
  await opened.queue.stop();
  await opened.close();
  process.stdout.write(`${token}\n`);
  process.stderr.write(
    `claimcheck: ${grant.role === "team" ? `team token for "${grant.team}"` : `officer token for ${grant.name}`} stored (hashed) in ${db}. It is shown only now; send it as \`Authorization: Bearer <token>\`.\n`,
  );
  return { exitCode: EXIT.pass };
}

/** `$XDG_DATA_HOME/claimcheck/claimcheck.db`, else `~/.local/share/claimcheck/claimcheck.db`. */
export function defaultDatabasePath(env: NodeJS.ProcessEnv = process.env, home = homedir()): string {
  const base = env.XDG_DATA_HOME?.startsWith("/") ? env.XDG_DATA_HOME : join(home, ".local", "share");
  return join(base, "claimcheck", "claimcheck.db");
}

// --- internal ---

/** The text after `--name` as typed (`--team 007` stays "007", which the argument parser reads as 7). */
function exactOptionText(argv: readonly string[], name: string): string | undefined {
  const at = argv.indexOf(`--${name}`);
  const text = at >= 0 ? argv[at + 1] : argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  return text === undefined || text.startsWith("-") || text.trim() === "" ? undefined : text.trim();
}
