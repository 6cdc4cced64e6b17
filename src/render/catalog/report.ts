/**
 * The words around the data in the Markdown summary, the terminal summary, annotations and the HTML
 * report (the HTML's table headings are in `../i18n.ts`). The English is byte-identical to what the
 * renderers wrote before the catalog, so committed English reports do not change.
 */
export const messages: Record<string, { en: string; zh: string }> = {
  "md.heading": {
    en: "claimcheck: {verdict} — topic {topic} {title}",
    zh: "claimcheck：{verdict} — 课题 {topic} {title}",
  },
  "md.team_line": { en: "Team **{team}** · {counts}", zh: "团队 **{team}** · {counts}" },
  "md.table_head": {
    en: "| | Requirement | Target | Measured [bound] | Claimed | Verdict |",
    zh: "| | 要求 | 目标 | 实测值 [置信区间] | 声明值 | 结论 |",
  },
  "md.program_note": {
    en: "¹ program default: the seed gives no number; the program office owns this value.",
    zh: "¹ 项目办默认值：课题指南未给出数值，该值由项目办负责。",
  },
  "md.why": { en: "Why each verdict", zh: "各项结论的原因" },
  "md.inputs": { en: "Inputs", zh: "输入文件" },
  "md.inputs_head": {
    en: "| Role | File | Format | Rows | SHA-256 |",
    zh: "| 角色 | 文件 | 格式 | 行数 | SHA-256 |",
  },
  "md.findings": { en: "Findings ({n})", zh: "问题（{n}）" },
  "md.charts": { en: "Charts", zh: "图表" },
  "md.changes": {
    en: "Changes since the previous report ({at}): {from} → {to}",
    zh: "与上一份报告（{at}）相比的变化：{from} → {to}",
  },
  "md.nothing_changed": { en: "Nothing changed.", zh: "没有变化。" },
  "md.changes_head": { en: "| | Previous | Now |", zh: "| | 之前 | 现在 |" },
  "md.input_change": { en: "input {role}", zh: "输入 {role}" },
  "md.at": { en: "at", zh: "位于" },
  "md.first_findings": {
    en: "First findings to fix ({shown} of {n}):",
    zh: "需先修正的问题（共 {n} 个，列出 {shown} 个）：",
  },
  "text.n_needed": { en: "n needed ≈ {n}", zh: "所需样本量 ≈ {n}" },
  "text.or": { en: "or", zh: "或" },
  "text.vs": { en: "vs", zh: "对比" },
  "text.column": { en: "column {column}", zh: "{column} 列" },
  "summary.head": {
    en: "claimcheck: topic {topic}, team {team}: {verdict}",
    zh: "claimcheck：课题 {topic}，团队 {team}：{verdict}",
  },
  "summary.input": {
    en: "input {role}: {path} ({format}, {source}; {rows} rows)",
    zh: "输入 {role}：{path}（{format}，{source}；{rows} 行）",
  },
  "summary.findings": { en: "findings:", zh: "问题：" },
  "summary.more": { en: "… and {n} more (see the report)", zh: "… 另有 {n} 个（见报告）" },
  "html.submission_id": { en: "Submission", zh: "提交编号" },
  "html.page": { en: "page", zh: "第" },
  "html.of": { en: "of", zh: "页，共" },
  "html.pages_end": { en: "", zh: "页" },
  "html.first_findings": {
    en: "First findings to fix ({shown} of {n})",
    zh: "需先修正的问题（共 {n} 个，列出 {shown} 个）",
  },
  "html.sign_off": { en: "Sign-off", zh: "签字确认" },
  "html.sign_officer": { en: "Program officer", zh: "项目官员" },
  "html.sign_team": { en: "Team lead", zh: "团队负责人" },
  "html.sign_name": { en: "Name", zh: "姓名" },
  "html.sign_role": { en: "Role", zh: "职务" },
  "html.sign_date": { en: "Date", zh: "日期" },
  "html.sign_signature": { en: "Signature", zh: "签字" },
  "html.details": { en: "details", zh: "详情" },
  "html.waived_note": { en: "waived", zh: "已豁免" },
  "html.sides_one": { en: "one-sided", zh: "单侧" },
};
