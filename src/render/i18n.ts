import type { Verdict } from "../model/report.ts";

/** The languages of the HTML report and charts. */
export const LANGS = ["en", "zh"] as const;
export type Lang = (typeof LANGS)[number];

/** The colon after a label: a full-width one in Chinese, which takes no space after it. */
export function colon(lang: Lang): string {
  return lang === "zh" ? "：" : ": ";
}

/** UI strings of the HTML report, one row per string. Submitted text is never translated. */
export const UI_TEXT = {
  title: { en: "Acceptance report", zh: "验收报告" },
  topic: { en: "Topic", zh: "课题" },
  team: { en: "Team", zh: "团队" },
  system: { en: "System", zh: "系统" },
  generated: { en: "Generated", zh: "生成时间" },
  tool: { en: "Tool", zh: "工具" },
  mode: { en: "Mode", zh: "模式" },
  verdict: { en: "Verdict", zh: "结论" },
  submissionVerdict: { en: "Submission verdict", zh: "提交结论" },
  inputs: { en: "Inputs", zh: "输入文件" },
  role: { en: "Role", zh: "角色" },
  file: { en: "File", zh: "文件" },
  format: { en: "Format", zh: "格式" },
  rows: { en: "Rows", zh: "行数" },
  requirements: { en: "Requirements", zh: "指标要求" },
  requirement: { en: "Requirement", zh: "要求" },
  target: { en: "Target", zh: "目标" },
  measured: { en: "Measured [bound]", zh: "实测值 [置信区间]" },
  claimed: { en: "Claimed", zh: "声明值" },
  why: { en: "Why", zh: "原因" },
  method: { en: "Method", zh: "方法" },
  nNeeded: { en: "n needed", zh: "所需样本量" },
  seed: { en: "seed", zh: "课题指南" },
  program: { en: "program default", zh: "项目办默认值" },
  claimMismatch: { en: "disagrees with the evidence", zh: "与证据不符" },
  conditions: { en: "Conditions", zh: "条件" },
  findings: { en: "Findings", zh: "问题" },
  noFindings: { en: "No findings.", zh: "无问题。" },
  location: { en: "Location", zh: "位置" },
  severity: { en: "Severity", zh: "级别" },
  code: { en: "Code", zh: "代码" },
  message: { en: "Message", zh: "说明" },
  deliverables: { en: "Deliverables checklist", zh: "交付物清单" },
  kind: { en: "Kind", zh: "类型" },
  evidence: { en: "Evidence", zh: "证据" },
  charts: { en: "Charts", zh: "图表" },
  changes: { en: "Changes since the previous report", zh: "与上一份报告相比的变化" },
  previous: { en: "Previous", zh: "之前" },
  current: { en: "Now", zh: "现在" },
  noChanges: { en: "Nothing changed.", zh: "没有变化。" },
  failedAtGlance: { en: "What did not pass", zh: "未通过的要求" },
  allPassed: { en: "Every requirement passed.", zh: "所有要求均已通过。" },
  signature: { en: "Reviewed by (name, date, signature)", zh: "审核人（姓名、日期、签字）" },
  targetSource: { en: "target from", zh: "目标来源" },
  perModel: { en: "model", zh: "模型" },
  perPeer: { en: "peer", zh: "对比对象" },
} satisfies Record<string, Record<Lang, string>>;

export const VERDICT_TEXT: Record<Verdict, Record<Lang, string>> = {
  pass: { en: "PASS", zh: "通过" },
  fail: { en: "FAIL", zh: "未通过" },
  inconclusive: { en: "INCONCLUSIVE", zh: "无法判定" },
  missing: { en: "MISSING", zh: "缺失" },
  invalid: { en: "INVALID", zh: "无效" },
  waived: { en: "WAIVED", zh: "豁免" },
  reported: { en: "REPORTED", zh: "已报告" },
};
