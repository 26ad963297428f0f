/**
 * Deterministic flow timestamps. The engine has no clock: a conversation
 * starts at the scenario's capture start (Datapath.captureStartUs: the
 * cilium-config annotation flowlab.cilium.io/capture-start; the lab sets the
 * seed's ping time, Nov 1 14:01:20.633) and each packet takes 100 µs, so a
 * short conversation stays within one printed millisecond, as the seed's ping does.
 */
/** Time one packet takes to cross the lab, in microseconds. */
export const PACKET_SPACING_US = 100;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number) => String(n).padStart(2, '0');

/** Go's time.StampMilli, `Jan _2 15:04:05.000` (the day is space-padded; sub-ms digits are cut, not rounded). */
export function stampMilli(us: number): string {
  const d = new Date(Math.floor(us / 1000));
  return (
    `${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ` +
    `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}.${String(d.getUTCMilliseconds()).padStart(3, '0')}`
  );
}

/** RFC 3339 in UTC as protojson prints a Timestamp: 0, 3, 6 or 9 fractional digits. */
export function rfc3339(us: number): string {
  const d = new Date(Math.floor(us / 1000));
  const ns = (us % 1_000_000) * 1000;
  const digits = ns === 0 ? 0 : ns % 1_000_000 === 0 ? 3 : ns % 1000 === 0 ? 6 : 9;
  const frac = digits ? `.${String(ns).padStart(9, '0').slice(0, digits)}` : '';
  return `${d.toISOString().slice(0, 19)}${frac}Z`;
}
