import type { Topic } from "../../model/topic.ts";
import type { SubmissionSummary } from "../../store/store.ts";
import { html } from "./html.ts";
import { type PageContext, renderPage, verdictBadge } from "./layout.ts";
import { withLang } from "./page-text.ts";

/**
 * `GET /topics`: every topic with its number of targets and deliverables and each team's published
 * verdict (its latest submission), linking to the topic's dashboard. `submissions` are oldest first.
 */
export function renderTopicIndex(
  page: PageContext,
  topics: readonly Topic[],
  submissions: readonly SubmissionSummary[],
): string {
  const { t, lang } = page;
  const rows = topics.map((topic) => {
    const latest = [
      ...new Map(submissions.filter((s) => s.topic === topic.id).map((s) => [s.team, s])).values(),
    ].sort((a, b) => TEAM_ORDER.compare(a.team, b.team));
    const targets = topic.requirements.filter((r) => r.kind === "target").length;
    const counts = t("page.topics.counts", {
      targets,
      deliverables: topic.requirements.length - targets,
    });
    const teams =
      latest.length === 0
        ? html`<span class="muted">${t("page.topics.noTeams")}</span>`
        : html`<ul class="teams">${latest.map((s) => html`<li>${verdictBadge(s.verdict, t)} ${s.team}</li>`)}</ul>`;
    return html`<li class="topic" id="topic-${topic.id}"><h2><a href="${withLang(`/topics/${topic.id}`, lang)}">${topic.id} ${topic.title[lang]}</a></h2>
<p class="muted">${counts}</p>${teams}</li>`;
  });
  const body = html`<h1>${t("page.topics.title")}</h1>
<p class="muted">${t("page.topics.intro")}</p>
<ul class="topics">${rows}</ul>`;
  return renderPage(page, { title: t("page.topics.title"), body });
}

// --- internal ---

const TEAM_ORDER = new Intl.Collator("en");
