import { z } from "zod";
import { SubmissionSchema } from "./manifest.ts";
import { ReportSchema } from "./report.ts";
import { TopicSchema } from "./topic.ts";

const BASE = "https://claimcheck.dev/schemas/";

/** The published JSON Schemas, generated from the zod schemas (the single source of truth). */
export function computeJsonSchemas(): Record<string, object> {
  return {
    // What a user writes: defaults make fields optional, so the input side is published.
    "submission.schema.json": withId(
      z.toJSONSchema(SubmissionSchema, { io: "input" }),
      "submission",
      "claimcheck submission manifest (claimcheck.yaml)",
    ),
    "topic.schema.json": withId(
      z.toJSONSchema(TopicSchema, { io: "input" }),
      "topic",
      "claimcheck topic catalog entry",
    ),
    "report.schema.json": withId(
      z.toJSONSchema(ReportSchema, { io: "output" }),
      "report",
      "claimcheck canonical report (claimcheck/report@1)",
    ),
  };
}

// --- internal ---

function withId(schema: object, name: string, title: string): object {
  return { $id: `${BASE}${name}.schema.json`, title, ...schema };
}
