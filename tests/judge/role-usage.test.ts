import { describe, expect, it } from "vitest";
import { prepareInput } from "../../src/judge/prepare-input.ts";
import { checkRoleUsage, computeRolesRead, listRequirementRoles } from "../../src/judge/role-usage.ts";
import type { TargetRequirement, Topic } from "../../src/model/topic.ts";
import { readTopic } from "../../src/read/read-topics.ts";
import { loadFixture } from "./fixture-submission.ts";

const topicOf = async (id: string) => (await readTopic(id))[0] as Topic;
const targetsOf = (topic: Topic) =>
  topic.requirements.filter((r): r is TargetRequirement => r.kind === "target");
const inputsOf = (name: string) => loadFixture(name).files.map(prepareInput);

describe("checkRoleUsage", () => {
  it("warns about a role no requirement reads, naming the topic's roles closest first (fixtures/2.1-unused-role)", async () => {
    expect(checkRoleUsage(await topicOf("2.1"), inputsOf("2.1-unused-role"))).toEqual([
      {
        code: "ROLE_UNUSED",
        params: {
          id: "2.1",
          kind: "outcomes",
          reads: {
            key: "role_usage.reads",
            params: { roles: "`tasks`, `evaluator`" },
            text: "reads `tasks`, `evaluator`",
          },
          role: "task",
        },
        severity: "warning",
        message:
          "No requirement of topic 2.1 reads the outcomes file under role `task`, so it was not judged; the topic reads `tasks`, `evaluator` (closest first). Rename the role in claimcheck.yaml's evidence, or drop the file.",
        location: { path: "tasks.csv" },
      },
    ]);
  });

  it("finds every role of the example submissions read (the pass fixtures use no stray role)", async () => {
    const fixtures = ["1.1-pass", "1.2-pass", "1.4-pass", "1.5-pass", "2.1-pass", "2.2-pass", "3.2-pass"];
    const more = ["4.2-pass", "5.5-pass", "5.7-pass", "1.5-two-models-fail"];
    const unused = await Promise.all(
      [...fixtures, ...more].map(async (name) => {
        const { submission } = loadFixture(name);
        return checkRoleUsage(await topicOf(submission.topic), inputsOf(name)).map((f) => f.location?.path);
      }),
    );
    expect(unused.flat()).toEqual([]);
  });
});

describe("computeRolesRead and listRequirementRoles", () => {
  it("resolves roles the way the metrics do: by name, then the only file of the kind", async () => {
    const topic = await topicOf("5.5");
    const inputs = inputsOf("5.5-pass");
    expect(targetsOf(topic).map((r) => [r.id, computeRolesRead(r, inputs), listRequirementRoles(r)])).toEqual(
      [
        ["5.5/bits-per-weight", ["models"], ["models"]],
        ["5.5/parameters-min", ["models"], ["models"]],
        ["5.5/parameters-max", ["models"], ["models"]],
        ["5.5/accuracy-loss", ["accuracy", "accuracy-baseline"], ["candidate", "baseline"]],
        ["5.5/device-coverage", ["devices"], ["candidate"]],
        ["5.5/speed-vs-public-sdk", ["candidate", "baseline"], ["candidate", "baseline", "baseline-<peer>"]],
      ],
    );
  });
});
