/**
 * Sentences of verification jobs (upload status and why a job ended without a verdict), in English
 * and Chinese, ICU MessageFormat. The ids are the status values and the `UploadError` kinds the
 * status endpoint reports.
 */
export const messages: Record<string, { en: string; zh: string }> = {
  "upload.status.queued": { en: "Queued", zh: "排队中" },
  "upload.status.running": { en: "Verifying", zh: "验证中" },
  "upload.status.done": { en: "Verified", zh: "已验证" },
  "upload.status.failed": { en: "Failed", zh: "未通过验证" },
  "upload.rejected": {
    en: "The evidence has {n, plural, one {# error} other {# errors}}; nothing was judged or stored. Fix the rows listed and upload again.",
    zh: "证据文件有 {n} 处错误；未作判定，也未保存。请修正所列的行后重新上传。",
  },
  "upload.stopped_repeatedly": {
    en: "Verification stopped {attempts} times before it finished (the worker was killed or ran out of memory); nothing was judged. Upload smaller files or ask the program office.",
    zh: "验证在完成前已中断 {attempts} 次（工作进程被终止或内存不足）；未作判定。请上传较小的文件，或联系项目办公室。",
  },
  "upload.internal_error": {
    en: "Verification stopped with an internal error (it has been logged for upload {id}); nothing was judged. Please report it to the program office.",
    zh: "验证因内部错误中断（已为上传 {id} 记录日志）；未作判定。请向项目办公室报告。",
  },
  "upload.unknown_topic": {
    en: 'There is no topic "{topic}"; GET /api/topics lists them.',
    zh: "没有课题“{topic}”；GET /api/topics 列出全部课题。",
  },
};
