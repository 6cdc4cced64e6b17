/** The one font every chart uses, registered from the source-han-sans-cn package so CJK glyphs render. */
export const CHART_FONT = "Source Han Sans CN";

/** CSS pixel size of a chart without caption; PNGs are rendered at `scale` × this. */
export const CHART_SIZE = { width: 720, height: 340 } as const;
/** Caption text size and line height, in CSS pixels; each caption line makes the chart this much taller. */
export const CAPTION_FONT_PX = 11;
export const CAPTION_LINE_PX = 15;

/** Colours by evidence role; the candidate is always the strong one. */
export const ROLE_COLOURS: Record<string, string> = {
  candidate: "#1f5fbf",
  baseline: "#8a8f98",
  memory: "#1f5fbf",
  "baseline-memory": "#8a8f98",
};
/** Targets are red and dashed; other reference lines (the link's line rate) dark grey. */
export const TARGET_COLOUR = "#c0392b";
export const LIMIT_COLOUR = "#444444";

/** A run's colour: any baseline grey, the candidate (and each model's candidate) blue, others by position. */
export function colourOf(role: string | undefined, index: number): string {
  if (role?.includes("baseline")) return ROLE_COLOURS.baseline as string;
  const base = role?.replace(/^candidate-.*$/, "candidate");
  return (base === undefined ? undefined : ROLE_COLOURS[base]) ?? (EXTRA_COLOURS[index % 4] as string);
}

// --- internal ---

const EXTRA_COLOURS = ["#c2710c", "#2f8f4e", "#8e44ad", "#b03a2e"];
