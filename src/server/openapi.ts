import { ACCESS_PATHS } from "./openapi-access.ts";

/** The OpenAPI 3.1 description served at `GET /openapi.json`. */
export const OPENAPI = {
  openapi: "3.1.0",
  info: {
    title: "claimcheck server",
    version: "1",
    description:
      "Upload benchmark result files, get the verdict. A submission is read by its team and by officers until an officer publishes its topic (or the server runs with --public latest). Raw input files are never served.",
  },
  components: {
    securitySchemes: {
      bearer: { type: "http", scheme: "bearer", description: "claimcheck token create" },
      session: { type: "apiKey", in: "cookie", name: "claimcheck_session", description: "POST /api/session" },
    },
    schemas: {
      Error: {
        type: "object",
        required: ["error"],
        properties: {
          error: { type: "string" },
          findings: { type: "array", items: { $ref: "#/components/schemas/Finding" } },
        },
      },
      Finding: {
        type: "object",
        properties: {
          code: { type: "string" },
          severity: { enum: ["error", "warning", "info"] },
          message: { type: "string" },
          location: {
            type: "object",
            properties: { path: { type: "string" }, line: { type: "integer" }, column: { type: "string" } },
          },
        },
      },
      Submission: {
        type: "object",
        required: ["id", "topic", "team", "created_at", "verdict", "report"],
        properties: {
          id: { type: "string" },
          topic: { type: "string" },
          team: { type: "string" },
          created_at: { type: "string", format: "date-time" },
          verdict: { enum: ["pass", "fail", "inconclusive", "missing", "invalid", "waived"] },
          published: { type: "boolean" },
          waivers: { type: "array", items: { type: "object" } },
          links: { type: "object" },
          report: {
            type: "object",
            description:
              "The canonical report (claimcheck/report@1, schemas/report.schema.json) with waivers applied",
          },
        },
      },
    },
  },
  paths: {
    "/api/submissions": {
      post: {
        summary: "Submit result files (one field per evidence role) or a zipped submission",
        security: [{ bearer: [] }],
        parameters: [
          {
            name: "wait",
            in: "query",
            schema: { type: "boolean" },
            description: "true: answer when verified (201 or 422) instead of 202 at once (CI clients)",
          },
        ],
        requestBody: {
          content: {
            "multipart/form-data": {
              schema: {
                type: "object",
                properties: {
                  topic: { type: "string", example: "1.2" },
                  candidate: { type: "string", format: "binary" },
                  baseline: { type: "string", format: "binary" },
                  memory: { type: "string", format: "binary" },
                  submission: { type: "string", format: "binary", description: "zip with claimcheck.yaml" },
                },
              },
            },
          },
        },
        responses: {
          "201": ref("Submission", "Verified and stored (?wait=true)"),
          "202": { description: "Stored and queued; poll the status URL in Location" },
          "400": ref("Error", "Bad form, unsafe zip path, too many zip entries"),
          "401": ref("Error", "No or unknown token"),
          "403": ref("Error", "Not a team token, or another team's manifest"),
          "413": ref("Error", "Upload or inflated zip too large, or more than 64 multipart parts"),
          "415": ref("Error", "Not multipart, or a file of the wrong type"),
          "422": ref("Error", "Input errors with file, line and column; nothing stored"),
          "429": ref("Error", "The team's hourly upload quota is used; see Retry-After"),
        },
      },
    },
    "/api/submissions/{id}": {
      get: {
        summary: "A submission with its report",
        responses: {
          "200": ref("Submission", "Found"),
          "202": { description: "Not verified yet (its team and officers): the status" },
          "404": ref("Error", "Unknown or not visible"),
        },
      },
    },
    "/api/submissions/{id}/status": {
      get: {
        summary: "Where an upload is: queued, running, done or failed (its team and officers)",
        responses: {
          "200": { description: "status, attempts, error and findings when failed, links" },
          "404": ref("Error", "Unknown or not visible"),
        },
      },
    },
    "/api/submissions/{id}/report.html": {
      get: { summary: "The acceptance report as HTML", responses: { "200": { description: "text/html" } } },
    },
    "/api/submissions/{id}/waivers": {
      post: {
        summary: "Waive a requirement (officer only)",
        security: [{ bearer: [] }],
        requestBody: {
          content: {
            "application/json": {
              schema: {
                type: "object",
                required: ["requirement", "reason"],
                properties: { requirement: { type: "string" }, reason: { type: "string" } },
              },
            },
          },
        },
        responses: {
          "201": ref("Submission", "Waived; report re-rendered"),
          "403": ref("Error", "Not an officer"),
        },
      },
    },
    "/api/topics": {
      get: {
        summary: "The fund's topics and their requirements",
        responses: { "200": { description: "Topic[]" } },
      },
    },
    "/api/topics/{id}/submissions": {
      get: {
        summary: "Submissions on a topic visible to the caller",
        responses: { "200": { description: "Submission summaries, oldest first" } },
      },
    },
    ...ACCESS_PATHS,
    "/topics/{id}": {
      get: { summary: "Topic dashboard (HTML)", responses: { "200": { description: "text/html" } } },
    },
    "/topics/{id}/export.csv": {
      get: {
        summary: "The dashboard's rows as CSV (cells that a spreadsheet would run as a formula start with ')",
        responses: { "200": { description: "text/csv" } },
      },
    },
  },
} as const;

// --- internal ---

function ref(schema: string, description: string) {
  return {
    description,
    content: { "application/json": { schema: { $ref: `#/components/schemas/${schema}` } } },
  };
}
