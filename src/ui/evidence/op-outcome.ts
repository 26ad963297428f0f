/** What a map operation did to its row, in one word the inspector and the evidence rows share. */
import type { MapOp } from '../../engine/index.ts';

export type OpOutcome = 'hit' | 'miss' | 'inserted' | 'updated' | 'deleted';

/** An update that found no row inserted one: a new row, not a miss (issue #7 point 4). */
export function opOutcome(op: Pick<MapOp, 'op' | 'hit'>): OpOutcome {
  if (op.op === 'update') return op.hit ? 'updated' : 'inserted';
  if (op.op === 'delete') return 'deleted';
  return op.hit ? 'hit' : 'miss';
}
