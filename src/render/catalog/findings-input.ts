/**
 * Findings raised while reading inputs and manifests, by code. A code whose sentence differs by
 * where it is raised selects its variant with the `variant` param the finding stores.
 */
export const messages: Record<string, { en: string; zh: string }> = {
  MANIFEST_ENCODING: {
    en: "The manifest is not UTF-8; save it as UTF-8.",
    zh: "清单文件不是 UTF-8 编码；请另存为 UTF-8。",
  },
  ZIP_EVIDENCE_NOT_FOUND: { en: "evidence.{role}: {resolved}", zh: "evidence.{role}：{resolved}" },
};
