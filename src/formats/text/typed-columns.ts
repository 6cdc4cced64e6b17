/** A typed array of any element type the columnar readers use. */
export type TypedColumn = Float64Array | Int32Array | Uint32Array | Uint8Array;

/** A bigger copy of `column` holding its first values (a column that outgrew its capacity). */
export function grow<T extends TypedColumn>(column: T, size: number): T {
  const next = new (column.constructor as new (size: number) => T)(size);
  next.set(column.subarray(0, Math.min(column.length, size)));
  return next;
}

/**
 * The first n values, as a view: the spare capacity past them was never written, so its pages were
 * never touched and cost address space only, while a trimming copy would touch every page again.
 */
export function trimTo<T extends TypedColumn>(column: T, n: number): T {
  return column.subarray(0, n) as T;
}
