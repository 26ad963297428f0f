/**
 * `strace` of a client: the socket calls the trace's hops carry (`syscalls`), in order, up to a step:
 * curl's socket set-up, connect() to the address it was given (the service IP), getsockname(), sendto(),
 * recvfrom(). One function for the page's strace view and `flowlab exec POD -- strace`.
 */
import type { HopEvent } from '../trace.ts';

/** The calls of the hops 0..step (default: all); with `pod`, only the hops in that pod's netns or socket. */
export function straceLines(
  events: readonly HopEvent[], step = events.length - 1, pod?: string,
): { seq: number; line: string }[] {
  const out: { seq: number; line: string }[] = [];
  for (let i = 0; i <= step && i < events.length; i++) {
    const e = events[i];
    if (!e?.syscalls) continue;
    if (pod !== undefined && e.pod !== pod && !(e.place.kind === 'socket' && e.place.pod === pod)) continue;
    for (const line of e.syscalls) out.push({ seq: i, line });
  }
  return out;
}
