/**
 * Two markers on one drawing (the compare view's shared drawing): where both
 * sides' hops stand on (or next to) the same place, side A's marker steps aside (up and
 * to the left, by one marker's width), so neither hides the other. Elsewhere both sit
 * where a one-side drawing puts them.
 */
import { SIDES } from '../../state/selectors.ts';
import type { AppState } from '../../state/store.ts';
import { hopAnchor } from './anchors.ts';
import type { Point, TopologyLayout } from './layout.ts';

const STILL: Point = { x: 0, y: 0 };

export function sharedNudge(layout: TopologyLayout): (s: AppState) => { a: Point; b: Point } {
  // The marker's radius is 0.75 of the small type (packet-layer.ts); its diamond reaches 3 units further.
  const r = Math.round(layout.type.sub * 0.75) + 3;
  const sep = 2 * r + 2;
  return (s) => {
    const a = SIDES.a.event(s);
    const b = SIDES.b.event(s);
    if (!a || !b) return { a: STILL, b: STILL };
    const pa = hopAnchor(a, layout).point;
    const pb = hopAnchor(b, layout).point;
    if (Math.hypot(pa.x - pb.x, pa.y - pb.y) >= sep) return { a: STILL, b: STILL };
    // Up and to the left of B's (the port's name is to the right), never off the drawing's left edge.
    const dx = Math.max(-sep * 0.7, r + 2 - pb.x);
    const to = { x: pb.x + dx, y: pb.y - Math.sqrt(Math.max(0, sep * sep - dx * dx)) };
    return { a: { x: to.x - pa.x, y: to.y - pa.y }, b: STILL };
  };
}
