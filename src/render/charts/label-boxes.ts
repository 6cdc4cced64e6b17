/** A label's white box on the canvas, in CSS pixels. */
export interface LabelBox {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Whether two label boxes share any pixel. */
export function overlaps(a: LabelBox, b: LabelBox): boolean {
  return (
    a.left < b.left + b.width &&
    b.left < a.left + a.width &&
    a.top < b.top + b.height &&
    b.top < a.top + a.height
  );
}

/**
 * How far to move a label up or down so it covers no label already drawn (a judged peak's label
 * next to the limit's): the first of 0, +step, −step, +2·step, … that is clear and keeps the box
 * between `top` and `bottom`; 0 when none is (overlapping beats leaving the chart).
 */
export function computeClearOffset(
  box: LabelBox,
  taken: LabelBox[],
  area: { top: number; bottom: number },
  step = 16,
): number {
  for (let i = 0; i <= 2 * MAX_STEPS; i++) {
    const offset = i === 0 ? 0 : (i % 2 === 0 ? -1 : 1) * Math.ceil(i / 2) * step;
    const moved = { ...box, top: box.top + offset };
    const inside = moved.top >= area.top && moved.top + moved.height <= area.bottom;
    if (inside && !taken.some((t) => overlaps(moved, t))) return offset;
  }
  return 0;
}

// --- internal ---

const MAX_STEPS = 6;
