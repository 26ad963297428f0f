/**
 * A broken invariant of the engine itself (a derived table without the row
 * the model guarantees), never a user's mistake: those are FlowError. Used
 * instead of non-null assertions so a bug names what was missing.
 */
export class InternalError extends Error {
  override readonly name = 'InternalError';
}

/** The error for a row the model guarantees but that is not there. */
export const missing = (what: string) => new InternalError(`internal: ${what} is missing`);

/**
 * `value`, or an InternalError naming what was missing. The name is built only on a miss: these
 * lookups run several times per hop.
 */
export function must<T>(value: T | undefined, what: () => string): T {
  if (value === undefined) throw missing(what());
  return value;
}
