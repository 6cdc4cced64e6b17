import { describe, expect, it } from "vitest";
import { defaultDatabasePath } from "../../src/cli/run-serve.ts";
import { runCli } from "../cli/run-cli.ts";

describe("claimcheck serve and token: the CLI shell", () => {
  it.each([
    [{ XDG_DATA_HOME: "/data" }, "/data/claimcheck/claimcheck.db"],
    [{}, "/home/li/.local/share/claimcheck/claimcheck.db"],
    // The XDG spec says a relative path is invalid and must be ignored.
    [{ XDG_DATA_HOME: "data" }, "/home/li/.local/share/claimcheck/claimcheck.db"],
  ])("keeps the default database under the user's data folder (%o)", (env, path) => {
    expect(defaultDatabasePath(env, "/home/li")).toBe(path);
  });

  it.each([
    [["token", "create", "--db", ":memory:"]],
    [["token", "create", "--team", "A", "--officer", "--db", ":memory:"]],
  ])("exits 3 unless exactly one of --team and --officer is given (%j)", (args) => {
    expect(runCli(args)).toEqual({
      exitCode: 3,
      stdout: "",
      stderr: "claimcheck: give exactly one of --team <name> or --officer [name]. See --help.\n",
    });
  });

  it("exits 3 for an unknown token action", () => {
    expect(runCli(["token", "revoke", "--team", "A", "--db", ":memory:"])).toEqual({
      exitCode: 3,
      stdout: "",
      stderr: 'claimcheck: Unknown token action "revoke"; use `claimcheck token create`.\n',
    });
  });

  it("prints a new token once on stdout and says on stderr where it is stored", () => {
    const run = runCli(["token", "create", "--team", "示例大学", "--db", ":memory:"]);
    expect([run.exitCode, /^cc_[A-Za-z0-9_-]{43}\n$/.test(run.stdout), run.stderr]).toEqual([
      0,
      true,
      'claimcheck: team token for "示例大学" stored (hashed) in :memory:. It is shown only now; send it as `Authorization: Bearer <token>`.\n',
    ]);
  });

  it.each([
    ["42", "42"],
    ["007", "007"],
  ])("keeps a team name that looks like a number as typed (--team %s)", (typed, team) => {
    const run = runCli(["token", "create", "--team", typed, "--db", ":memory:"]);
    expect([run.exitCode, run.stderr.split(" stored")[0]]).toEqual([
      0,
      `claimcheck: team token for "${team}"`,
    ]);
  });
});
