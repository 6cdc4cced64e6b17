export const messages: Record<string, { en: string; zh: string }> = {};
