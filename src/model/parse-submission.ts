import { type Submission, SubmissionSchema } from "./manifest.ts";
import { parseYamlWithSchema } from "./parse-yaml.ts";

/** Parses `claimcheck.yaml` text; every schema problem becomes a finding with its YAML line. */
export function parseSubmission(text: string, path: string): Submission {
  return parseYamlWithSchema(text, path, SubmissionSchema, {
    code: "MANIFEST",
    what: "submission manifest",
    schema: "schemas/submission.schema.json",
  });
}
