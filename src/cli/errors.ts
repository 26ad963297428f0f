/**
 * A mistake in what the user typed or gave us (unknown pod, broken YAML, bad
 * flag): printed as one line, exit code 2, never with a stack trace.
 */
export class UserError extends Error {
  override readonly name = 'UserError';
}

export const EXIT_OK = 0;
/** A real bug: the only case that prints a stack trace. */
export const EXIT_INTERNAL = 1;
export const EXIT_USAGE = 2;
