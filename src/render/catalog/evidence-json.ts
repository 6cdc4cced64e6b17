// Messages of the evidence readers for big JSON and compressed files (ICU MessageFormat).
export const messages: Record<string, { en: string; zh: string }> = {
  "error.evidence_archive_broken": {
    en: "{file} starts like a {kind} archive but cannot be decompressed ({reason}); it was probably cut short while being copied. Compress the tool's file again (`{command}`) or submit it uncompressed.",
    zh: "{file} 的开头是 {kind} 压缩文件，但无法解压（{reason}），可能在复制时被截断。请重新压缩工具输出的原始文件（`{command}`），或直接提交未压缩的文件。",
  },
  "label.evidence_compressed": {
    en: "{kind}-compressed; SHA-256 of the file as submitted",
    zh: "{kind} 压缩；SHA-256 按提交的原文件计算",
  },
};
