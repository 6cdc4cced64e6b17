import type { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { z } from "zod";
import type { Publication, SubmissionSummary } from "../store/store.ts";
import { type AppContext, type AppEnv, findTopic, jsonResponse } from "./app-context.ts";
import { requireOfficer } from "./auth.ts";
import { HttpError } from "./http-error.ts";
import { latestPublicSet, type PublicSet, publicationSet, selectPublished } from "./publication.ts";

/**
 * `PUT|GET|DELETE /api/topics/:id/publication` (an officer publishes a topic's results or withdraws them)
 * and `PUT /api/submissions/:id/choice` (a team puts one of its submissions forward).
 */
export function addPublicationRoutes(app: Hono<AppEnv>, context: AppContext): void {
  const small = bodyLimit({
    maxSize: 4096,
    onError: () => {
      throw new HttpError(413, "A publication request is a small JSON object; send at most 4 KiB.");
    },
  });
  app.put("/api/topics/:id/publication", small, async (c) => {
    const officer = requireOfficer(c.get("caller"));
    const topic = await findTopic(context, c.req.param("id"));
    if (context.publicResults === "latest") {
      throw new HttpError(
        409,
        "This server runs with --public latest: every team's latest submission is already public.",
      );
    }
    const request = await readPublishRequest(c.req.raw);
    const submissions = await context.store.listSubmissions({ topic: topic.id });
    const publication: Publication = {
      topic: topic.id,
      select: request.select,
      ...(request.deadline === undefined ? {} : { deadline: request.deadline }),
      full: request.full,
      submissionIds: selectPublished({
        ...request,
        submissions,
        choices: request.select === "chosen" ? await context.store.listChoices(topic.id) : [],
      }),
      officer,
      publishedAt: context.now().toISOString(),
    };
    await context.store.savePublication(publication);
    return jsonResponse(publicationJson(publication, submissions));
  });
  app.get("/api/topics/:id/publication", async (c) => {
    const topic = await findTopic(context, c.req.param("id"));
    const publication = await context.store.getPublication(topic.id);
    if (publication === undefined) {
      throw new HttpError(404, `Topic ${topic.id}'s results are not published yet.`);
    }
    const submissions = await context.store.listSubmissions({ topic: topic.id });
    return jsonResponse(publicationJson(publication, submissions));
  });
  app.delete("/api/topics/:id/publication", async (c) => {
    requireOfficer(c.get("caller"));
    const topic = await findTopic(context, c.req.param("id"));
    await context.store.deletePublication(topic.id);
    return new Response(null, { status: 204 });
  });
  app.put("/api/submissions/:id/choice", async (c) => {
    const caller = c.get("caller");
    const record = await context.store.getSubmission(c.req.param("id"));
    if (caller.role !== "team" || record === undefined || record.team !== caller.team) {
      throw new HttpError(
        caller.role === "public" ? 401 : 404,
        "A team chooses one of its own submissions, with its team token or session.",
      );
    }
    await context.store.saveChoice(record.id);
    return jsonResponse({ topic: record.topic, team: record.team, submission: record.id });
  });
}

/** What the public may read of a topic, under the server's publication rule. */
export async function readPublicSet(
  context: AppContext,
  topic: string,
  submissions?: readonly SubmissionSummary[],
): Promise<PublicSet> {
  if (context.publicResults === "latest") {
    return latestPublicSet(submissions ?? (await context.store.listSubmissions({ topic })));
  }
  return publicationSet(await context.store.getPublication(topic));
}

// --- internal ---

const PublishRequestSchema = z.strictObject({
  select: z.enum(["chosen", "latest"]),
  deadline: z.iso
    .datetime({ offset: true })
    .transform((d) => new Date(d).toISOString())
    .optional(),
  full: z.boolean().default(false),
});

async function readPublishRequest(request: Request) {
  const body = PublishRequestSchema.safeParse(await request.json().catch(() => undefined));
  if (!body.success) {
    const issue = body.error.issues[0];
    throw new HttpError(
      400,
      `Send JSON {"select": "chosen" | "latest", "deadline"?: "<ISO 8601 time>", "full"?: false} (${issue?.path.join(".") || "body"}: ${issue?.message}).`,
    );
  }
  if (body.data.select === "chosen" && body.data.deadline !== undefined) {
    throw new HttpError(
      400,
      'A deadline goes with "select": "latest"; chosen submissions are taken as chosen.',
    );
  }
  return body.data;
}

function publicationJson(publication: Publication, submissions: readonly SubmissionSummary[]) {
  const byId = new Map(submissions.map((s) => [s.id, s]));
  return {
    topic: publication.topic,
    select: publication.select,
    deadline: publication.deadline ?? null,
    full: publication.full,
    officer: publication.officer,
    published_at: publication.publishedAt,
    submissions: publication.submissionIds.map((id) => ({
      id,
      team: byId.get(id)?.team ?? null,
      verdict: byId.get(id)?.verdict ?? null,
    })),
  };
}
