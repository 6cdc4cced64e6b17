import type { Report, RequirementResult } from "../../model/report.ts";
import type { TargetRequirement, Topic } from "../../model/topic.ts";
import { reasonText } from "../../render/localize.ts";
import { formatNumber, unitSuffix } from "../../render/text-helpers.ts";
import { html, type SafeHtml } from "./html.ts";
import { breakable, formatTime, type PageContext, renderPage, scrollBox, verdictBadge } from "./layout.ts";
import { type ChartPoint, renderMetricChart } from "./metric-chart.ts";
import { withLang } from "./page-text.ts";

/** One submission the caller may see, its report with the waivers applied. */
export interface DashboardSubmission {
  id: string;
  team: string;
  createdAt: string;
  report: Report;
}

/**
 * `GET /topics/:id`: each team's latest verdict, value and bound per requirement (teams in name order,
 * whoever looks), and one metric over time across teams and resubmissions. `submissions` are oldest
 * first; `chosen` picks the charted requirement.
 */
export function renderDashboard(
  page: PageContext,
  topic: Topic,
  submissions: readonly DashboardSubmission[],
  chosen?: string,
): string {
  const { t, lang } = page;
  const latest = [...new Map(submissions.map((s) => [s.team, s])).values()].sort((a, b) =>
    TEAM_ORDER.compare(a.team, b.team),
  );
  const targets = topic.requirements.filter((r): r is TargetRequirement => r.kind === "target");
  const key = pickKeyRequirement(targets, submissions, chosen);
  const summary = t("page.dashboard.summary", { teams: latest.length, submissions: submissions.length });
  const body = html`
<h1>${t("page.dashboard.title", { topic: topic.id })} — ${topic.title[lang]}</h1>
<p class="muted">${summary} <a href="/topics/${topic.id}/export.csv">${t("page.dashboard.csv")}</a></p>
<h2>${t("page.dashboard.latest")}</h2>
${latest.length === 0 ? html`<p class="muted">${t("page.dashboard.none")}</p>` : scrollBox(t, renderTable(page, topic, latest))}
<h2>${t("page.dashboard.chart")}</h2>
<p class="metric-pick">${t("page.dashboard.metric")} ${targets.map((r) => (r.id === key?.id ? html`<strong>${breakable(r.id)}</strong>` : html`<a href="${withLang(`?requirement=${encodeURIComponent(r.id)}`, lang)}">${breakable(r.id)}</a>`))}</p>
${
  key === undefined
    ? html`<p class="muted">${t("page.dashboard.noTarget")}</p>`
    : renderMetricChart(t, {
        title: `${key.id} — ${key.title[lang]}`,
        unit: key.unit,
        target: { op: key.op, value: key.value },
        series: latest.map((s) => ({ team: s.team, points: pointsOf(page, key.id, s.team, submissions) })),
      })
}`;
  return renderPage(page, { title: t("page.dashboard.title", { topic: topic.id }), body });
}

/**
 * The metric a dashboard opens on: the one asked for; else the first target that every team's latest
 * submission measured (so the chart compares all teams); else the first any submission measured.
 */
export function pickKeyRequirement(
  targets: readonly TargetRequirement[],
  submissions: readonly DashboardSubmission[],
  chosen: string | undefined,
): TargetRequirement | undefined {
  const named = targets.find((r) => r.id === chosen);
  if (named !== undefined) return named;
  const latest = [...new Map(submissions.map((s) => [s.team, s])).values()];
  const measuredBy = (r: TargetRequirement, s: DashboardSubmission) =>
    s.report.requirements.some((q) => q.id === r.id && q.measured?.value != null);
  return (
    (latest.length > 0 ? targets.find((r) => latest.every((s) => measuredBy(r, s))) : undefined) ??
    targets.find((r) => submissions.some((s) => measuredBy(r, s))) ??
    targets[0]
  );
}

// --- internal ---

/** Team names sort the same for every viewer and every language. */
const TEAM_ORDER = new Intl.Collator("en");

/** Requirements down, teams across: a topic has many requirements and a handful of teams. */
function renderTable(page: PageContext, topic: Topic, latest: readonly DashboardSubmission[]): SafeHtml {
  const { t, lang } = page;
  const byTeam = latest.map((s) => new Map(s.report.requirements.map((r) => [r.id, r])));
  return html`<table id="latest">
<thead><tr><th>${t("page.dashboard.requirement")}</th>${latest.map(
    (s) => html`<th><span class="team">${s.team}</span><br>${verdictBadge(s.report.verdict, t)}
<span class="muted nowrap">${t("page.time.utc", { time: formatTime(s.createdAt) })}</span><br><a href="${withLang(`/submissions/${s.id}`, lang)}">${t("page.dashboard.report")}</a></th>`,
  )}</tr></thead>
<tbody>${topic.requirements.map(
    (requirement) =>
      html`<tr><td><code>${breakable(requirement.id)}</code><br><span class="muted">${requirement.title[lang]}</span></td>${byTeam.map(
        (results) => renderCell(page, results.get(requirement.id)),
      )}</tr>`,
  )}</tbody>
</table>`;
}

/** The badge with the measured value and its bound beside it, so nothing hides in a tooltip. */
function renderCell(page: PageContext, result: RequirementResult | undefined): SafeHtml {
  if (result === undefined)
    return html`<td class="muted">— <span class="bound">${page.t("page.dashboard.notJudged")}</span></td>`;
  const m = result.measured;
  const unit = result.target?.unit ?? "";
  const value =
    m === null || m.value === null
      ? ""
      : html`<span class="value">${formatNumber(m.value)}${unitSuffix(unit, page.lang)}</span>`;
  const bound =
    m === null || m.value === null || (m.low === null && m.high === null)
      ? ""
      : html`<span class="bound">[${formatNumber(m.low)}, ${formatNumber(m.high)}]</span>`;
  return html`<td class="cell" title="${reasonText(result, page.lang)}">${verdictBadge(result.verdict, page.t)} ${value}${bound}</td>`;
}

function pointsOf(
  page: PageContext,
  requirement: string,
  team: string,
  submissions: readonly DashboardSubmission[],
): ChartPoint[] {
  const points: ChartPoint[] = [];
  for (const s of submissions) {
    if (s.team !== team) continue;
    const r = s.report.requirements.find((q) => q.id === requirement);
    const value = r?.measured?.value;
    if (r === undefined || value === null || value === undefined) continue;
    const time = page.t("page.time.utc", { time: formatTime(s.createdAt) });
    const verdict = page.t(`page.verdict.${r.verdict}`);
    points.push({
      time: Date.parse(s.createdAt),
      value,
      low: r.measured?.low ?? null,
      high: r.measured?.high ?? null,
      verdict: r.verdict,
      href: withLang(`/submissions/${s.id}`, page.lang),
      label: page.t("page.chart.point", { team, time, value: formatNumber(value), verdict }),
    });
  }
  return points;
}
