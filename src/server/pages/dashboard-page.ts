import type { Report } from "../../model/report.ts";
import type { TargetRequirement, Topic } from "../../model/topic.ts";
import { html } from "./html.ts";
import { renderPage, verdictBadge } from "./layout.ts";
import { type ChartPoint, renderMetricChart } from "./metric-chart.ts";

/** One submission the caller may see, its report with the waivers applied. */
export interface DashboardSubmission {
  id: string;
  team: string;
  createdAt: string;
  report: Report;
}

/**
 * `GET /topics/:id`: each team's latest verdict per requirement, and the key metric across teams and
 * resubmissions. `submissions` are oldest first; `chosen` picks the charted requirement.
 */
export function renderDashboard(
  topic: Topic,
  submissions: readonly DashboardSubmission[],
  chosen?: string,
): string {
  const latest = [...new Map(submissions.map((s) => [s.team, s])).values()];
  const targets = topic.requirements.filter((r): r is TargetRequirement => r.kind === "target");
  const key = pickKeyRequirement(targets, submissions, chosen);
  const body = html`
<h1>Topic ${topic.id} — ${topic.title.en} <span class="muted">${topic.title.zh}</span></h1>
<p class="muted">${latest.length} team${latest.length === 1 ? "" : "s"}, ${submissions.length} submission${submissions.length === 1 ? "" : "s"} visible to you. Each team's latest submission is public; earlier ones are shown to their team and to officers. <a href="/topics/${topic.id}/export.csv">Download as CSV 下载</a></p>
<h2>Latest verdict per requirement <span class="muted">各团队最新结论</span></h2>
${latest.length === 0 ? html`<p class="muted">No submission yet.</p>` : renderTable(topic, latest)}
<h2>Key metric across teams and resubmissions <span class="muted">关键指标</span></h2>
<p>${targets.map((t) => (t.id === key?.id ? html`<strong>${t.id}</strong> ` : html`<a href="?requirement=${encodeURIComponent(t.id)}">${t.id}</a> `))}</p>
${key === undefined ? html`<p class="muted">This topic has no numeric target.</p>` : renderMetricChart({ title: `${key.title.en} / ${key.title.zh}`, unit: key.unit, target: { op: key.op, value: key.value }, series: seriesOf(key.id, submissions) })}`;
  return renderPage({ title: `Topic ${topic.id}`, body });
}

// --- internal ---

/** Requirements down, teams across: a topic has many requirements and a handful of teams. */
function renderTable(topic: Topic, latest: readonly DashboardSubmission[]) {
  const byTeam = latest.map((s) => new Map(s.report.requirements.map((r) => [r.id, r])));
  return html`<div class="scroll"><table id="latest">
<thead><tr><th>Requirement 要求</th>${latest.map(
    (s) => html`<th><span class="team">${s.team}</span><br>${verdictBadge(s.report.verdict)}
<span class="muted">${s.createdAt.slice(0, 16).replace("T", " ")} UTC</span><br><a href="/api/submissions/${s.id}/report.html">report 报告</a></th>`,
  )}</tr></thead>
<tbody>${topic.requirements.map(
    (requirement) =>
      html`<tr><td><code>${requirement.id}</code><br><span class="muted">${requirement.title.en} / ${requirement.title.zh}</span></td>${byTeam.map(
        (results) => {
          const r = results.get(requirement.id);
          return r === undefined
            ? html`<td class="muted">—</td>`
            : html`<td title="${r.reason}">${verdictBadge(r.verdict)}</td>`;
        },
      )}</tr>`,
  )}</tbody>
</table></div>`;
}

function pickKeyRequirement(
  targets: TargetRequirement[],
  submissions: readonly DashboardSubmission[],
  chosen: string | undefined,
): TargetRequirement | undefined {
  const named = targets.find((t) => t.id === chosen);
  if (named !== undefined) return named;
  const measured = (t: TargetRequirement) =>
    submissions.some((s) => s.report.requirements.some((r) => r.id === t.id && r.measured?.value != null));
  return targets.find(measured) ?? targets[0];
}

function seriesOf(requirement: string, submissions: readonly DashboardSubmission[]) {
  const byTeam = new Map<string, ChartPoint[]>();
  for (const s of submissions) {
    const r = s.report.requirements.find((q) => q.id === requirement);
    const value = r?.measured?.value;
    if (r === undefined || value === null || value === undefined) continue;
    const points = byTeam.get(s.team) ?? [];
    points.push({
      value,
      low: r.measured?.low ?? null,
      high: r.measured?.high ?? null,
      verdict: r.verdict,
      label: `${s.team}, ${s.createdAt.slice(0, 16).replace("T", " ")}: ${+value.toPrecision(4)} (${r.verdict})`,
    });
    byTeam.set(s.team, points);
  }
  return [...byTeam].map(([team, points]) => ({ team, points }));
}
