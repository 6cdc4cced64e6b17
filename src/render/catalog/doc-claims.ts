/**
 * Sentences of the document claims (`claims_from`, `--claims-from`, `report --annotate-doc`): the
 * findings on claim marks and the labels of the reports' "claims in the report document" section.
 */
export const messages: Record<string, { en: string; zh: string }> = {
  DOC_CLAIM_UNKNOWN_REQUIREMENT: {
    // The English is the sentence the judge stores (the finding's location carries file and line).
    en: 'Topic {topic} has no requirement "{requirement}"{closest, select, none {} other {; did you mean {closest}?}} `claimcheck topics {topic}` lists the ids.',
    zh: "课题 {topic} 没有指标要求“{requirement}”{closest, select, none {。} other {；是否应为 {closest}？}}`claimcheck topics {topic}` 列出全部编号。",
  },
  DOC_CLAIM_NOT_A_TARGET: {
    en: "{file}:{line}: {requirement} is a deliverable (papers, patents, code), which has no number to check; list it under deliverables in claimcheck.yaml and remove the mark.",
    zh: "{file}:{line}：{requirement} 是交付成果（论文、专利、代码），没有可核验的数值；请在 claimcheck.yaml 的 deliverables 中列出，并删除该标记。",
  },
  DOC_CLAIM_UNREADABLE: {
    en: "{file}:{line}: “{text}” is not a number claimcheck can compare; write one number with its unit in the mark, e.g. [-8.5 %]'{'claim=\"{example}\"'}'.",
    zh: "{file}:{line}：“{text}”不是可比对的数值；请在标记中写一个带单位的数，例如 [-8.5 %]'{'claim=\"{example}\"'}'。",
  },
  DOC_CLAIM_UNIT_MISMATCH: {
    en: "{file}:{line}: “{text}” is in {written}, but {requirement} is measured in {unit}; state the value in {unit}.",
    zh: "{file}:{line}：“{text}”的单位是 {written}，而 {requirement} 以 {unit} 计量；请以 {unit} 给出声明值。",
  },
  DOC_CLAIM_CONFLICT: {
    en: "{file}:{line} states {requirement} as {stated}, but {other} states it otherwise; one requirement has one claim: make the two agree.",
    zh: "{file}:{line} 对 {requirement} 的声明为 {stated}，与 {other} 的声明不一致；同一指标只能有一个声明值，请使两处一致。",
  },
  DOC_CLAIM_NONE: {
    en: "{file} holds no claim mark, so none of its numbers is checked; mark each claimed number, e.g. [-8.5 %]'{'claim=\"{example}\"'}' (README: “Gate your report”).",
    zh: "{file} 中没有声明标记，其中的数值均未核验；请为每个声明的数值加标记，例如 [-8.5 %]'{'claim=\"{example}\"'}'（见 README“Gate your report”）。",
  },
  "label.doc_claims": { en: "Claims in the report document", zh: "报告文档中的声明" },
  "label.doc_where": { en: "Where", zh: "位置" },
  "reason.doc_disagrees": { en: "{where} disagrees: {finding}", zh: "{where} 与证据不符：{finding}" },
  "label.doc_requirement": { en: "Requirement", zh: "要求" },
  "label.doc_none": { en: "No claim marks were found.", zh: "未找到声明标记。" },
  "label.doc_stated": { en: "Stated", zh: "文中声明值" },
  "label.doc_measured": { en: "Measured [bound]", zh: "实测值 [置信区间]" },
  "label.doc_verdict": { en: "Verdict", zh: "结论" },
  "label.doc_agrees": { en: "agrees with the evidence", zh: "与证据一致" },
  "label.doc_disagrees": { en: "disagrees", zh: "与证据不符" },
  "label.doc_not_measured": { en: "nothing measured", zh: "无实测值" },
  "label.doc_annotated_written": {
    en: "annotated document written to {path}",
    zh: "已写出标注后的文档：{path}",
  },
};
