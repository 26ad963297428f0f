/**
 * Small geometry shared by the two node layouts (layout.ts for the normal
 * view, focus-node.ts for focus): where the marker rests at a port, and how
 * large a label may be in a box.
 */
export interface Point { x: number; y: number }
export interface Box { x: number; y: number; w: number; h: number }

/** How far left of a port's box the marker rests, so it never sits on the port's own name. */
export const REST = 10;

/** Where the marker rests at a port: on its left edge, beside the centred name. */
export function rest(b: Box): Point {
  return { x: b.x - REST, y: b.y + b.h / 2 };
}

/** A label's font: as large as `max`, shrunk to fit `width`, never under `min`. */
export function fit(text: string, width: number, max: number, min: number): number {
  return Math.max(min, Math.min(max, (width - 8) / (Math.max(1, [...text].length) * 0.602)));
}

