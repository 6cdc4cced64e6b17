/**
 * Findings of the quality formats whose code the reader picks at run time (lm-eval samples files),
 * so the catalog test's scan of written-out codes does not list them.
 */
export const messages: Record<string, { en: string; zh: string }> = {
  LM_EVAL_SAMPLE_NOT_OBJECT: {
    en: "Line {line} is not a sample object; submit the samples file as lm_eval wrote it.",
    zh: "第 {line} 行不是样本对象；请提交 lm_eval 原样写出的样本文件。",
  },
  LM_EVAL_SAMPLE_NO_DOC_ID: {
    en: "A sample has no doc_id (first on line {line}); submit the samples file as lm_eval wrote it.",
    zh: "有样本缺少 doc_id（首次出现在第 {line} 行）；请提交 lm_eval 原样写出的样本文件。",
  },
  LM_EVAL_SAMPLE_NOT_SCALAR: {
    en: "Metric {metric} is not a per-sample number (it is aggregated over the corpus, e.g. f1 or bleu), so it is not recomputed from the samples.",
    zh: "指标 {metric} 不是逐样本的数值（它在整个语料上聚合，如 f1 或 BLEU），因此不从样本重算。",
  },
  LM_EVAL_SAMPLE_DUPLICATE: {
    en: "Document {doc} appears twice for {metric} ({filter}); the first is kept, as lm-eval scores unique documents.",
    zh: "文档 {doc} 在 {metric}（{filter}）中出现了两次；保留第一次出现的，与 lm-eval 只为不重复的文档评分一致。",
  },
};
