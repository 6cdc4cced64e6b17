/** The OpenAPI paths for sessions, publications and choices; `openapi.ts` merges them into the document. */
export const ACCESS_PATHS = {
  "/api/session": {
    post: {
      summary: "Exchange a token for an HttpOnly session cookie (what the upload page does)",
      requestBody: json({ type: "object", required: ["token"], properties: { token: { type: "string" } } }),
      responses: {
        "200": {
          description: '{"role": "officer"} or {"role": "team", "team": "…"}; Set-Cookie: the session',
        },
        "400": { description: "Not JSON with a token" },
        "401": { description: "Unknown token" },
      },
    },
    get: {
      summary: "Who the caller is",
      responses: { "200": { description: '{"role": "public" | "team" | "officer"}' } },
    },
    delete: {
      summary: "End the session and clear its cookie",
      responses: { "204": { description: "Signed out" } },
    },
  },
  "/api/submissions/{id}/choice": {
    put: {
      summary: "Put this submission forward for its topic's publication (the submitting team only)",
      security: [{ bearer: [] }],
      responses: {
        "200": { description: "{topic, team, submission}" },
        "404": { description: "Not your submission" },
      },
    },
  },
  "/api/topics/{id}/publication": {
    get: {
      summary: "The topic's publication, if any",
      responses: { "200": { description: "Publication" }, "404": { description: "Not published" } },
    },
    put: {
      summary:
        "Publish the topic's results (officer): each team's chosen, or latest at a deadline, submission",
      security: [{ bearer: [] }],
      requestBody: json({
        type: "object",
        required: ["select"],
        properties: {
          select: { enum: ["chosen", "latest"] },
          deadline: { type: "string", format: "date-time" },
          full: {
            type: "boolean",
            default: false,
            description: "Whole reports; otherwise verdicts and measured values with bounds",
          },
        },
      }),
      responses: {
        "200": { description: "Publication with the submissions it made public" },
        "403": { description: "Not an officer" },
        "409": { description: "The server runs with --public latest" },
      },
    },
    delete: {
      summary: "Make the topic's results private again (officer)",
      security: [{ bearer: [] }],
      responses: { "204": { description: "Withdrawn" } },
    },
  },
} as const;

// --- internal ---

function json(schema: object) {
  return { content: { "application/json": { schema } } };
}
