/**
 * The client's `strace`: the socket calls the trace's events carry
 * (`syscalls`), in order, up to the current step: connect() to the service
 * IP (curl's socket set-up, then getsockname(), sendto(), recvfrom(); no getpeername()).
 */
import type { HopEvent } from '../../engine/index.ts';

export function straceLines(events: HopEvent[], step: number): { seq: number; line: string }[] {
  const out: { seq: number; line: string }[] = [];
  for (let i = 0; i <= step && i < events.length; i++) {
    for (const line of events[i]?.syscalls ?? []) out.push({ seq: i, line });
  }
  return out;
}
